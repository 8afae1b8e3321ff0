package org.eventcommerce.web.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eventcommerce.domain.common.ValidationException.FieldError;

/**
 * Query parameters of the reports read as text, so that a bad value is a 400 {@code /problems/validation} on its
 * field (API.md "Conventions") rather than JAX-RS's 404 for an unconvertible parameter.
 */
final class ReportParams {

    private ReportParams() {
    }

    /**
     * {@code raw} as an ISO date ({@code YYYY-MM-DD}); null when absent or blank; adds {@code validation.date} on
     * {@code field} when it is not a real date.
     */
    static LocalDate date(String field, String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "validation.date"));
            return null;
        }
    }

    /**
     * {@code raw} as {@code true} or {@code false} (any case); {@code otherwise} when absent or blank; adds
     * {@code validation.enum} on {@code field} for anything else.
     */
    static boolean flag(String field, String raw, boolean otherwise, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        String s = raw.strip();
        if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
            return Boolean.parseBoolean(s);
        }
        errors.add(new FieldError(field, "validation.enum", "true, false"));
        return otherwise;
    }
}
