package org.eventcommerce.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.eventcommerce.domain.idempotency.IdempotencyService.Verdict;
import org.junit.jupiter.api.Test;

/**
 * What a repeat of an {@code Idempotency-Key} does with the claim it finds ({@link IdempotencyService#verdict}):
 * another body conflicts, a finished request is replayed, a young unanswered one is waited for, and one older than the
 * abandon age (its process died) is taken over when it recorded nothing, or answered from the transaction it
 * recorded.
 */
class IdempotencyVerdictTest {

    private static final Instant CLAIMED = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration ABANDON = Duration.ofSeconds(300);

    private static IdempotencyRecord claim() {
        return new IdempotencyRecord(null, "key-1", "payments:o1", "hash-a", CLAIMED);
    }

    @Test
    void anotherBodyConflictsWhateverTheClaimsState() {
        IdempotencyRecord r = claim();
        assertThat(IdempotencyService.verdict("hash-b", r, CLAIMED.plusSeconds(1), ABANDON)).isEqualTo(Verdict.CONFLICT);
        r.linkTransaction(7);
        assertThat(IdempotencyService.verdict("hash-b", r, CLAIMED.plusSeconds(900), ABANDON))
                .isEqualTo(Verdict.CONFLICT);
        r.finish(201, "{}");
        assertThat(IdempotencyService.verdict("hash-b", r, CLAIMED.plusSeconds(900), ABANDON))
                .isEqualTo(Verdict.CONFLICT);
    }

    @Test
    void aFinishedRequestIsReplayedEvenWhenOld() {
        IdempotencyRecord r = claim();
        r.linkTransaction(7);
        r.finish(201, "{\"transaction\":{}}");
        assertThat(IdempotencyService.verdict("hash-a", r, CLAIMED.plusSeconds(1), ABANDON)).isEqualTo(Verdict.REPLAY);
        assertThat(IdempotencyService.verdict("hash-a", r, CLAIMED.plusSeconds(86_400), ABANDON))
                .isEqualTo(Verdict.REPLAY);
    }

    @Test
    void anUnansweredClaimYoungerThanTheAbandonAgeIsWaitedFor() {
        IdempotencyRecord r = claim();
        assertThat(IdempotencyService.verdict("hash-a", r, CLAIMED, ABANDON)).isEqualTo(Verdict.WAIT);
        assertThat(IdempotencyService.verdict("hash-a", r, CLAIMED.plusSeconds(299), ABANDON)).isEqualTo(Verdict.WAIT);
        r.linkTransaction(7); // in its provider call
        assertThat(IdempotencyService.verdict("hash-a", r, CLAIMED.plusSeconds(299), ABANDON)).isEqualTo(Verdict.WAIT);
    }

    @Test
    void anAbandonedClaimThatRecordedNothingIsTakenOver() {
        IdempotencyRecord r = claim();
        assertThat(IdempotencyService.verdict("hash-a", r, CLAIMED.plusSeconds(300), ABANDON))
                .isEqualTo(Verdict.TAKE_OVER);
    }

    @Test
    void anAbandonedClaimThatRecordedItsAttemptIsAnsweredFromIt() {
        IdempotencyRecord r = claim();
        r.linkTransaction(7);
        assertThat(IdempotencyService.verdict("hash-a", r, CLAIMED.plusSeconds(300), ABANDON))
                .isEqualTo(Verdict.RECOVER);
        assertThat(r.getTransactionId()).isEqualTo(7L);
    }
}
