package org.eventcommerce.domain.payment.report;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;

/**
 * The filters of the transactions report (MISSION.md M12); every one may be null (no restriction).
 *
 * @param createdFrom first day, inclusive, in the site's time zone (the day's start: 00:00 there)
 * @param createdTo   last day, inclusive, in the site's time zone (up to the next day's start, excluded)
 * @param status      the transaction's status
 * @param kind        sale, authorization, capture, void, credit or inquiry
 * @param provider    the provider the transaction went to
 * @param mode        Test or Production
 * @param offering    the offering's id as the platform knows it ({@code live-keynote}), exact
 * @param attendee    the start of the attendee's e-mail address, case-insensitive ({@code ann@}, {@code ann@exa});
 *                    a prefix so that the site's unique index on e-mail keys serves it
 * @param includeTest true to count Test-mode transactions in the totals (they are always listed)
 */
public record TransactionFilter(LocalDate createdFrom, LocalDate createdTo, PaymentStatus status, TransactionKind kind,
                                ProviderType provider, OperatingMode mode, String offering, String attendee,
                                boolean includeTest) implements Serializable {

    /** The longest attendee prefix (an e-mail address's maximum length). */
    public static final int MAX_ATTENDEE = 254;
    /** The longest offering id (the column's length). */
    public static final int MAX_OFFERING = 64;

    /** No restriction; Test-mode transactions left out of the totals. */
    public static final TransactionFilter NONE = new TransactionFilter(null, null, null, null, null, null, null, null,
            false);

    /** Blank text filters become null and the rest is stripped. */
    public TransactionFilter {
        offering = blankToNull(offering);
        attendee = blankToNull(attendee);
    }

    /** The same filter with {@code includeTest} set. */
    public TransactionFilter withIncludeTest(boolean include) {
        return new TransactionFilter(createdFrom, createdTo, status, kind, provider, mode, offering, attendee, include);
    }

    /**
     * The broken rules: {@code createdTo} before {@code createdFrom} ({@code validation.dateRange}); an offering
     * or attendee filter longer than its column ({@code validation.length.max}).
     */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (createdFrom != null && createdTo != null && createdTo.isBefore(createdFrom)) {
            errors.add(new FieldError("to", "validation.dateRange"));
        }
        if (offering != null && offering.length() > MAX_OFFERING) {
            errors.add(new FieldError("offering", "validation.length.max", MAX_OFFERING));
        }
        if (attendee != null && attendee.length() > MAX_ATTENDEE) {
            errors.add(new FieldError("attendee", "validation.length.max", MAX_ATTENDEE));
        }
        return errors;
    }

    /** @throws ValidationException with every broken rule of {@link #problems()} */
    public void check() {
        List<FieldError> errors = problems();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The first instant counted: the start of {@code createdFrom} in {@code zone}, or null. */
    public Instant fromInstant(ZoneId zone) {
        return createdFrom == null ? null : createdFrom.atStartOfDay(zone).toInstant();
    }

    /** The first instant no longer counted: the start of the day after {@code createdTo} in {@code zone}, or null. */
    public Instant toInstantExclusive(ZoneId zone) {
        return createdTo == null ? null : createdTo.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The attendee prefix as a LIKE pattern on the lower-case e-mail key ({@code %}, {@code _} escaped by {@code \}). */
    public String attendeePattern() {
        if (attendee == null) {
            return null;
        }
        return attendee.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
