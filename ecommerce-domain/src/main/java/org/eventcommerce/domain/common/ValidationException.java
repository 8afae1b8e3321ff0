package org.eventcommerce.domain.common;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Locale;

/**
 * Input broke one or more field rules; nothing was written. Maps to 400 {@code /problems/validation} with
 * an {@code errors} array of field/message pairs (API.md), and to field messages in the portal. Each error
 * carries a bundle key ({@link Messages}) so the message is shown in the reader's language.
 */
@ApplicationException(rollback = true)
public class ValidationException extends BusinessException {

    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("/problems/validation", 400, "error.validation", describe(errors));
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String key, Object... args) {
        return new ValidationException(List.of(new FieldError(field, key, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder();
        for (FieldError e : errors) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(e.field()).append(": ").append(e.message(Locale.ENGLISH));
        }
        return sb.toString();
    }

    /** One broken rule: the field (dotted path as in the API body), a bundle key and its arguments. */
    public record FieldError(String field, String key, Object... args) {
        /** The message in {@code locale}. */
        public String message(Locale locale) {
            return Messages.format(locale, key, args);
        }
    }
}
