package org.eventcommerce.domain.payment.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.payflow.PayflowResultMapper;

/**
 * Raises, lists and acknowledges {@link ReconciliationAlert}s. Raising joins the caller's transaction, which holds the
 * lock on the transaction's order (every writer of a payment does), so two writers never raise the same alert twice.
 */
@ApplicationScoped
public class ReconciliationAlerts {

    private static final Logger LOG = System.getLogger(ReconciliationAlerts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Adds an alert per disagreement, unless {@code t} already has one of that kind.
     *
     * @param detail what was asked and answered (English), e.g. "Inquiry by CUSTREF ABC..."
     * @return the alerts added
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReconciliationAlert> raise(PaymentTransaction t, List<Disagreement> disagreements, String detail) {
        List<ReconciliationAlert> added = new java.util.ArrayList<>();
        for (Disagreement d : disagreements) {
            boolean exists = !em.createQuery("select a.id from ReconciliationAlert a where a.transaction.id = :t "
                            + "and a.kind = :k", Long.class).setParameter("t", t.getId()).setParameter("k", d.kind())
                    .setMaxResults(1).getResultList().isEmpty();
            if (exists) {
                continue;
            }
            ReconciliationAlert a = new ReconciliationAlert(t, d, detail, clock.instant());
            em.persist(a);
            added.add(a);
            LOG.log(Level.WARNING, "Reconciliation alert on transaction {0} ({1} {2} of order {3}): {4} ours {5}, "
                    + "theirs {6}", t.getPublicId(), t.getKind(), t.getAmount(), t.getOrder().getPublicId(), d.kind(),
                    d.ours(), d.theirs());
        }
        return added;
    }

    /**
     * The alert for a Payflow {@code DUPLICATE=1} answer that does not match the attempt ({@link
     * PayflowResultMapper#isDuplicateMismatch}), or none for any other result: ours is the attempt's amount (and
     * CUSTREF), theirs what the replay carried (AMT, CUSTREF, PNREF).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReconciliationAlert> raiseForAnswer(PaymentTransaction t, PaymentResult result) {
        if (!PayflowResultMapper.isDuplicateMismatch(result)) {
            return List.of();
        }
        String echoed = result.fields().get("CUSTREF");
        String theirs = (result.amount() == null ? "no AMT" : result.amount().toString())
                + (echoed == null ? "" : ", CUSTREF " + echoed)
                + (result.reference() == null ? "" : ", PNREF " + result.reference());
        String ours = t.getAmount() + ", CUSTREF " + t.getCustRef();
        return raise(t, List.of(new Disagreement(Disagreement.Kind.DUPLICATE_MISMATCH, ours, theirs)),
                "Payflow answered request id " + t.getRequestId() + " with DUPLICATE=1 for another transaction; "
                        + "not recorded as this attempt's answer, settled by an inquiry on its CUSTREF");
    }

    /** The site's alerts, newest first, a page at a time. */
    @Transactional
    public List<ReconciliationAlert> page(long siteId, boolean unacknowledgedOnly, int first, int max) {
        return em.createQuery("select a from ReconciliationAlert a join fetch a.transaction t join fetch t.order o "
                        + "join fetch o.offering join fetch o.attendee where a.site.id = :s"
                        + (unacknowledgedOnly ? " and a.acknowledgedAt is null" : "")
                        + " order by a.createdAt desc, a.id desc", ReconciliationAlert.class)
                .setParameter("s", siteId).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
    }

    /** How many rows {@link #page} pages through. */
    @Transactional
    public long count(long siteId, boolean unacknowledgedOnly) {
        return em.createQuery("select count(a) from ReconciliationAlert a where a.site.id = :s"
                        + (unacknowledgedOnly ? " and a.acknowledgedAt is null" : ""), Long.class)
                .setParameter("s", siteId).getSingleResult();
    }

    /**
     * Acknowledges the alert {@code publicId} of the site in the name of {@code who}.
     *
     * @return the alert
     * @throws NotFoundException when the site has no such alert
     */
    @Transactional
    public ReconciliationAlert acknowledge(long siteId, String publicId, String who) {
        ReconciliationAlert a = em.createQuery("select a from ReconciliationAlert a where a.publicId = :p "
                        + "and a.site.id = :s", ReconciliationAlert.class).setParameter("p", publicId)
                .setParameter("s", siteId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Alert"));
        a.acknowledge(who, clock.instant());
        return a;
    }
}
