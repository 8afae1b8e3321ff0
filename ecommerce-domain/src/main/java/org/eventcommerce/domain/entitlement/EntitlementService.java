package org.eventcommerce.domain.entitlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.order.PurchaseOrder;

/** Grants entitlements and answers "may this attendee enter this offering?" (the platform's hot path). */
@ApplicationScoped
public class EntitlementService {

    @PersistenceContext
    EntityManager em;

    /** The answer of {@code GET /api/v1/entitlements}. */
    public record Check(boolean granted, String orderId, Instant grantedAt) {
        static final Check DENIED = new Check(false, null, null);
    }

    /**
     * Whether the attendee with {@code email} (case-insensitive) holds an active entitlement to the offering
     * with platform id {@code offeringId}, in one indexed query.
     */
    @Transactional
    public Check check(long siteId, String email, String offeringId) {
        List<Object[]> rows = em.createQuery("select o.publicId, e.grantedAt from Entitlement e join e.order o "
                        + "where e.site.id = :s and e.attendee.emailKey = :k and e.offering.externalId = :x "
                        + "and e.revokedAt is null", Object[].class)
                .setParameter("s", siteId).setParameter("k", Account.key(email)).setParameter("x", offeringId)
                .setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            return Check.DENIED;
        }
        return new Check(true, (String) rows.get(0)[0], (Instant) rows.get(0)[1]);
    }

    /** Grants (or re-grants) access through a paid {@code order}; call inside the paying transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Entitlement grant(PurchaseOrder order, Instant now) {
        Optional<Entitlement> existing = find(order.getAttendee(), order);
        if (existing.isPresent()) {
            existing.get().regrant(order, now);
            return existing.get();
        }
        Entitlement e = new Entitlement(order, now);
        em.persist(e);
        return e;
    }

    /**
     * Revokes the access granted through {@code order} (DESIGN.md vocabulary: "revoked by a full refund"); an
     * entitlement since re-granted through another order is left alone. Call inside the refunding transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(PurchaseOrder order, Instant now) {
        find(order.getAttendee(), order).filter(e -> e.getOrder().getId().equals(order.getId()))
                .ifPresent(e -> e.revoke(now));
    }

    /** Active entitlements of {@code attendee}, newest first. */
    @Transactional
    public List<Entitlement> ofAttendee(Account attendee) {
        return em.createQuery("select e from Entitlement e where e.attendee.id = :a and e.revokedAt is null "
                + "order by e.grantedAt desc", Entitlement.class).setParameter("a", attendee.getId()).getResultList();
    }

    /** True when {@code attendee} already has active access to the order's offering. */
    @Transactional
    public boolean hasActive(Account attendee, long offeringId) {
        return !em.createQuery("select e.id from Entitlement e where e.attendee.id = :a and e.offering.id = :o "
                        + "and e.revokedAt is null", Long.class)
                .setParameter("a", attendee.getId()).setParameter("o", offeringId).setMaxResults(1)
                .getResultList().isEmpty();
    }

    private Optional<Entitlement> find(Account attendee, PurchaseOrder order) {
        return em.createQuery("select e from Entitlement e where e.attendee.id = :a and e.offering.id = :o",
                        Entitlement.class)
                .setParameter("a", attendee.getId()).setParameter("o", order.getOffering().getId())
                .getResultStream().findFirst();
    }
}
