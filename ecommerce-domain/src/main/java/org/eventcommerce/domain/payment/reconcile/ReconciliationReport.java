package org.eventcommerce.domain.payment.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.payments.PaymentStatus;

/**
 * What the reconciliation view shows the site administrator ({@code admin/payments/reconciliation.xhtml},
 * {@code GET /api/v1/reconciliation}), each list paged in the database:
 * <ul>
 *   <li>{@link #settled}: every transaction an inquiry (during the payment, by the reconciler or on the held-payments
 *       page) or a reconciler rule settled, newest settlement first;</li>
 *   <li>{@link #unresolved}: every open transaction the reconciler is or will be concerned with (UNKNOWN, HELD, and
 *       PENDING ones older than the grace period or already looked at), oldest first, with the reason, the attempts
 *       and the next try;</li>
 *   <li>the alerts: {@link ReconciliationAlerts#page}.</li>
 * </ul>
 */
@ApplicationScoped
public class ReconciliationReport {

    @PersistenceContext
    EntityManager em;

    @Inject
    ReconcilerSettings settings;

    @Inject
    Clock clock;

    /** The site's transactions settled by inquiry, newest first. */
    @Transactional
    public List<PaymentTransaction> settled(long siteId, int first, int max) {
        return page(em.createQuery("select t from PaymentTransaction t join fetch t.order o join fetch o.offering "
                + "join fetch o.attendee where t.site.id = :s and t.settledAt is not null "
                + "order by t.settledAt desc, t.id desc", PaymentTransaction.class).setParameter("s", siteId),
                first, max);
    }

    /** How many rows {@link #settled} pages through. */
    @Transactional
    public long settledCount(long siteId) {
        return em.createQuery("select count(t) from PaymentTransaction t where t.site.id = :s "
                + "and t.settledAt is not null", Long.class).setParameter("s", siteId).getSingleResult();
    }

    /** The site's unresolved transactions (class comment), oldest first. */
    @Transactional
    public List<PaymentTransaction> unresolved(long siteId, int first, int max) {
        return page(bind(em.createQuery("select t from PaymentTransaction t join fetch t.order o join fetch o.offering "
                + "join fetch o.attendee where " + UNRESOLVED + " order by t.createdAt, t.id",
                PaymentTransaction.class), siteId), first, max);
    }

    /** How many rows {@link #unresolved} pages through. */
    @Transactional
    public long unresolvedCount(long siteId) {
        return bind(em.createQuery("select count(t) from PaymentTransaction t where " + UNRESOLVED, Long.class),
                siteId).getSingleResult();
    }

    /**
     * When the scheduled reconciler looks at {@code t} next: its back-off, or, before its first look, at once (UNKNOWN,
     * HELD) or once the grace period has passed (PENDING).
     */
    public Instant nextTry(PaymentTransaction t) {
        if (t.getReconcileDueAt() != null) {
            return t.getReconcileDueAt();
        }
        return t.getStatus() == PaymentStatus.PENDING ? t.getUpdatedAt().plus(settings.grace()) : t.getUpdatedAt();
    }

    private static final String UNRESOLVED = "t.site.id = :s and t.status in :open and (t.status <> :pending "
            + "or t.updatedAt <= :cutoff or t.reconcileAttempts > 0)";

    private <T> TypedQuery<T> bind(TypedQuery<T> q, long siteId) {
        return q.setParameter("s", siteId)
                .setParameter("open", List.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN, PaymentStatus.HELD))
                .setParameter("pending", PaymentStatus.PENDING)
                .setParameter("cutoff", clock.instant().minus(settings.grace()));
    }

    private static <T> List<T> page(TypedQuery<T> q, int first, int max) {
        return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
    }
}
