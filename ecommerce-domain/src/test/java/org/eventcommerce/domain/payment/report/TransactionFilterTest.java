package org.eventcommerce.domain.payment.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eventcommerce.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

/** The transactions report's filter: inclusive days in the site's zone, prefix patterns, validation. */
class TransactionFilterTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static TransactionFilter dates(LocalDate from, LocalDate to) {
        return new TransactionFilter(from, to, null, null, null, null, null, null, false);
    }

    @Test
    void daysAreInclusiveInTheSitesTimeZone() {
        TransactionFilter f = dates(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8));
        // 8 March 2026 in New York: 05:00Z (EST) to the next midnight, 04:00Z (EDT from 02:00 that day).
        assertThat(f.fromInstant(NEW_YORK)).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
        assertThat(f.toInstantExclusive(NEW_YORK)).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
        assertThat(TransactionFilter.NONE.fromInstant(NEW_YORK)).isNull();
        assertThat(TransactionFilter.NONE.toInstantExclusive(NEW_YORK)).isNull();
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        TransactionFilter f = dates(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 8));
        assertThat(f.problems()).extracting(ValidationException.FieldError::field).containsExactly("to");
        assertThatThrownBy(f::check).isInstanceOf(ValidationException.class);
        dates(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8)).check();
    }

    @Test
    void textFiltersAreStrippedAndTheAttendeeIsALowerCasePrefixWithWildcardsEscaped() {
        TransactionFilter f = new TransactionFilter(null, null, null, null, null, null, "  ", " Ann_%\\@Ex ", true);
        assertThat(f.offering()).isNull();
        assertThat(f.attendee()).isEqualTo("Ann_%\\@Ex");
        assertThat(f.attendeePattern()).isEqualTo("ann\\_\\%\\\\@ex%");
        assertThat(f.withIncludeTest(false).includeTest()).isFalse();
        assertThat(TransactionFilter.NONE.attendeePattern()).isNull();
    }

    @Test
    void tooLongTextIsRefused() {
        TransactionFilter f = new TransactionFilter(null, null, null, null, null, null, "x".repeat(65),
                "a".repeat(255), false);
        assertThat(f.problems()).extracting(ValidationException.FieldError::field)
                .containsExactly("offering", "attendee");
    }
}
