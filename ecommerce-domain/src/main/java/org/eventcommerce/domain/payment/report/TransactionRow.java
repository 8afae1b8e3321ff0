package org.eventcommerce.domain.payment.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * One line of the transactions report, read as a projection (one query per page, no entity graph).
 *
 * @param id            the database id (for the keyset export; never shown)
 * @param publicId      the transaction's public id
 * @param createdAt     when the attempt was recorded (an instant; shown in the site's time zone)
 * @param orderId       the order's public id
 * @param offeringId    the offering's id as the platform knows it
 * @param offeringTitle the offering's title
 * @param attendeeEmail the attendee's e-mail address
 * @param attendeeName  the attendee's display name
 * @param amount        the amount in {@code currency}, at most 4 decimals as stored
 * @param currency      ISO 4217 code
 * @param reference     the provider's reference (Payflow PNREF), null before an answer
 * @param resultCode    the provider's result code, null before an answer
 */
public record TransactionRow(long id, String publicId, Instant createdAt, String orderId, String offeringId,
                             String offeringTitle, String attendeeEmail, String attendeeName, TransactionKind kind,
                             PaymentStatus status, BigDecimal amount, String currency, ProviderType provider,
                             OperatingMode mode, String reference, String resultCode, String message,
                             String cardBrand, String cardLast4) implements Serializable {

    /** The amount as Money, at the currency's PayPal scale. */
    public Money money() {
        return Money.rounded(amount, Currency.getInstance(currency));
    }
}
