package org.eventcommerce.domain.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eventcommerce.domain.order.PurchaseOrder;

/**
 * Reserves, confirms and releases uses of codes (DESIGN.md lifecycle step 1). The usage limit is enforced by
 * the database with one conditional update (never a read-then-write), so concurrent orders on any number of
 * instances cannot over-redeem; the check constraint {@code used + reserved ≤ limit} backs it up.
 */
@ApplicationScoped
public class RedemptionService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Reserves one use of {@code code} for {@code order}, inside the caller's transaction.
     *
     * @throws org.eventcommerce.domain.common.BusinessException {@code /problems/promotion-code-used-up} when no
     *         use is left (or the code was deleted meanwhile)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Redemption reserve(PromotionCode code, PurchaseOrder order) {
        int updated = em.createQuery("update PromotionCode c set c.reservedCount = c.reservedCount + 1 "
                        + "where c.id = :id and c.deletedAt is null "
                        + "and (c.usageLimit is null or c.usedCount + c.reservedCount < c.usageLimit)")
                .setParameter("id", code.getId()).executeUpdate();
        if (updated != 1) {
            throw PromotionProblems.usedUp(code.getCode());
        }
        Redemption r = new Redemption(code, order, clock.instant());
        em.persist(r);
        return r;
    }

    /** The reserved redemption of {@code order}, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Redemption> reserved(PurchaseOrder order) {
        return ofOrder(order, Redemption.Status.RESERVED);
    }

    /** Turns the order's reserved use into a confirmed one (the payment was approved). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(PurchaseOrder order) {
        ofOrder(order, Redemption.Status.RESERVED).ifPresent(r -> {
            r.moveTo(Redemption.Status.CONFIRMED, clock.instant());
            em.createQuery("update PromotionCode c set c.reservedCount = c.reservedCount - 1, "
                    + "c.usedCount = c.usedCount + 1 where c.id = :id").setParameter("id", r.getCode().getId())
                    .executeUpdate();
        });
    }

    /** Gives the order's reserved use back (decline, cancel): the code may be used by someone else. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(PurchaseOrder order) {
        ofOrder(order, Redemption.Status.RESERVED).ifPresent(r -> {
            r.moveTo(Redemption.Status.RELEASED, clock.instant());
            em.createQuery("update PromotionCode c set c.reservedCount = c.reservedCount - 1 where c.id = :id")
                    .setParameter("id", r.getCode().getId()).executeUpdate();
        });
    }

    /**
     * Gives back the order's confirmed use after a full refund (DESIGN.md "Redemption": reserved → confirmed →
     * released): the code counts one use less and may be used again. Call inside the refunding transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseConfirmed(PurchaseOrder order) {
        ofOrder(order, Redemption.Status.CONFIRMED).ifPresent(r -> {
            r.moveTo(Redemption.Status.RELEASED, clock.instant());
            em.createQuery("update PromotionCode c set c.usedCount = c.usedCount - 1 where c.id = :id "
                    + "and c.usedCount > 0").setParameter("id", r.getCode().getId()).executeUpdate();
        });
    }

    private Optional<Redemption> ofOrder(PurchaseOrder order, Redemption.Status status) {
        List<Redemption> rows = em.createQuery("select r from Redemption r where r.order.id = :o and r.status = :s",
                Redemption.class).setParameter("o", order.getId()).setParameter("s", status).getResultList();
        return rows.stream().findFirst();
    }
}
