package org.eventcommerce.emulator;

import java.util.Map;
import java.util.Optional;

/**
 * The CURRENCY codes the emulator accepts and how many decimals each takes.
 * RESULT 6 answers a missing, invalid or unsupported code (paypal-protocols.md §1.4, §1.6).
 * The list is PayPal's transaction currencies (§3.6); HUF, JPY and TWD take no decimals there.
 */
public final class SupportedCurrencies {

    private static final Map<String, Integer> DECIMALS = Map.ofEntries(
            Map.entry("USD", 2), Map.entry("CAD", 2), Map.entry("GBP", 2), Map.entry("EUR", 2),
            Map.entry("JPY", 0), Map.entry("AUD", 2), Map.entry("CHF", 2), Map.entry("CZK", 2),
            Map.entry("DKK", 2), Map.entry("HKD", 2), Map.entry("HUF", 0), Map.entry("ILS", 2),
            Map.entry("MXN", 2), Map.entry("NOK", 2), Map.entry("NZD", 2), Map.entry("PHP", 2),
            Map.entry("PLN", 2), Map.entry("SEK", 2), Map.entry("SGD", 2), Map.entry("THB", 2),
            Map.entry("TWD", 0));

    private SupportedCurrencies() {
    }

    /** The number of decimals of a supported code, or empty when the code is not supported. */
    public static Optional<Integer> decimals(String currency) {
        return Optional.ofNullable(currency == null ? null : DECIMALS.get(currency));
    }

    /** Whether the code is supported. */
    public static boolean isSupported(String currency) {
        return decimals(currency).isPresent();
    }
}
