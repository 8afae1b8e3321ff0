package org.eventcommerce.payments;

import java.util.Optional;

/**
 * Card brands the PayPal providers accept (MISSION.md M4, M7). Detection is by IIN prefix and length,
 * enough to label a card and to refuse a brand the site does not accept before any provider call.
 */
public enum CardBrand {
    VISA, VISA_DEBIT, VISA_ELECTRON, MASTERCARD, AMEX, DISCOVER, DINERS, JCB;

    /**
     * True when a card detected as this brand may be taken by a site accepting {@code accepted}. Visa Debit and
     * Visa Electron cannot be told from Visa by number ({@link #detect}), so a {@link #VISA} card is taken when
     * any of the three Visa brands is accepted (Website Payments Pro UK offers them apart, M7).
     */
    public boolean acceptedBy(java.util.Collection<CardBrand> accepted) {
        if (this == VISA) {
            return accepted.contains(VISA) || accepted.contains(VISA_DEBIT) || accepted.contains(VISA_ELECTRON);
        }
        return accepted.contains(this);
    }

    /**
     * The brand of {@code digits} (digits only), or empty when the number matches none. Visa Debit and
     * Visa Electron cannot be told from Visa by prefix alone; they are reported as {@link #VISA}.
     */
    public static Optional<CardBrand> detect(String digits) {
        if (digits == null || !digits.matches("\\d{12,19}")) {
            return Optional.empty();
        }
        int len = digits.length();
        int p2 = Integer.parseInt(digits.substring(0, 2));
        int p4 = Integer.parseInt(digits.substring(0, 4));
        int p6 = Integer.parseInt(digits.substring(0, 6));
        if (digits.startsWith("4") && (len == 13 || len == 16 || len == 19)) {
            return Optional.of(VISA);
        }
        if (((p2 >= 51 && p2 <= 55) || (p6 >= 222100 && p6 <= 272099)) && len == 16) {
            return Optional.of(MASTERCARD);
        }
        if ((p2 == 34 || p2 == 37) && len == 15) {
            return Optional.of(AMEX);
        }
        if ((digits.startsWith("6011") || digits.startsWith("65") || (p6 >= 622126 && p6 <= 622925)
                || (p4 >= 6440 && p4 <= 6499)) && len >= 16) {
            return Optional.of(DISCOVER);
        }
        if (p4 >= 3528 && p4 <= 3589 && len >= 16) {
            return Optional.of(JCB);
        }
        if ((p2 == 36 || p2 == 38 || p2 == 39 || (p4 >= 3000 && p4 <= 3059) || p4 == 3095) && len >= 14) {
            return Optional.of(DINERS);
        }
        return Optional.empty();
    }
}
