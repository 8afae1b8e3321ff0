package org.eventcommerce.domain.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.payments.CardBrand;
import org.eventcommerce.payments.OperatingMode;
import org.junit.jupiter.api.Test;

/**
 * The settings' rules that hold whatever the provider: a field the chosen provider does not use is still stored
 * (it comes back when the administrator switches back), so it is checked as strictly as when it is used.
 */
class SettingsValidationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static CommerceConfiguration current() {
        return new CommerceConfiguration(new Site("s", "S", ZoneId.of("UTC"), NOW), NOW);
    }

    private static SettingsUpdate payflow(String paypalEmail, SettingsUpdate.CredentialsInput test) {
        return new SettingsUpdate(false, false, OperatingMode.TEST, ZoneId.of("UTC"), "Demo", null, null, null,
                false, ProviderType.PAYFLOW_PRO, AccountType.PAYFLOW_PRO, Set.of(CardBrand.VISA), false, paypalEmail,
                "USD", test == null ? Map.of() : Map.of(OperatingMode.TEST, test), null);
    }

    private static SettingsUpdate express(SettingsUpdate.CredentialsInput test) {
        return new SettingsUpdate(false, false, OperatingMode.TEST, ZoneId.of("UTC"), "Demo", null, null, null,
                false, ProviderType.EXPRESS_CHECKOUT_US, null, Set.of(), false, "merchant@demo.example", "USD",
                Map.of(OperatingMode.TEST, test), null);
    }

    private static List<String> fieldsAndKeys(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + "=" + e.key()).toList();
    }

    @Test
    void aPayPalEmailIsCheckedEvenWhenPayflowDoesNotUseIt() {
        // FuzzIT seed -2736277207656208487: PUT settings on Payflow Pro with a 100 kB paypalEmail was a 500 (the
        // column holds 254 characters; the address was checked only for Express Checkout).
        assertThat(fieldsAndKeys(SettingsService.errors(current(), payflow("x".repeat(100_000), null))))
                .containsExactly("provider.paypalEmail=validation.paypalEmail.format");
        assertThat(fieldsAndKeys(SettingsService.errors(current(), payflow("not-an-email", null))))
                .containsExactly("provider.paypalEmail=validation.paypalEmail.format");
        assertThat(SettingsService.errors(current(), payflow("merchant@demo.example", null))).isEmpty();
        assertThat(SettingsService.errors(current(), payflow(null, null))).isEmpty();
    }

    @Test
    void credentialsAreCheckedEvenWhenExpressCheckoutDoesNotUseThem() {
        String big = "v".repeat(100_000);
        assertThat(fieldsAndKeys(SettingsService.errors(current(), express(
                new SettingsUpdate.CredentialsInput(big, big, big, big))))).containsExactlyInAnyOrder(
                "provider.credentials.TEST.partnerId=validation.length.max",
                "provider.credentials.TEST.vendor=validation.length.max",
                "provider.credentials.TEST.user=validation.length.max",
                "provider.credentials.TEST.password=validation.password.length");
        assertThat(SettingsService.errors(current(), express(
                new SettingsUpdate.CredentialsInput("PayPal", "v", "u", "secret-123")))).isEmpty();
    }

    @Test
    void aPartnerLeftAsStoredFollowsTheProviderWhenItIsTheOtherOnesDefault() {
        // Fresh-user trial (issue 5): UK, then PUT {"provider": {"type": "PAYFLOW_PRO"}} kept "PayPalUK".
        CommerceConfiguration uk = current();
        uk.credentials(OperatingMode.PRODUCTION).update(SettingsService.UK_PARTNER, "v", "u");
        uk.credentials(OperatingMode.TEST).update("Reseller", "v", "u");
        SettingsUpdate back = payflow(null, null).withCredentials(Map.of(
                OperatingMode.PRODUCTION, new SettingsUpdate.CredentialsInput(SettingsService.UK_PARTNER, "v", "u", null),
                OperatingMode.TEST, new SettingsUpdate.CredentialsInput("Reseller", "v", "u", null)));
        // current() is Payflow Pro: make the stored provider the UK one.
        uk.apply(new SettingsUpdate(false, false, OperatingMode.TEST, ZoneId.of("UTC"), "Demo", null, null, null,
                false, ProviderType.WEBSITE_PAYMENTS_PRO_UK, AccountType.PAYFLOW_PRO, Set.of(), false, null, "GBP",
                Map.of(), null), NOW);
        SettingsUpdate moved = SettingsService.followPartner(uk, back);
        assertThat(moved.credentials().get(OperatingMode.PRODUCTION).partnerId()).isEqualTo("PayPal");
        assertThat(moved.credentials().get(OperatingMode.TEST).partnerId()).isEqualTo("Reseller");
        // A partner typed in the same request is kept as typed.
        SettingsUpdate typed = payflow(null, null).withCredentials(Map.of(OperatingMode.PRODUCTION,
                new SettingsUpdate.CredentialsInput("PayPalUK-typed", "v", "u", null)));
        assertThat(SettingsService.followPartner(uk, typed).credentials().get(OperatingMode.PRODUCTION).partnerId())
                .isEqualTo("PayPalUK-typed");
        assertThat(SettingsService.followingPartner(ProviderType.WEBSITE_PAYMENTS_PRO_UK, "PayPal"))
                .isEqualTo("PayPalUK");
        assertThat(SettingsService.followingPartner(ProviderType.WEBSITE_PAYMENTS_PRO_UK, " ")).isEqualTo("PayPalUK");
        assertThat(SettingsService.followingPartner(ProviderType.EXPRESS_CHECKOUT_US, "PayPalUK"))
                .isEqualTo("PayPalUK");
    }
}
