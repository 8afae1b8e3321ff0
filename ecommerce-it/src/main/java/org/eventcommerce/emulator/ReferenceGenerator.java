package org.eventcommerce.emulator;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Makes gateway identifiers: PNREF, 12 alphanumeric characters (paypal-protocols.md §1.5, e.g.
 * {@code EFHP0D426A53}), and AUTHCODE, 6 characters. Uniqueness of PNREFs is enforced by the ledger.
 */
public final class ReferenceGenerator {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Random random = new SecureRandom();

    /** A fresh 12-character PNREF candidate; it starts with a letter, like pilot PNREFs. */
    public String pnref() {
        StringBuilder out = new StringBuilder(12);
        out.append((char) ('A' + random.nextInt(26)));
        for (int i = 1; i < 12; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    /** A 6-digit approval code. */
    public String authCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }
}
