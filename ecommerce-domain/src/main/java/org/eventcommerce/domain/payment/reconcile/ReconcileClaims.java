package org.eventcommerce.domain.payment.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims open transactions for one instance's reconciler (DESIGN.md "Scaling out": background work takes rows with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, so any instance can run it). A claim is one short database transaction:
 * the rows are selected and locked, skipping rows another instance is claiming at the same moment, and stamped with a
 * lease ({@code reconcile_lease_until}, {@code reconcile_owner}); the lock ends at commit, and the provider calls happen
 * afterwards, outside any lock. A row whose lease has not expired is not taken again, so a claim of an instance that
 * died (kill -9) expires after the lease and another instance takes the row.
 *
 * <p>Both statements are single-table selects with {@code LIMIT} before {@code FOR UPDATE SKIP LOCKED}, valid on H2 2.2
 * and PostgreSQL 15 ({@code ReconcileQueriesTest} runs them on both), without {@code ORDER BY} for the reason given at
 * {@link org.eventcommerce.domain.mail.OutboxWorker#TAKE_SQL} (H2 would lock every matching row before sorting).
 */
@ApplicationScoped
public class ReconcileClaims {

    /**
     * The scheduled pass: open transactions that are due. A transaction the reconciler has not looked at yet is due
     * when it is UNKNOWN or HELD, or PENDING and last written before the grace cutoff; one it has looked at is due at
     * its {@code reconcile_due_at} (the back-off). Parameters: 1 = grace cutoff (now − grace), 2 = now (due),
     * 3 = now (lease), 4 = the pass's start (a row tried during this pass is not taken again), 5 = the most rows.
     */
    public static final String TAKE_SQL = "select id from payment_transaction"
            + " where status in ('PENDING', 'UNKNOWN', 'HELD')"
            + " and (reconcile_due_at is null and (status <> 'PENDING' or updated_at <= ?) or reconcile_due_at <= ?)"
            + " and (reconcile_lease_until is null or reconcile_lease_until <= ?)"
            + " and (reconcile_tried_at is null or reconcile_tried_at < ?)"
            + " limit ? for update skip locked";

    /**
     * "Reconcile now" for one site: every open transaction of the site whatever its back-off, PENDING ones only once
     * older than the grace period. Parameters: 1 = site id, 2 = grace cutoff, 3 = now (lease), 4 = the pass's start,
     * 5 = the most rows.
     */
    public static final String TAKE_SITE_SQL = "select id from payment_transaction"
            + " where site_id = ? and status in ('PENDING', 'UNKNOWN', 'HELD')"
            + " and (status <> 'PENDING' or updated_at <= ?)"
            + " and (reconcile_lease_until is null or reconcile_lease_until <= ?)"
            + " and (reconcile_tried_at is null or reconcile_tried_at < ?)"
            + " limit ? for update skip locked";

    @PersistenceContext
    EntityManager em;

    /**
     * Claims up to {@code max} due transactions ({@link #TAKE_SQL}) for {@code owner} until {@code leaseUntil}.
     *
     * @return their ids
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> claimDue(Instant now, Instant graceCutoff, Instant passStart, int max, String owner,
                               Instant leaseUntil) {
        List<Long> ids = ids(em.createNativeQuery(TAKE_SQL).setParameter(1, utc(graceCutoff))
                .setParameter(2, utc(now)).setParameter(3, utc(now)).setParameter(4, utc(passStart))
                .setParameter(5, max).getResultList());
        return lease(ids, owner, leaseUntil);
    }

    /**
     * Claims up to {@code max} open transactions of site {@code siteId} ({@link #TAKE_SITE_SQL}) for {@code owner}
     * until {@code leaseUntil}.
     *
     * @return their ids
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> claimForSite(long siteId, Instant now, Instant graceCutoff, Instant passStart, int max,
                                   String owner, Instant leaseUntil) {
        List<Long> ids = ids(em.createNativeQuery(TAKE_SITE_SQL).setParameter(1, siteId)
                .setParameter(2, utc(graceCutoff)).setParameter(3, utc(now)).setParameter(4, utc(passStart))
                .setParameter(5, max).getResultList());
        return lease(ids, owner, leaseUntil);
    }

    private List<Long> lease(List<Long> ids, String owner, Instant leaseUntil) {
        if (!ids.isEmpty()) {
            em.createQuery("update PaymentTransaction t set t.reconcileLeaseUntil = :until, t.reconcileOwner = :owner"
                            + " where t.id in :ids").setParameter("until", leaseUntil).setParameter("owner", owner)
                    .setParameter("ids", ids).executeUpdate();
        }
        return ids;
    }

    private static java.time.OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static List<Long> ids(List<?> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object o : rows) {
            Object v = o instanceof Object[] a ? a[0] : o;
            ids.add(((Number) v).longValue());
        }
        return ids;
    }
}
