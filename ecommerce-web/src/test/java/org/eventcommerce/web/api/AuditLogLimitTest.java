package org.eventcommerce.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import org.eventcommerce.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/audit-log?limit=}: a fresh user's trial got 404 for {@code abc}, {@code 1.5} and
 * {@code 99999999999}, and a message about "page and size" for {@code 0}; each is a 400 on {@code limit} with a
 * message about the limit.
 */
class AuditLogLimitTest {

    private static List<String> errors(String raw) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> AuditLogResource.limit(raw));
        assertThat(e).as(raw).isNotNull();
        return e.errors().stream().map(f -> f.field() + "=" + f.key()).toList();
    }

    @Test
    void notAWholeNumberIsAValidationErrorOnLimit() {
        for (String raw : List.of("abc", "1.5", "99999999999", "-")) {
            assertThat(errors(raw)).as(raw).containsExactly("limit=validation.type.integer");
        }
    }

    @Test
    void outOfRangeSpeaksOfTheLimitInEnglishAndRomanian() {
        for (String raw : List.of("0", "-3", "501")) {
            assertThat(errors(raw)).as(raw).containsExactly("limit=validation.limit");
        }
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> AuditLogResource.limit("0"));
        assertThat(e.errors().get(0).message(Locale.ENGLISH)).isEqualTo("The limit must be a number of entries from 1 to 500.");
        assertThat(e.errors().get(0).message(Locale.forLanguageTag("ro")))
                .isEqualTo("Limita trebuie să fie un număr de înregistrări între 1 și 500.");
    }

    @Test
    void absentIsTheDefaultAndTheBoundsAreAccepted() {
        assertThat(AuditLogResource.limit(null)).isEqualTo(100);
        assertThat(AuditLogResource.limit(" ")).isEqualTo(100);
        assertThat(AuditLogResource.limit("1")).isEqualTo(1);
        assertThat(AuditLogResource.limit(" 500 ")).isEqualTo(500);
    }

    @Test
    void anUnknownActionIsAValidationErrorOnActionListingTheActions() {
        // Fresh-user trial (issue 5): ?action=nope answered an empty list.
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> AuditLogResource.action("nope"));
        assertThat(e.errors()).extracting(f -> f.field() + "=" + f.key()).containsExactly("action=validation.enum");
        assertThat(e.errors().getFirst().args()).containsExactly(
                "settings.update, promotion-codes.extend, promotion-codes.delete");
        assertThat(AuditLogResource.action(" settings.update ")).isEqualTo("settings.update");
        assertThat(AuditLogResource.action("")).isNull();
    }
}
