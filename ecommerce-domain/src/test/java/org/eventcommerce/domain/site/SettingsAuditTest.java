package org.eventcommerce.domain.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import org.eventcommerce.domain.audit.FieldChange;
import org.eventcommerce.domain.security.SecretCipher;
import org.eventcommerce.domain.security.TestCiphers;
import org.eventcommerce.payments.CardBrand;
import org.eventcommerce.payments.OperatingMode;
import org.junit.jupiter.api.Test;

/**
 * The audited fields of the e-commerce configuration and their diff (issue 5): every field of {@code PUT
 * /api/v1/settings} by its API name and API value, and passwords compared by ciphertext but written as "(changed)".
 */
class SettingsAuditTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static CommerceConfiguration demoLike() {
        Site site = new Site("demo", "Demo", ZoneId.of("America/New_York"), NOW);
        CommerceConfiguration c = new CommerceConfiguration(site, NOW);
        c.apply(new SettingsUpdate(true, true, OperatingMode.TEST, ZoneId.of("America/New_York"), "Demo Training Co.",
                "support@demo.example", "Header", null, false, ProviderType.PAYFLOW_PRO, AccountType.PAYFLOW_PRO,
                EnumSet.of(CardBrand.VISA, CardBrand.MASTERCARD), false, null, "USD", Map.of(), PaymentAction.SALE), NOW);
        c.credentials(OperatingMode.TEST).update("PayPal", "demomerchant", "demomerchant");
        c.credentials(OperatingMode.TEST).replacePasswordCiphertext("ciphertext-of-emulator-pw1");
        return c;
    }

    @Test
    void theSnapshotHoldsEveryFieldByItsApiNameAndValue() {
        Map<String, String> s = SettingsAudit.snapshot(demoLike());
        assertThat(s).containsEntry("services.EVENTS", "true").containsEntry("services.TRAINING", "true")
                .containsEntry("mode", "TEST").containsEntry("timeZone", "America/New_York")
                .containsEntry("merchantName", "Demo Training Co.").containsEntry("supportInfo", "support@demo.example")
                .containsEntry("paymentPage.header", "Header").containsEntry("paymentPage.footer", null)
                .containsEntry("promotionCodesEnabled", "false").containsEntry("paymentAction", "SALE")
                .containsEntry("provider.type", "PAYFLOW_PRO")
                .containsEntry("provider.accountType", "PAYFLOW_PRO")
                .containsEntry("provider.acceptedCards", "VISA, MASTERCARD")
                .containsEntry("provider.expressCheckout", "false").containsEntry("provider.paypalEmail", null)
                .containsEntry("provider.currency", "USD")
                .containsEntry("provider.credentials.TEST.partnerId", "PayPal")
                .containsEntry("provider.credentials.TEST.vendor", "demomerchant")
                .containsEntry("provider.credentials.TEST.user", "demomerchant")
                .containsEntry("provider.credentials.PRODUCTION.vendor", null)
                .containsEntry("promotionMail.subject", null).containsEntry("promotionMail.testRedirect", null);
        assertThat(s).hasSize(28);
        assertThat(SettingsAudit.SECRETS).containsExactlyInAnyOrder("provider.credentials.TEST.password",
                "provider.credentials.PRODUCTION.password");
    }

    @Test
    void aChangeListsEachChangedFieldWithOldAndNewValueAndNeverAPassword() {
        CommerceConfiguration c = demoLike();
        Map<String, String> before = SettingsAudit.snapshot(c);
        c.apply(new SettingsUpdate(true, false, OperatingMode.TEST, ZoneId.of("Europe/Bucharest"), "Acme Courses",
                "support@demo.example", "Header", "Footer", true, ProviderType.PAYFLOW_PRO, AccountType.PAYFLOW_PRO,
                EnumSet.of(CardBrand.VISA, CardBrand.AMEX), false, null, "USD", Map.of(),
                PaymentAction.AUTHORIZATION), NOW);
        c.credentials(OperatingMode.TEST).update("PayPal", "demomerchant", "apiuser");
        c.credentials(OperatingMode.TEST).replacePasswordCiphertext("ciphertext-of-new-secret");
        c.credentials(OperatingMode.PRODUCTION).replacePasswordCiphertext("ciphertext-of-live-secret");
        c.changeMail("Your code", null, null, "qa@example.com", NOW);
        var changes = SettingsAudit.changes(before, SettingsAudit.snapshot(c));
        assertThat(changes).containsExactly(
                new FieldChange("services.TRAINING", "true", "false"),
                new FieldChange("timeZone", "America/New_York", "Europe/Bucharest"),
                new FieldChange("merchantName", "Demo Training Co.", "Acme Courses"),
                new FieldChange("paymentPage.footer", null, "Footer"),
                new FieldChange("promotionCodesEnabled", "false", "true"),
                new FieldChange("paymentAction", "SALE", "AUTHORIZATION"),
                new FieldChange("provider.acceptedCards", "VISA, MASTERCARD", "VISA, AMEX"),
                new FieldChange("provider.credentials.TEST.user", "demomerchant", "apiuser"),
                new FieldChange("provider.credentials.TEST.password", "(set)", "(changed)"),
                new FieldChange("provider.credentials.PRODUCTION.password", "(not set)", "(changed)"),
                new FieldChange("promotionMail.subject", null, "Your code"),
                new FieldChange("promotionMail.testRedirect", null, "qa@example.com"));
        assertThat(changes.toString()).doesNotContain("ciphertext");
        assertThat(SettingsAudit.detail(changes)).isEqualTo("services.TRAINING, timeZone, merchantName, "
                + "paymentPage.footer, promotionCodesEnabled, paymentAction, provider.acceptedCards, "
                + "provider.credentials.TEST.user, provider.credentials.TEST.password, provider.credentials.PRODUCTION.password, promotionMail.subject, "
                + "promotionMail.testRedirect");
    }

    @Test
    void theBuiltInMailTemplateIsNoValueWhetherStoredAsNullOrAsItsText() {
        CommerceConfiguration c = demoLike();
        Map<String, String> before = SettingsAudit.snapshot(c);
        // As the mail page saves it: trimmed (the default ends with a line break) and with a browser's CR LF.
        c.changeMail(org.eventcommerce.domain.mail.MailTemplate.DEFAULT_SUBJECT,
                org.eventcommerce.domain.mail.MailTemplate.DEFAULT_TEXT.strip().replace("\n", "\r\n"),
                "<p>Custom %CODE%</p>", null, NOW);
        assertThat(SettingsAudit.changes(before, SettingsAudit.snapshot(c)))
                .containsExactly(new FieldChange("promotionMail.html", null, "<p>Custom %CODE%</p>"));
    }

    @Test
    void typingTheStoredPasswordAgainIsNoChangeButAnotherOneIs() {
        SecretCipher cipher = TestCiphers.withKey(1);
        CommerceConfiguration c = demoLike();
        ProviderCredentials test = c.credentials(OperatingMode.TEST);
        assertThat(test.changePassword("emulator-pw1", cipher)).isTrue();
        Map<String, String> before = SettingsAudit.snapshot(c);

        assertThat(test.changePassword("emulator-pw1", cipher)).isFalse();
        assertThat(SettingsAudit.changes(before, SettingsAudit.snapshot(c))).isEmpty();

        assertThat(test.changePassword("emulator-pw2", cipher)).isTrue();
        assertThat(cipher.decrypt(test.getPasswordCiphertext())).isEqualTo("emulator-pw2");
        assertThat(SettingsAudit.changes(before, SettingsAudit.snapshot(c))).containsExactly(
                new FieldChange("provider.credentials.TEST.password", "(set)", "(changed)"));
    }

    @Test
    void aStoredPasswordThatCannotBeDecryptedIsReplaced() {
        CommerceConfiguration c = demoLike();
        ProviderCredentials test = c.credentials(OperatingMode.TEST);
        test.changePassword("emulator-pw1", TestCiphers.withKey(1));
        SecretCipher otherKey = TestCiphers.withKey(2);
        assertThat(test.changePassword("emulator-pw1", otherKey)).isTrue();
        assertThat(otherKey.decrypt(test.getPasswordCiphertext())).isEqualTo("emulator-pw1");
    }

    @Test
    void savingTheSameValuesChangesNothing() {
        CommerceConfiguration c = demoLike();
        Map<String, String> before = SettingsAudit.snapshot(c);
        c.apply(SettingsUpdate.from(c), NOW);
        assertThat(SettingsAudit.changes(before, SettingsAudit.snapshot(c))).isEmpty();
    }
}
