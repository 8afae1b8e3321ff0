package org.eventcommerce.emulator;

/**
 * The pilot server's AVS simulation (paypal-protocols.md §1.10, PFP-2009 ch.5):
 * the first three digits of the street ({@code BILLTOSTREET}, or the legacy {@code STREET}) give
 * {@code AVSADDR} Y for 000-333, N for 334-666, and X for 667 and above or a street that does not
 * start with a digit, in which case {@code AVSZIP} is X too; otherwise the ZIP ({@code BILLTOZIP} or
 * {@code ZIP}) gives {@code AVSZIP} Y for 00000-50000 and N for 50001-99999 (X when it is not numeric).
 */
public final class AvsSimulator {

    /** The AVSADDR and AVSZIP answer for one request. */
    public record Avs(String address, String zip) {
    }

    /** Simulates AVS from the billing street and ZIP (either may be null). */
    public Avs check(String street, String zip) {
        Integer streetNumber = leadingNumber(street, 3);
        if (streetNumber == null || streetNumber >= 667) {
            return new Avs("X", "X");
        }
        String address = streetNumber <= 333 ? "Y" : "N";
        Integer zipNumber = leadingNumber(zip, 5);
        String zipMatch = zipNumber == null ? "X" : zipNumber <= 50000 ? "Y" : "N";
        return new Avs(address, zipMatch);
    }

    /** The first up-to-{@code digits} leading digits as a number, or null when the text starts otherwise. */
    private static Integer leadingNumber(String text, int digits) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        int end = 0;
        while (end < trimmed.length() && end < digits && Character.isDigit(trimmed.charAt(end))
                && trimmed.charAt(end) < 128) {
            end++;
        }
        return end == 0 ? null : Integer.valueOf(trimmed.substring(0, end));
    }
}
