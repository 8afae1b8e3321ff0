package org.eventcommerce.payments.money;

import java.util.Currency;
import java.util.Set;

/**
 * The number of decimals PayPal accepts per currency. PayPal refuses decimals for JPY, HUF and TWD even
 * though ISO 4217 gives HUF and TWD two (PayPal REST "Currency codes" page; EC-2012 "Currency Codes";
 * DESIGN.md "Money"). Every other currency uses its ISO 4217 default.
 */
public final class PayPalCurrencies {

    private static final Set<String> NO_DECIMALS = Set.of("JPY", "HUF", "TWD");

    /**
     * The currencies PayPal accepts for payments (PayPal REST "Currency codes" page; EC-2012 "Currency
     * Codes"); each provider allows a subset of these.
     */
    public static final Set<String> SUPPORTED = Set.of("AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF",
            "ILS", "JPY", "MYR", "MXN", "TWD", "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD");

    private PayPalCurrencies() {
    }

    /** True when PayPal takes payments in the ISO 4217 {@code code}. */
    public static boolean isSupported(String code) {
        return code != null && SUPPORTED.contains(code);
    }

    /** Decimals for {@code currency} on PayPal's wire (0 or 2 for every currency PayPal supports). */
    public static int decimals(Currency currency) {
        if (NO_DECIMALS.contains(currency.getCurrencyCode())) {
            return 0;
        }
        int iso = currency.getDefaultFractionDigits();
        return iso < 0 ? 0 : iso;
    }
}
