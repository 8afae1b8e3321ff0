package org.eventcommerce.emulator.express;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The currencies Express Checkout accepts and the decimals PayPal allows for each (§3.6): AUD, BRL*, CAD, CZK, DKK,
 * EUR, HKD, HUF**, ILS, JPY**, MYR*, MXN, NOK, NZD, PHP, PLN, GBP, SGD, SEK, CHF, TWD**, THB, USD (* only for an
 * account in that country: BRL in BR, MYR in MY; ** no decimals, "a decimal amount is an error").
 *
 * <p>Amount syntax (EC-2012 "Completing the Express Checkout Transaction" step 3; NVP field descriptions): digits, an
 * optional thousands separator {@code ,}, and for two-decimal currencies an optional {@code .} with exactly two
 * decimals; no sign, no symbol. Whole numbers are accepted for two-decimal currencies as PayPal does in practice
 * (inference).
 */
public final class ExpressCurrencies {

    private static final Map<String, Integer> DECIMALS = Map.ofEntries(
            Map.entry("AUD", 2), Map.entry("BRL", 2), Map.entry("CAD", 2), Map.entry("CZK", 2), Map.entry("DKK", 2),
            Map.entry("EUR", 2), Map.entry("HKD", 2), Map.entry("HUF", 0), Map.entry("ILS", 2), Map.entry("JPY", 0),
            Map.entry("MYR", 2), Map.entry("MXN", 2), Map.entry("NOK", 2), Map.entry("NZD", 2), Map.entry("PHP", 2),
            Map.entry("PLN", 2), Map.entry("GBP", 2), Map.entry("SGD", 2), Map.entry("SEK", 2), Map.entry("CHF", 2),
            Map.entry("TWD", 0), Map.entry("THB", 2), Map.entry("USD", 2));

    private static final Map<String, String> IN_COUNTRY_ONLY = Map.of("BRL", "BR", "MYR", "MY");

    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)");
    private static final Pattern TWO_DECIMALS = Pattern.compile(WHOLE.pattern() + "(?:\\.[0-9]{2})?");

    private ExpressCurrencies() {
    }

    /** Decimals of an Express Checkout currency, empty when the code is not one. */
    public static Optional<Integer> decimals(String currency) {
        return Optional.ofNullable(currency == null ? null : DECIMALS.get(currency));
    }

    /** Whether a merchant whose account is in {@code country} may take payments in {@code currency}. */
    public static boolean allowedFor(String currency, String country) {
        if (!DECIMALS.containsKey(currency)) {
            return false;
        }
        String only = IN_COUNTRY_ONLY.get(currency);
        return only == null || only.equals(country);
    }

    /**
     * Reads an amount in {@code currency} (which must be supported).
     *
     * @return the value (not negative), or empty when the text breaks the syntax, e.g. {@code 1500.50} in JPY
     */
    public static Optional<BigDecimal> parse(String amount, String currency) {
        Integer decimals = DECIMALS.get(currency);
        if (amount == null || decimals == null) {
            return Optional.empty();
        }
        Pattern pattern = decimals == 0 ? WHOLE : TWO_DECIMALS;
        if (!pattern.matcher(amount).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(amount.replace(",", "")).setScale(decimals));
    }

    /** Writes an amount the way PayPal answers: a dot, the currency's decimals, no grouping. */
    public static String format(BigDecimal amount, String currency) {
        return amount.setScale(DECIMALS.getOrDefault(currency, 2)).toPlainString();
    }
}
