package org.eventcommerce.web.api;

import java.util.List;
import org.eventcommerce.domain.common.ValidationException.FieldError;

/**
 * {@code page} and {@code size} query parameters read as text, so that a value that is not a whole number is a 400
 * on its field ({@code validation.type.integer}) rather than JAX-RS's 404 for an unconvertible {@code Integer}
 * parameter. Ranges are checked by the reports themselves.
 */
final class Paging {

    private Paging() {
    }

    /** {@code raw} as an int, {@code otherwise} when absent or blank; adds an error on {@code field} when not a number. */
    static int intParam(String field, String raw, int otherwise, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "validation.type.integer"));
            return otherwise;
        }
    }
}
