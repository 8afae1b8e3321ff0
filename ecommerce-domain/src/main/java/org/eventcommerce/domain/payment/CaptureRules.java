package org.eventcommerce.domain.payment;

import java.math.BigDecimal;
import java.util.Currency;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.money.PayPalCurrencies;

/**
 * The rules of a capture (issue "authorize now, capture later"; {@code POST /api/v1/orders/{id}/captures}): one
 * capture per authorization, in the authorization's currency, of at most the authorized amount (the whole of it by
 * default). PayPal refuses more with Payflow RESULT 111 "Capture error ... amount too high" and classic 10610 "Amount
 * specified exceeds allowable limit" [PFP-2009 Table 6.9; DEV do-capture-nvp]; it is refused here before anything
 * is sent. Pure functions, no database.
 */
public final class CaptureRules {

    private CaptureRules() {
    }

    /**
     * The amount to capture for a request.
     *
     * @param amount     the amount asked for, or null for the whole authorization
     * @param currency   the currency of {@code amount}; null only when {@code amount} is null
     * @param authorized the approved authorization's amount
     * @return a positive amount in the authorization's currency, at most {@code authorized}
     * @throws BusinessException   {@code /problems/currency-mismatch} (422) for another currency;
     *                             {@code /problems/capture-exceeds-authorized} (422) for more than was authorized
     * @throws ValidationException field {@code amount.amount}: not greater than zero, or more decimals than PayPal takes
     *                             for the currency
     */
    public static Money amountToCapture(BigDecimal amount, Currency currency, Money authorized) {
        Currency held = authorized.currency();
        if (amount == null) {
            return authorized;
        }
        if (currency != null && !currency.equals(held)) {
            throw new BusinessException("/problems/currency-mismatch", 422, "error.capture.currencyMismatch",
                    "A capture of this order is in " + held.getCurrencyCode() + ", the currency of its authorization, "
                            + "not " + currency.getCurrencyCode(), currency.getCurrencyCode(), held.getCurrencyCode());
        }
        if (amount.signum() <= 0) {
            throw ValidationException.of("amount.amount", "validation.refund.positive");
        }
        int decimals = PayPalCurrencies.decimals(held);
        if (amount.stripTrailingZeros().scale() > decimals) {
            throw ValidationException.of("amount.amount", "validation.amount.decimals", decimals,
                    held.getCurrencyCode());
        }
        Money asked = new Money(amount, held);
        if (asked.compareTo(authorized) > 0) {
            throw new BusinessException("/problems/capture-exceeds-authorized", 422, "error.capture.exceeds",
                    "A capture of " + asked + " is more than the " + authorized + " authorized",
                    asked.toPlainString(), authorized.toPlainString(), held.getCurrencyCode());
        }
        return asked;
    }
}
