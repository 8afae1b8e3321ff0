package org.eventcommerce.emulator;

import java.util.Map;
import java.util.Optional;

/**
 * The card numbers the pilot server accepts (paypal-protocols.md §1.10; PFP-2009 ch.5 pp.48-54 and the
 * current developer.paypal.com test-transactions page). "Any other card number produces a general failure",
 * answered as RESULT 23 "Invalid account number" (the pilot trigger "23 → ACCT 000000000000000").
 */
public final class TestCards {

    private static final Map<String, CardType> CARDS = Map.ofEntries(
            Map.entry("378282246310005", CardType.AMEX),
            Map.entry("371449635398431", CardType.AMEX),
            Map.entry("378734493671000", CardType.AMEX),          // AmEx Corporate
            Map.entry("30569309025904", CardType.DINERS),
            Map.entry("38520000023237", CardType.DINERS),         // PFP-2009 only
            Map.entry("6011111111111117", CardType.DISCOVER),
            Map.entry("6011000990139424", CardType.DISCOVER),
            Map.entry("3530111333300000", CardType.JCB),
            Map.entry("3566002020360505", CardType.JCB),
            Map.entry("2221000000000009", CardType.MASTERCARD),   // 2-series, current docs
            Map.entry("2223000048400011", CardType.MASTERCARD),
            Map.entry("2223016768739313", CardType.MASTERCARD),
            Map.entry("5555555555554444", CardType.MASTERCARD),
            Map.entry("5105105105105100", CardType.MASTERCARD),
            Map.entry("5199999999999991", CardType.MASTERCARD),   // HSA/FSA, current docs
            Map.entry("5299999999999990", CardType.MASTERCARD),   // HSA/FSA, current docs
            Map.entry("4111111111111111", CardType.VISA),
            Map.entry("4012888888881881", CardType.VISA),
            Map.entry("4222222222222", CardType.VISA),            // 13 digits, "correct and functional"
            Map.entry("4999991111111113", CardType.VISA),         // HSA/FSA, current docs
            Map.entry("4999992222222229", CardType.VISA));        // HSA/FSA, current docs

    private TestCards() {
    }

    /** The brand of a test card, or empty when the pilot would refuse the number. */
    public static Optional<CardType> lookup(String acct) {
        return Optional.ofNullable(acct == null ? null : CARDS.get(acct));
    }

    /** All accepted numbers (for documentation and tests). */
    public static java.util.Set<String> numbers() {
        return CARDS.keySet();
    }

    /** The last four characters of a number: the only part the emulator ever keeps or shows. */
    public static String lastFour(String acct) {
        if (acct == null || acct.isEmpty()) {
            return "";
        }
        return acct.length() <= 4 ? acct : acct.substring(acct.length() - 4);
    }
}
