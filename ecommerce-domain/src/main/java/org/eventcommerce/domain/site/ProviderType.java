package org.eventcommerce.domain.site;

import java.util.List;

/**
 * The payment providers of MISSION.md M4–M7, with the currencies each accepts and its default.
 * Payflow Pro is USD only (M4).
 */
public enum ProviderType {
    PAYFLOW_PRO("USD", List.of("USD")),
    WEBSITE_PAYMENTS_PRO_UK("GBP", List.of("GBP", "USD", "EUR", "CAD", "JPY", "AUD")),
    EXPRESS_CHECKOUT_US("USD", List.of("USD", "CAD", "EUR", "GBP", "AUD", "JPY")),
    EXPRESS_CHECKOUT_CA("CAD", List.of("CAD", "USD", "EUR", "GBP", "AUD", "JPY"));

    private final String defaultCurrency;
    private final List<String> currencies;

    ProviderType(String defaultCurrency, List<String> currencies) {
        this.defaultCurrency = defaultCurrency;
        this.currencies = currencies;
    }

    public String defaultCurrency() {
        return defaultCurrency;
    }

    /** ISO 4217 codes the provider can be configured with. */
    public List<String> currencies() {
        return currencies;
    }

    /** True for the providers configured with Payflow credentials (partner, vendor, user, password). */
    public boolean usesPayflow() {
        return this == PAYFLOW_PRO || this == WEBSITE_PAYMENTS_PRO_UK;
    }
}
