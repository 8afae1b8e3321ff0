package org.eventcommerce.domain.promotion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.payments.money.Money;

/**
 * A request to create promotion codes (MISSION.md M8; API.md {@code POST /api/v1/promotion-codes}), before
 * validation. Null fields are reported as required where a rule needs them.
 *
 * @param recipients  typed or uploaded recipients (may be empty)
 * @param quantity    GENERATED: codes per recipient (default 1), or in all when there are no recipients
 * @param customCode  CUSTOM: the code as typed (normalized before use)
 * @param codeLength  GENERATED: 4–32
 * @param usageLimit  LIMITED: ≥ 1
 * @param discountAmount FIXED: amount and currency (USD, CAD or GBP)
 * @param discountPercent PERCENT: 0 &lt; p ≤ 100, at most 2 decimals
 * @param expiresOn   the last day of validity, in the site's time zone; not before today there
 */
public record CreateCodes(Service service, List<RecipientInput> recipients, CodeType codeType, Integer quantity,
                          String customCode, Integer codeLength, UsageType usage, Integer usageLimit,
                          Discount.Type discountType, Money discountAmount, BigDecimal discountPercent,
                          LocalDate expiresOn, AppliesTo appliesTo, boolean sendEmail) {

    public CreateCodes {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
