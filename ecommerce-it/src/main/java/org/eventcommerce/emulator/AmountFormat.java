package org.eventcommerce.emulator;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an {@code AMT} value exactly as PayPal specifies it (paypal-protocols.md §1.4, PFP-2009 Table 4.1;
 * RESULT 4 "Invalid amount format ("#####.##", no symbols or commas)" in §1.6):
 * digits, a {@code .} decimal point and exactly two decimals ("34.00 not 34", "1199.95 not 1,199.95"),
 * at most 10 digits before the point. Currencies without decimals (JPY, HUF, TWD) take either whole units
 * or {@code .00}. Negative values, signs, symbols and separators are refused.
 */
public final class AmountFormat {

    private static final Pattern TWO_DECIMALS = Pattern.compile("[0-9]{1,10}\\.[0-9]{2}");
    private static final Pattern NO_DECIMALS = Pattern.compile("[0-9]{1,10}(\\.00)?");

    private AmountFormat() {
    }

    /** The amount, or empty when the text breaks the format for this currency. */
    public static Optional<BigDecimal> parse(String amt, int currencyDecimals) {
        if (amt == null) {
            return Optional.empty();
        }
        Pattern pattern = currencyDecimals == 0 ? NO_DECIMALS : TWO_DECIMALS;
        if (!pattern.matcher(amt).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(amt).setScale(2));
    }

    /** The amount as the gateway writes it back ({@code #####.##}). */
    public static String format(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2).toPlainString();
    }
}
