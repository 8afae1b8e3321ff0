package org.eventcommerce.payments.express;

import java.util.Currency;

/**
 * The two Express Checkout products of the issue and their default currency: USD for the US, CAD for Canada.
 * The default is only a starting value (the administrator may change it); whatever the currency, it is sent
 * explicitly on every call, because PayPal assumes USD when it is missing (§3.6; 10444 and 10613 in §3.4).
 */
public enum ExpressRegion {
    /** Express Checkout (US). */
    US("USD"),
    /** Express Checkout (Canada). */
    CANADA("CAD");

    private final String currencyCode;

    ExpressRegion(String currencyCode) {
        this.currencyCode = currencyCode;
    }

    /** The default currency of this product. */
    public Currency defaultCurrency() {
        return Currency.getInstance(currencyCode);
    }
}
