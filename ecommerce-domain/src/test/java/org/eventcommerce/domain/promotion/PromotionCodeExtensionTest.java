package org.eventcommerce.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.domain.audit.FieldChange;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.domain.site.Site;
import org.junit.jupiter.api.Test;

/**
 * What an extension and a deletion of promotion codes change (MISSION.md M9, API.md "Promotion codes"), so that the
 * counts answered and the audit log tell the truth: a code already expiring on the date is no change, an earlier
 * date is refused (not an extension), a code deleted already is not deleted again.
 */
class PromotionCodeExtensionTest {

    private static final Instant CREATED = Instant.parse("2026-06-01T12:00:00Z");

    private static PromotionCode code(String code, LocalDate expiresOn) {
        Site site = new Site("s", "S", ZoneId.of("America/New_York"), CREATED);
        return new PromotionCode(site, code, Service.EVENTS, CodeType.CUSTOM, Discount.percent(new BigDecimal("15")),
                UsageType.UNLIMITED, null, expiresOn, AppliesTo.ALL, "batch-1", CREATED);
    }

    private static List<String> fieldsKeysArgs(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + "=" + e.key() + List.of(e.args())).toList();
    }

    @Test
    void aCodeAlreadyExpiringOnTheDateIsNoChange() {
        List<FieldError> errors = new ArrayList<>();
        List<FieldChange> changes = PromotionCodeReport.extension(List.of(code("SAME", LocalDate.of(2027, 12, 31)),
                code("LATER", LocalDate.of(2027, 6, 30))), LocalDate.of(2027, 12, 31), errors);
        assertThat(errors).isEmpty();
        assertThat(changes).containsExactly(new FieldChange("LATER", "2027-06-30", "2027-12-31"));
        assertThat(PromotionCodeReport.extension(List.of(code("SAME", LocalDate.of(2027, 12, 31))),
                LocalDate.of(2027, 12, 31), errors)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void anEarlierDateIsRefusedNamingEachCodeItWouldShorten() {
        List<FieldError> errors = new ArrayList<>();
        List<FieldChange> changes = PromotionCodeReport.extension(List.of(code("LONG", LocalDate.of(2027, 12, 31)),
                code("SHORT", LocalDate.of(2026, 7, 1))), LocalDate.of(2026, 12, 1), errors);
        assertThat(fieldsKeysArgs(errors)).containsExactly(
                "expiresOn=validation.promotion.extendEarlier[LONG, 2027-12-31]");
        assertThat(errors.get(0).message(java.util.Locale.ENGLISH)).isEqualTo("The code LONG already expires on "
                + "12/31/2027, after the date asked; an extension cannot move an expiration date earlier.");
        assertThat(errors.get(0).message(java.util.Locale.forLanguageTag("ro"))).startsWith(
                "Codul LONG expiră deja pe 31.12.2027");
        assertThat(changes).hasSize(1); // the caller refuses the whole request on any error
    }

    @Test
    void aDeletedCodeIsRefused() {
        PromotionCode gone = code("GONE", LocalDate.of(2027, 1, 1));
        gone.delete(CREATED);
        List<FieldError> errors = new ArrayList<>();
        PromotionCodeReport.extension(List.of(gone), LocalDate.of(2027, 12, 31), errors);
        assertThat(fieldsKeysArgs(errors)).containsExactly("codes=validation.promotion.deletedCode[GONE]");
    }

    @Test
    void aCodeIsDeletedOnceOnly() {
        PromotionCode c = code("ONCE", LocalDate.of(2027, 1, 1));
        assertThat(c.delete(CREATED)).isTrue();
        assertThat(c.delete(CREATED.plusSeconds(60))).isFalse();
        assertThat(c.isDeleted()).isTrue();
    }
}
