package org.eventcommerce.emulator;

/**
 * The pilot server's CVV2 simulation (paypal-protocols.md §1.10, PFP-2009 ch.5):
 * {@code CVV2MATCH} Y for 000-300, N for 301-600, X for 601 and above (and for a value that is not
 * 3-4 digits). No CVV2 sent, no CVV2MATCH answered. The value itself is never stored.
 */
public final class Cvv2Simulator {

    /** The CVV2MATCH value, or null when no CVV2 was sent. */
    public String check(String cvv2) {
        if (cvv2 == null || cvv2.isEmpty()) {
            return null;
        }
        if (!cvv2.matches("[0-9]{3,4}")) {
            return "X";
        }
        int value = Integer.parseInt(cvv2);
        if (value <= 300) {
            return "Y";
        }
        return value <= 600 ? "N" : "X";
    }
}
