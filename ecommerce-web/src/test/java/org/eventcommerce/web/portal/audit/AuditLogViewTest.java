package org.eventcommerce.web.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.eventcommerce.domain.audit.AuditLog;
import org.eventcommerce.domain.audit.FieldChange;
import org.eventcommerce.web.portal.Actors;
import org.junit.jupiter.api.Test;

/**
 * The audit log as the Romanian page shows it (a fresh user's trial found English actor names and ISO dates with
 * "->" there): actors and extension dates in the reader's language, the stored values unchanged.
 */
class AuditLogViewTest {

    private static final Locale RO = Locale.forLanguageTag("ro");
    private static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void theNonHumanActorsAreNamedInTheReadersLanguage() {
        assertThat(Actors.label(AuditLog.PLATFORM_API, RO)).isEqualTo("API-ul platformei");
        assertThat(Actors.label(AuditLog.DEMO_DATA, RO)).isEqualTo("datele demonstrației");
        assertThat(Actors.label(AuditLog.PLATFORM_API, Locale.ENGLISH)).isEqualTo("platform API");
        assertThat(Actors.label("API", RO)).as("stored by acknowledgements before").isEqualTo("API-ul platformei");
        assertThat(Actors.label("admin@demo.example", RO)).isEqualTo("admin@demo.example");
        AuditLogView.Row row = AuditLogView.row(new AuditLog.Item(AT, AuditLog.PLATFORM_API, "settings.update",
                "merchantName", List.of(new FieldChange("merchantName", "A", "B"))), ZONE, RO);
        assertThat(row.actor()).isEqualTo("API-ul platformei");
        assertThat(row.action()).isEqualTo("Setări modificate");
        assertThat(row.changes()).containsExactly(new AuditLogView.Change("Numele comerciantului", "A", "B"));
    }

    @Test
    void anExtensionListsEachCodeWithLocalizedDates() {
        AuditLog.Item item = new AuditLog.Item(AT, "admin@demo.example", "promotion-codes.extend",
                "SPRING26: 2027-01-31 -> 2027-12-31", List.of(new FieldChange("SPRING26", "2027-01-31", "2027-12-31")));
        AuditLogView.Row ro = AuditLogView.row(item, ZONE, RO);
        assertThat(ro.detail()).isNull();
        assertThat(ro.changes()).containsExactly(new AuditLogView.Change("SPRING26", "31.01.2027", "31.12.2027"));
        assertThat(AuditLogView.row(item, ZONE, Locale.ENGLISH).changes())
                .containsExactly(new AuditLogView.Change("SPRING26", "1/31/2027", "12/31/2027"));
    }

    @Test
    void anExtensionRecordedWithItsDetailOnlyIsShownTheSameWay() {
        AuditLogView.Row ro = AuditLogView.row(new AuditLog.Item(AT, AuditLog.PLATFORM_API, "promotion-codes.extend",
                "A1: 2027-01-31 -> 2027-12-31, B2: 2026-12-01 -> 2027-12-31", List.of()), ZONE, RO);
        assertThat(ro.detail()).isNull();
        assertThat(ro.changes()).containsExactly(new AuditLogView.Change("A1", "31.01.2027", "31.12.2027"),
                new AuditLogView.Change("B2", "01.12.2026", "31.12.2027"));
        AuditLogView.Row odd = AuditLogView.row(new AuditLog.Item(AT, AuditLog.PLATFORM_API, "promotion-codes.extend",
                "something else", List.of()), ZONE, RO);
        assertThat(odd.detail()).isEqualTo("something else");
        assertThat(odd.changes()).isEmpty();
    }

    @Test
    void acceptedCardsAreShownWithTheirLabels() {
        // Fresh-user trial (issue 5): the Romanian audit log showed "VISA, MASTERCARD, AMEX".
        assertThat(AuditLogView.valueText("provider.acceptedCards", "AMEX,MASTERCARD,VISA_DEBIT",
                Locale.forLanguageTag("ro"))).isEqualTo("American Express, MasterCard, Visa Debit");
        assertThat(AuditLogView.valueText("provider.acceptedCards", "VISA,NEWBRAND", Locale.ENGLISH))
                .isEqualTo("Visa, NEWBRAND");
    }
}
