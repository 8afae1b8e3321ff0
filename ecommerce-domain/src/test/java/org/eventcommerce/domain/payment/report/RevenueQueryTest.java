package org.eventcommerce.domain.payment.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

/** The revenue report's question: inclusive days in the site's time zone (DST edges included) and its rules. */
class RevenueQueryTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");

    private static RevenueQuery days(String from, String to) {
        return new RevenueQuery(LocalDate.parse(from), LocalDate.parse(to), RevenueGrouping.OFFERING, false);
    }

    @Test
    void theRangeRunsFromTheFirstDaysMidnightToTheMidnightAfterTheLastDayInTheSitesZone() {
        RevenueQuery march = days("2026-03-01", "2026-03-31");
        assertThat(march.fromInstant(NEW_YORK)).isEqualTo(Instant.parse("2026-03-01T05:00:00Z")); // EST, UTC-5
        assertThat(march.toInstantExclusive(NEW_YORK)).isEqualTo(Instant.parse("2026-04-01T04:00:00Z")); // EDT
        assertThat(march.fromInstant(BUCHAREST)).isEqualTo(Instant.parse("2026-02-28T22:00:00Z"));
        assertThat(march.toInstantExclusive(BUCHAREST)).isEqualTo(Instant.parse("2026-03-31T21:00:00Z"));
    }

    @Test
    void aDayWhenClocksGoForwardHas23HoursAndOneWhenTheyGoBack25() {
        // New York: 8 March 2026 02:00 EST → 03:00 EDT; 1 November 2026 02:00 EDT → 01:00 EST.
        RevenueQuery spring = days("2026-03-08", "2026-03-08");
        assertThat(spring.fromInstant(NEW_YORK)).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
        assertThat(spring.toInstantExclusive(NEW_YORK)).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
        assertThat(Duration.between(spring.fromInstant(NEW_YORK), spring.toInstantExclusive(NEW_YORK)))
                .isEqualTo(Duration.ofHours(23));
        RevenueQuery autumn = days("2026-11-01", "2026-11-01");
        assertThat(autumn.fromInstant(NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(autumn.toInstantExclusive(NEW_YORK)).isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
        assertThat(Duration.between(autumn.fromInstant(NEW_YORK), autumn.toInstantExclusive(NEW_YORK)))
                .isEqualTo(Duration.ofHours(25));
        // A zone whose clocks skip midnight itself: the day starts at the first valid time, 01:00 (Santiago, 6
        // September 2026, 00:00 → 01:00).
        RevenueQuery gap = days("2026-09-06", "2026-09-06");
        assertThat(gap.fromInstant(ZoneId.of("America/Santiago"))).isEqualTo(Instant.parse("2026-09-06T04:00:00Z"));
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefusedOnTo() {
        RevenueQuery backwards = days("2026-03-09", "2026-03-08");
        assertThat(backwards.problems()).extracting(FieldError::field, FieldError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("to", "validation.dateRange"));
        assertThatThrownBy(backwards::check).isInstanceOf(ValidationException.class)
                .hasMessageContaining("to: The end date cannot be before the start date.");
        days("2026-03-08", "2026-03-08").check();
    }

    @Test
    void datesAndGroupingAreRequired() {
        RevenueQuery none = new RevenueQuery(null, null, null, true);
        assertThat(none.problems()).extracting(FieldError::field).containsExactly("from", "to", "groupBy");
        assertThat(none.problems()).extracting(FieldError::key).containsOnly("validation.required");
    }
}
