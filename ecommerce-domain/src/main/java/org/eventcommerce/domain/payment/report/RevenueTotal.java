package org.eventcommerce.domain.payment.report;

import java.io.Serializable;
import java.util.Currency;
import org.eventcommerce.payments.money.Money;

/**
 * The revenue report's sums over every group in one currency (amounts in {@code currency}; never mixed with
 * another currency). Fields as in {@link RevenueLine}.
 */
public record RevenueTotal(Currency currency, Money payments, Money refunds, Money net, Money discounts,
                           long orders) implements Serializable {
}
