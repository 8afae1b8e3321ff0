package org.eventcommerce.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.ValidatorException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The portal's default validator of text fields (FuzzIT: NUL and other control characters in form fields). */
class TextValidatorTest {

    private final TextValidator validator = new TextValidator();

    @Test
    void isTheDefaultValidatorOfEveryInput() {
        FacesValidator annotation = TextValidator.class.getAnnotation(FacesValidator.class);
        assertThat(annotation.isDefault()).isTrue();
    }

    @Test
    void refusesControlCharactersWithAMessageForTheField() {
        // Without a Faces request (no context) the message is English.
        assertThatThrownBy(() -> validator.validate(null, null, "Demo\u0000Merchant"))
                .isInstanceOfSatisfying(ValidatorException.class, e -> {
                    assertThat(e.getFacesMessage().getSeverity()).isEqualTo(FacesMessage.SEVERITY_ERROR);
                    assertThat(e.getFacesMessage().getDetail())
                            .isEqualTo("Remove the control characters (such as NUL or escape) from this field.");
                });
        assertThatThrownBy(() -> validator.validate(null, null, "esc\u001b[2J")).isInstanceOf(ValidatorException.class);
        assertThatThrownBy(() -> validator.validate(null, null, "half \ud800")).isInstanceOf(ValidatorException.class);
    }

    @Test
    void acceptsTextLineBreaksAndValuesThatAreNotStrings() {
        assertThatCode(() -> {
            validator.validate(null, null, "Secure payment\r\nfor <b>Demo</b> — ünïcødé 😀\ttabbed");
            validator.validate(null, null, null);
            validator.validate(null, null, "");
            validator.validate(null, null, new BigDecimal("12.50"));
        }).doesNotThrowAnyException();
    }
}
