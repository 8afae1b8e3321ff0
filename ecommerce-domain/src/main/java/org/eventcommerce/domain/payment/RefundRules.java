package org.eventcommerce.domain.payment;

import java.math.BigDecimal;
import java.util.Currency;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.order.OrderStatus;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.money.PayPalCurrencies;

/**
 * The arithmetic and rules of refunds (issue 4 "After the payment"; API.md {@code POST /orders/{id}/refunds}):
 * a refund is money actually paid, never more than was captured and not yet refunded, in the currency of the
 * payment. Refunds still in flight (PENDING, UNKNOWN) count as taken, so two refunds running at once can never
 * add up to more than was captured (the caller holds the order's row lock while it applies these rules).
 * Payflow credits (TRXTYPE=C) go against the PNREF of a sale or a delayed capture, and the amount carries
 * exactly the currency's decimals [PFP-2009 Table 4.1 "AMT", "ORIGID"; paypal-protocols.md §1.4]. Pure
 * functions, no database.
 */
public final class RefundRules {

    private RefundRules() {
    }

    /**
     * What an order holds for refunds, all in the payment's currency.
     *
     * @param captured approved sales and captures
     * @param refunded approved credits
     * @param inFlight credits sent or about to be sent whose outcome is not known yet (PENDING, UNKNOWN)
     */
    public record Refundable(Money captured, Money refunded, Money inFlight) {

        /** Captured minus refunded minus in flight, never below zero (the amount a new refund may take). */
        public Money remainder() {
            Money left = captured.minus(refunded).minus(inFlight);
            return left.isPositive() ? left : Money.zero(captured.currency());
        }
    }

    /**
     * Refuses a refund of an order that holds no payment to refund.
     *
     * @throws BusinessException {@code /problems/order-not-paid} (409, {@code error.refund.orderNotPaid}) unless the
     *         order is PAID or PARTIALLY_REFUNDED; {@code /problems/refund-exceeds-refundable} (422,
     *         {@code error.refund.nothingLeft}) when it is REFUNDED
     */
    public static void requireRefundableStatus(OrderStatus status) {
        if (status == OrderStatus.REFUNDED) {
            throw nothingLeft();
        }
        if (status != OrderStatus.PAID && status != OrderStatus.PARTIALLY_REFUNDED) {
            throw new BusinessException("/problems/order-not-paid", 409, "error.refund.orderNotPaid",
                    "The order is " + status + ": there is no payment to refund", status.name());
        }
    }

    /**
     * The amount to refund for a request.
     *
     * @param amount     the amount asked for, or null for the whole remainder
     * @param currency   the currency of {@code amount}; null only when {@code amount} is null
     * @param refundable the order's figures, in the payment's currency
     * @return the amount to credit, positive, in the payment's currency with its PayPal decimals
     * @throws BusinessException   {@code /problems/currency-mismatch} (422) when {@code currency} is not the
     *                             payment's; {@code /problems/refund-exceeds-refundable} (422) when the amount is
     *                             more than the remainder, or nothing is left
     * @throws ValidationException field {@code amount.amount}: not greater than zero, or more decimals than PayPal
     *                             takes for the currency (2 for USD, 0 for JPY; {@link PayPalCurrencies})
     */
    public static Money amountToRefund(BigDecimal amount, Currency currency, Refundable refundable) {
        Currency paid = refundable.captured().currency();
        Money remainder = refundable.remainder();
        if (amount == null) {
            if (remainder.isZero()) {
                throw nothingLeft();
            }
            return remainder;
        }
        if (currency != null && !currency.equals(paid)) {
            throw new BusinessException("/problems/currency-mismatch", 422, "error.refund.currencyMismatch",
                    "A refund of this order is in " + paid.getCurrencyCode() + ", the currency of its payment, not "
                            + currency.getCurrencyCode(), currency.getCurrencyCode(), paid.getCurrencyCode());
        }
        if (amount.signum() <= 0) {
            throw ValidationException.of("amount.amount", "validation.refund.positive");
        }
        int decimals = PayPalCurrencies.decimals(paid);
        if (amount.stripTrailingZeros().scale() > decimals) {
            throw ValidationException.of("amount.amount", "validation.amount.decimals", decimals,
                    paid.getCurrencyCode());
        }
        Money asked = new Money(amount, paid);
        if (remainder.isZero()) {
            throw nothingLeft();
        }
        if (asked.compareTo(remainder) > 0) {
            throw new BusinessException("/problems/refund-exceeds-refundable", 422, "error.refund.exceeds",
                    "A refund of " + asked + " is more than the " + remainder + " paid and not yet refunded",
                    asked.toPlainString(), remainder.toPlainString(), paid.getCurrencyCode());
        }
        return asked;
    }

    /**
     * The order's status once {@code refunded} (approved credits) has been given back of {@code captured}.
     *
     * @return PAID when nothing was refunded, REFUNDED when all of it was, PARTIALLY_REFUNDED in between
     */
    public static OrderStatus statusAfterRefund(Money captured, Money refunded) {
        if (refunded.isZero()) {
            return OrderStatus.PAID;
        }
        return refunded.compareTo(captured) >= 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
    }

    private static BusinessException nothingLeft() {
        return new BusinessException("/problems/refund-exceeds-refundable", 422, "error.refund.nothingLeft",
                "Everything paid for this order is refunded or being refunded");
    }
}
