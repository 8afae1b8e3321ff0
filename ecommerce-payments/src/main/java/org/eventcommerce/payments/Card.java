package org.eventcommerce.payments;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Card data for one provider call. Lives in memory only for the call: never stored, never logged.
 * {@link #toString()} shows brand and last four digits only.
 *
 * @param number digits only (spaces and dashes are removed by {@link #of})
 * @param expiry {@code MMYY}, as Payflow's EXPDATE [PFP-2009 Table 4.1]
 * @param cvv    3–4 digits, or null when not collected
 * @param holder the cardholder's name as typed, may be null
 */
public record Card(String number, String expiry, String cvv, String holder) {

    public Card {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(expiry, "expiry");
    }

    /** Builds a card from user input, removing spaces and dashes from the number. */
    public static Card of(String number, String expiry, String cvv, String holder) {
        return new Card(number == null ? "" : number.replaceAll("[\\s-]", ""), expiry == null ? "" : expiry.trim(),
                cvv == null || cvv.isBlank() ? null : cvv.trim(), holder);
    }

    /** The last four digits, for receipts and records. */
    public String lastFour() {
        return number.length() <= 4 ? number : number.substring(number.length() - 4);
    }

    /** True when the number passes the Luhn (mod 10) check. */
    public boolean passesLuhn() {
        if (!number.matches("\\d{12,19}")) {
            return false;
        }
        int sum = 0;
        boolean doubleIt = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int d = number.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** The expiry as a month, or null when {@link #expiry} is not {@code MMYY}. */
    public YearMonth expiryMonth() {
        if (!expiry.matches("(0[1-9]|1[0-2])\\d\\d")) {
            return null;
        }
        return YearMonth.of(2000 + Integer.parseInt(expiry.substring(2)), Integer.parseInt(expiry.substring(0, 2)));
    }

    @Override
    public String toString() {
        return "Card[" + CardBrand.detect(number).map(Enum::name).orElse("UNKNOWN") + " ****" + lastFour() + "]";
    }
}
