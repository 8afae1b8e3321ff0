package org.eventcommerce.domain.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eventcommerce.domain.order.OrderStatus;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.payments.PaymentStatus;

/**
 * Lets the promotion-code reservations of abandoned orders lapse (issue 3: "A reservation lasts while a
 * payment attempt is in progress, otherwise 30 minutes (configurable)"): an unpaid order holding a reserved
 * use, older than {@code ecommerce.promotion.reservation-minutes}, with no payment attempt pending, unknown or
 * held, is expired and its use released. Any instance may run it: each order is locked and checked again.
 */
@ApplicationScoped
public class ReservationLapse {

    @PersistenceContext
    EntityManager em;

    @Inject
    RedemptionService redemptions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ecommerce.promotion.reservation-minutes", defaultValue = "30")
    int minutes;

    /** Orders whose reservation has lapsed (ids), at most {@code max}. */
    @Transactional
    public List<Long> due(int max) {
        Instant cutoff = clock.instant().minus(Duration.ofMinutes(minutes));
        return em.createQuery("select distinct r.order.id from Redemption r where r.status = :reserved "
                        + "and r.order.status = :awaiting and r.order.createdAt < :cutoff and not exists ("
                        + "select t.id from PaymentTransaction t where t.order = r.order and t.status in :open)",
                        Long.class)
                .setParameter("reserved", Redemption.Status.RESERVED)
                .setParameter("awaiting", OrderStatus.AWAITING_PAYMENT)
                .setParameter("cutoff", cutoff)
                .setParameter("open", List.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN, PaymentStatus.HELD))
                .setMaxResults(max).getResultList();
    }

    /** Expires one order and releases its use, after locking and checking it again. @return true when done */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean lapse(long orderId) {
        PurchaseOrder o = em.find(PurchaseOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (o == null || o.getStatus() != OrderStatus.AWAITING_PAYMENT) {
            return false;
        }
        long open = em.createQuery("select count(t) from PaymentTransaction t where t.order.id = :o "
                        + "and t.status in :open", Long.class).setParameter("o", orderId)
                .setParameter("open", List.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN, PaymentStatus.HELD))
                .getSingleResult();
        if (open > 0) {
            return false;
        }
        o.expire();
        redemptions.release(o);
        return true;
    }

    /** One pass: lapses every due order. @return how many */
    public int runOnce() {
        int n = 0;
        for (Long id : due(500)) {
            n += lapse(id) ? 1 : 0;
        }
        return n;
    }
}
