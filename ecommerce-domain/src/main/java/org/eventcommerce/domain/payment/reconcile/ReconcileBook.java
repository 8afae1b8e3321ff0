package org.eventcommerce.domain.payment.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eventcommerce.domain.order.OrderService;
import org.eventcommerce.domain.payment.PaymentTransaction;

/**
 * The reconciler's bookkeeping of a transaction it could not settle: the attempt, the reason, the back-off and the
 * alerts, in one transaction under the lock on the transaction's order (as every writer of a payment takes it).
 */
@ApplicationScoped
public class ReconcileBook {

    @PersistenceContext
    EntityManager em;

    @Inject
    OrderService orders;

    @Inject
    ReconciliationAlerts alerts;

    @Inject
    Clock clock;

    /**
     * Records an unresolved attempt on transaction {@code id}: the reason, the next look not before {@code dueAt},
     * the claim released; an alert per disagreement. Nothing when the transaction was settled meanwhile (its claim is
     * then released already).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void later(long id, String reason, Instant dueAt, List<Disagreement> disagreements) {
        PaymentTransaction t = em.find(PaymentTransaction.class, id);
        orders.lock(t.getOrder().getPublicId());
        em.refresh(t);
        if (!disagreements.isEmpty()) {
            alerts.raise(t, disagreements, reason);
        }
        if (!t.getStatus().isFinal()) {
            t.reconcileLater(reason, dueAt, clock.instant());
        }
    }

    /**
     * Releases the claim on transaction {@code id} without counting an attempt (it changed while the reconciler looked
     * at it), and marks it looked at in this pass.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(long id, String owner) {
        em.createQuery("update PaymentTransaction t set t.reconcileLeaseUntil = null, t.reconcileTriedAt = :now"
                        + " where t.id = :id and t.reconcileOwner = :owner").setParameter("now", clock.instant())
                .setParameter("id", id).setParameter("owner", owner).executeUpdate();
    }
}
