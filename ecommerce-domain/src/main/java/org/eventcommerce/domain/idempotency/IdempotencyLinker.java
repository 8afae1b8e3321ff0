package org.eventcommerce.domain.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eventcommerce.domain.payment.AttemptRecorded;

/**
 * Links the transaction a claimed request records to its {@code Idempotency-Key}, in the transaction that records the
 * intent (before the provider call): if the process dies during the call, a repeat of the key later finds the
 * attempt and answers from its settled outcome instead of waiting for an answer that will never be stored
 * ({@link IdempotencyService#claim}). Outside a request, or in a request without a claim (the payment page, the
 * reconciler), it does nothing.
 */
@ApplicationScoped
public class IdempotencyLinker {

    @PersistenceContext
    EntityManager em;

    @Inject
    ClaimHolder holder;

    void onAttempt(@Observes AttemptRecorded attempt) {
        Long siteId;
        String key;
        try {
            siteId = holder.siteId();
            key = holder.key();
        } catch (ContextNotActiveException noRequest) {
            return;
        }
        if (siteId == null) {
            return;
        }
        em.createQuery("update IdempotencyRecord r set r.transactionId = :t where r.site.id = :s and r.key = :k "
                        + "and r.responseStatus is null")
                .setParameter("t", attempt.transactionId()).setParameter("s", siteId).setParameter("k", key)
                .executeUpdate();
    }
}
