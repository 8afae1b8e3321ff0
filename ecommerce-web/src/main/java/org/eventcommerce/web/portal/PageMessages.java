package org.eventcommerce.web.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UISelectBoolean;
import jakarta.faces.component.UISelectMany;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Function;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;

/**
 * Adds page messages: global ones (shown by the layout's message area) and field ones (shown by the
 * {@code p:message} next to the field, which is also marked invalid).
 */
public final class PageMessages {

    private PageMessages() {
    }

    /** A global message with {@code text} (already translated). */
    public static void global(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
    }

    /** A message for the component {@code clientId}, which is marked invalid. */
    public static void field(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(clientId, new FacesMessage(severity, text, text));
        context.getViewRoot().invokeOnComponent(context, clientId, (c, component) -> {
            if (component instanceof UIInput input && !(input instanceof UISelectBoolean)) {
                keepShown(c, input);
                input.setValid(false);
            }
        });
    }

    /**
     * Makes the invalid field show the value it holds (PrimeFaces renders an invalid field without a
     * submitted value as empty, which would erase what the person typed).
     */
    private static void keepShown(FacesContext context, UIInput input) {
        Object value = input.getValue();
        if (input.getSubmittedValue() != null || value == null) {
            return;
        }
        if (input instanceof UISelectMany) {
            Object[] values = value instanceof Collection<?> c ? c.toArray() : value instanceof Object[] a ? a : null;
            if (values != null) {
                input.setSubmittedValue(Arrays.stream(values).map(v -> asString(context, input, v))
                        .toArray(String[]::new));
            }
        } else {
            input.setSubmittedValue(asString(context, input, value));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String asString(FacesContext context, UIInput input, Object value) {
        Converter converter = input.getConverter();
        if (converter == null && !(value instanceof String)) {
            converter = context.getApplication().createConverter(value.getClass());
        }
        return converter == null ? value.toString() : converter.getAsString(context, input, value);
    }

    /**
     * Shows each error of {@code e} next to its field: {@code clientIds} maps the API field name to the
     * component's client id, or to null for errors shown globally.
     */
    public static void fieldErrors(ValidationException e, Function<String, String> clientIds) {
        for (FieldError error : e.errors()) {
            String text = error.message(Bundle.locale());
            String clientId = clientIds.apply(error.field());
            if (clientId == null) {
                global(FacesMessage.SEVERITY_ERROR, text);
            } else {
                field(clientId, FacesMessage.SEVERITY_ERROR, text);
            }
        }
    }
}
