package org.eventcommerce.domain.payment.report;

import java.io.Serializable;
import java.util.Currency;
import org.eventcommerce.payments.money.Money;

/**
 * One group of the revenue report in one currency. Every amount is in {@code currency} at its PayPal scale.
 *
 * @param key       the group: the offering's id, the offering type's name or the service's name
 *                  ({@link RevenueGrouping})
 * @param label     the offering's title; for types and services the same as {@code key} (the portal and the CSV
 *                  show the translated name)
 * @param payments  approved sales and captures recorded in the range
 * @param refunds   approved credits (refunds) recorded in the range, whenever their payment was
 * @param net       {@code payments − refunds} (negative when the range refunds more than it takes)
 * @param discounts promotion-code discounts of the orders paid in the range (zero totals included)
 * @param orders    how many orders were paid in the range
 */
public record RevenueLine(String key, String label, Currency currency, Money payments, Money refunds, Money net,
                          Money discounts, long orders) implements Serializable {
}
