package org.eventcommerce.domain.payment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconcileRulesTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    @Test
    void theWaitDoublesFromOneMinuteUpToSixHours() {
        assertThat(ReconcileRules.backoff(1, MINUTE, SIX_HOURS)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ReconcileRules.backoff(2, MINUTE, SIX_HOURS)).isEqualTo(Duration.ofMinutes(2));
        assertThat(ReconcileRules.backoff(3, MINUTE, SIX_HOURS)).isEqualTo(Duration.ofMinutes(4));
        assertThat(ReconcileRules.backoff(9, MINUTE, SIX_HOURS)).isEqualTo(Duration.ofMinutes(256));
        assertThat(ReconcileRules.backoff(10, MINUTE, SIX_HOURS)).isEqualTo(SIX_HOURS);
        assertThat(ReconcileRules.backoff(1000, MINUTE, SIX_HOURS)).isEqualTo(SIX_HOURS);
        assertThat(ReconcileRules.backoff(0, MINUTE, SIX_HOURS)).isEqualTo(MINUTE);
    }

    @Test
    void anAbsenceSettlesOnlyOnceTheAttemptIsOlderThanTheGracePeriod() {
        Instant now = Instant.parse("2026-05-01T10:00:00Z");
        Duration grace = Duration.ofMinutes(10);
        assertThat(ReconcileRules.settledByAbsence(now.minusSeconds(599), now, grace)).isFalse();
        assertThat(ReconcileRules.settledByAbsence(now.minusSeconds(600), now, grace)).isTrue();
        assertThat(ReconcileRules.settledByAbsence(now.minusSeconds(3600), now, grace)).isTrue();
    }

    @Test
    void redirectAttemptsLiveAsLongAsPayPalsTokens() {
        Instant created = Instant.parse("2026-05-01T10:00:00Z");
        assertThat(ReconcileRules.expressCheckoutExpiry(created)).isEqualTo(Instant.parse("2026-05-01T13:00:00Z"));
        assertThat(ReconcileRules.hostedPageExpiry(created, Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-05-01T10:40:00Z"));
    }
}
