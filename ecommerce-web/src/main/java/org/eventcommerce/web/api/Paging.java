package org.eventcommerce.web.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eventcommerce.domain.common.ValidationException.FieldError;

/**
 * {@code page} and {@code size} query parameters read as text, so that a value that is not a whole number is a 400
 * on its field ({@code validation.type.integer}) rather than JAX-RS's 404 for an unconvertible {@code Integer}
 * parameter. Ranges are checked by the reports themselves. Also {@code sort=FIELD[,asc|desc]}, shared by the reports.
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

    /** A sort order read from {@code sort}: a field of the report and the direction. */
    record SortParam<E extends Enum<E>>(E field, boolean ascending) {
    }

    /**
     * Reads {@code sort=FIELD[,asc|desc]}: FIELD is one of {@code fields}' names in any case, with or without
     * underscores ({@code createdAt}, {@code created_at} and {@code CREATED_AT} are the same); the direction
     * defaults to ascending. Empty when absent or blank; adds a {@code validation.enum} error on {@code sort} that
     * lists the fields when the field or the direction is unknown.
     */
    static <E extends Enum<E>> Optional<SortParam<E>> sortParam(String raw, Class<E> fields, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String[] parts = raw.split(",", 2);
        String dir = parts.length < 2 ? "asc" : parts[1].strip().toLowerCase(Locale.ROOT);
        String wanted = normalized(parts[0]);
        Optional<E> field = Arrays.stream(fields.getEnumConstants()).filter(f -> normalized(f.name()).equals(wanted))
                .findFirst();
        if (field.isEmpty() || !(dir.equals("asc") || dir.equals("desc"))) {
            errors.add(new FieldError("sort", "validation.enum", Arrays.stream(fields.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + " (then ,asc or ,desc)"));
            return Optional.empty();
        }
        return Optional.of(new SortParam<>(field.get(), dir.equals("asc")));
    }

    private static String normalized(String name) {
        return name.strip().replace("_", "").toLowerCase(Locale.ROOT);
    }
}
