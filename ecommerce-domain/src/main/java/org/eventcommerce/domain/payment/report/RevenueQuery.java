package org.eventcommerce.domain.payment.report;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;

/**
 * What the revenue report ({@link RevenueReport}, MISSION.md M12) is asked for.
 *
 * @param from        first day, inclusive, in the site's time zone (counted from 00:00 there); required
 * @param to          last day, inclusive, in the site's time zone (up to the next day's 00:00 there, excluded);
 *                    required, not before {@code from}
 * @param groupBy     offering, offering type or service; required
 * @param includeTest true to count Test-mode money and orders too; false (the default) counts Production only
 */
public record RevenueQuery(LocalDate from, LocalDate to, RevenueGrouping groupBy, boolean includeTest)
        implements Serializable {

    /**
     * The broken rules, by the API's parameter names: a missing {@code from}, {@code to} or {@code groupBy}
     * ({@code validation.required}); {@code to} before {@code from} ({@code validation.dateRange}, on {@code to}).
     */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "validation.required"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "validation.required"));
        } else if (from != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "validation.dateRange"));
        }
        if (groupBy == null) {
            errors.add(new FieldError("groupBy", "validation.required"));
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

    /** The first instant counted: 00:00 of {@code from} in {@code zone} (the first valid time on a DST gap day). */
    public Instant fromInstant(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant no longer counted: 00:00 of the day after {@code to} in {@code zone}. */
    public Instant toInstantExclusive(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
