package org.eventcommerce.web.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import java.util.Locale;
import org.eventcommerce.domain.common.Messages;
import org.eventcommerce.domain.common.Texts;

/**
 * A default validator of every input of the portal (issue 5, "Bad input"): a text value with control characters
 * ({@link Texts#isText}: NUL, escape, DEL, the C1 controls, half a surrogate pair; tab and line breaks are text) is
 * refused with a message on its field, before any bean sees it. Such values cannot be typed; they come from crafted
 * requests, and PostgreSQL refuses NUL in text (FuzzIT found the settings form and the payment page passing them
 * on). Values other than strings (numbers, dates, choices) are left to their converters.
 */
@FacesValidator(value = "org.eventcommerce.text", isDefault = true)
public class TextValidator implements Validator<Object> {

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (value instanceof String s && !Texts.isText(s)) {
            // The reader's language in a request; English without one (unit tests).
            String text = Messages.format(context == null ? Locale.ENGLISH : Bundle.locale(), Texts.NOT_TEXT);
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }
}
