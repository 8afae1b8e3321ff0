package org.eventcommerce.domain.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

/**
 * The promotion-code mail settings' errors carry the request's field names: {@code promotionMail.*} for
 * {@code PUT /api/v1/settings}, {@code mail.*} for the mail template page.
 */
class SettingsMailErrorsTest {

    private static List<String> fieldsAndKeys(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + "=" + e.key()).toList();
    }

    @Test
    void theApiNamesTheFieldsAsItsRequestDoes() {
        assertThat(fieldsAndKeys(SettingsService.mailErrors(SettingsService.API_MAIL_FIELDS, null, null,
                "<p>no code</p>", "x"))).containsExactly(
                "promotionMail.html=validation.mail.promotionCodeMissing",
                "promotionMail.testRedirect=validation.email.format");
        assertThat(fieldsAndKeys(SettingsService.mailErrors(SettingsService.API_MAIL_FIELDS, "x".repeat(1000), null,
                null, null))).containsExactly("promotionMail.subject=validation.mail.subject.length");
    }

    @Test
    void theMailPageKeepsItsOwnNames() {
        assertThat(fieldsAndKeys(SettingsService.mailErrors(SettingsService.PAGE_MAIL_FIELDS, null, null, null, "x")))
                .containsExactly("mail.testRedirect=validation.email.format");
    }

    @Test
    void blankPartsStandForTheDefaultsAndAreNoError() {
        assertThat(SettingsService.mailErrors(SettingsService.API_MAIL_FIELDS, " ", "", null, "qa@example.com"))
                .isEmpty();
    }

    @Test
    void aSubjectWithALineBreakIsRefused() {
        // Fresh-user trial (issue 5): "Hi\r\nBcc: evil@example.com %PromotionCode%" was stored as typed.
        assertThat(fieldsAndKeys(SettingsService.mailErrors(SettingsService.API_MAIL_FIELDS,
                "Hi\r\nBcc: evil@example.com %PromotionCode%", null, null, null)))
                .containsExactly("promotionMail.subject=validation.mail.subject.oneLine");
        assertThat(fieldsAndKeys(SettingsService.mailErrors(SettingsService.PAGE_MAIL_FIELDS, "Hi\nthere", null,
                null, null))).containsExactly("mail.subject=validation.mail.subject.oneLine");
    }
}
