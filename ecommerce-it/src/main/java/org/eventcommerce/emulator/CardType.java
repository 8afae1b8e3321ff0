package org.eventcommerce.emulator;

/**
 * Card brands with the {@code CARDTYPE} value Payflow reports with VERBOSITY=HIGH
 * (paypal-protocols.md §1.5; PFP-2009 "credit card type" values: 0 Visa, 1 MasterCard, 2 Discover,
 * 3 American Express, 4 Diners Club, 5 JCB).
 */
public enum CardType {
    VISA("0"),
    MASTERCARD("1"),
    DISCOVER("2"),
    AMEX("3"),
    DINERS("4"),
    JCB("5");

    private final String code;

    CardType(String code) {
        this.code = code;
    }

    /** The CARDTYPE value. */
    public String code() {
        return code;
    }
}
