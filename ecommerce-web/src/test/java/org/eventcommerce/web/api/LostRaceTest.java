package org.eventcommerce.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

/** The mapping to 409 over HTTP: {@code ProviderConfigurationIT.simultaneousSavesOfTheSettingsEachGetAnAnswerOfTheContract}. */
class LostRaceTest {

    /** As Payara reports a lost race at commit: TransactionalException, RollbackException, OptimisticLockException. */
    private static TransactionalException atCommit(Throwable cause) {
        RollbackException rollback = new RollbackException("Transaction marked for rollback.");
        rollback.initCause(cause);
        return new TransactionalException("encountered exception during commit", rollback);
    }

    @Test
    void aVersionConflictAtCommitIsALostRace() {
        assertThat(LostRace.is(atCommit(new OptimisticLockException("version 7 expected")))).isTrue();
        assertThat(LostRace.is(atCommit(new IllegalStateException("value too long")))).isFalse();
        assertThat(LostRace.is(null)).isFalse();
    }
}
