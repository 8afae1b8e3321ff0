package org.eventcommerce.emulator;

import java.time.Clock;
import java.time.YearMonth;

/**
 * Checks {@code EXPDATE} ({@code MMYY}, paypal-protocols.md §1.4). On the pilot server the date must lie
 * in the future (§1.10; "24 → EXPDATE 0298"); a card is good through the last day of its month.
 * A malformed or past date answers RESULT 24 "Invalid expiration date".
 *
 * <p>Two-digit years: a year more than {@value #MAX_YEARS_AHEAD} years ahead is read as the previous century,
 * so the guide's {@code 0298} stays "February 1998" (no card is issued for that long).
 */
public final class ExpiryDate {

    /** The furthest ahead a two-digit year is read in this century. */
    static final int MAX_YEARS_AHEAD = 20;

    private final Clock clock;

    public ExpiryDate(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code MMYY} is well formed and not yet past. */
    public boolean isValid(String expdate) {
        if (expdate == null || !expdate.matches("[0-9]{4}")) {
            return false;
        }
        int month = Integer.parseInt(expdate.substring(0, 2));
        if (month < 1 || month > 12) {
            return false;
        }
        YearMonth now = YearMonth.now(clock);
        int twoDigits = Integer.parseInt(expdate.substring(2));
        int year = now.getYear() / 100 * 100 + twoDigits;
        if (year > now.getYear() + MAX_YEARS_AHEAD) {
            year -= 100;
        } else if (year <= now.getYear() + MAX_YEARS_AHEAD - 100) {
            year += 100;
        }
        return !YearMonth.of(year, month).isBefore(now);
    }
}
