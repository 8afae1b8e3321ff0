package org.eventcommerce.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * CURRENCY values of Website Payments Pro (UK), accounts with PARTNER {@code PayPalUK}: USD, EUR, GBP, CAD, JPY,
     * AUD (UK Website Payments Pro Developer's Guide 2007 p.26; paypal-protocols.md §2).
     */
    public static final Set<String> UK_PRODUCT = Set.of("USD", "EUR", "GBP", "CAD", "JPY", "AUD");

    /** The partner of the UK product (§2). */
    public static final String UK_PARTNER = "PayPalUK";

    /** Express Checkout through Payflow (TENDER=P) takes USD only (the product spec; §7 "USD only"). */
    public static final Set<String> EXPRESS_CHECKOUT = Set.of("USD");

    private SupportedCurrencies() {
    }

    /** The number of decimals of a supported code, or empty when the code is not supported. */
    public static Optional<Integer> decimals(String currency) {
        return Optional.ofNullable(currency == null ? null : DECIMALS.get(currency));
    }

    /**
     * Whether {@code account}'s product takes {@code currency}: the UK product's set for partner {@value #UK_PARTNER},
     * every supported code otherwise.
     */
    public static boolean isAllowedFor(MerchantAccount account, String currency) {
        if (!isSupported(currency)) {
            return false;
        }
        return !UK_PARTNER.equals(account.partner()) || UK_PRODUCT.contains(currency);
    }

    /** Whether the code is supported. */
    public static boolean isSupported(String currency) {
        return decimals(currency).isPresent();
    }
}
