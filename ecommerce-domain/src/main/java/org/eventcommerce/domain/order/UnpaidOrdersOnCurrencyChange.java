package org.eventcommerce.domain.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.eventcommerce.domain.promotion.RedemptionService;
import org.eventcommerce.domain.site.CurrencyChanged;
import org.eventcommerce.payments.PaymentStatus;

/**
 * When a site's payment currency changes, its unpaid orders in any other currency cannot be paid any more: they
 * are cancelled (their promotion-code uses released) and counted, so the administrator is told how many
 * (issue 4). An order whose payment is under way (pending, unknown, or held for review) is never cancelled under
 * that payment: it is kept, counted apart, and ends as its payment does (paid in its own currency, or declined).
 */
@ApplicationScoped
public class UnpaidOrdersOnCurrencyChange {

    private static final List<PaymentStatus> OPEN = List.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN,
            PaymentStatus.HELD);

    @PersistenceContext
    EntityManager em;

    @Inject
    RedemptionService redemptions;

    void onChange(@Observes CurrencyChanged change) {
        List<PurchaseOrder> unpayable = em.createQuery("select o from PurchaseOrder o where o.site.id = :s"
                        + " and o.status = :awaiting and o.currency <> :c order by o.id", PurchaseOrder.class)
                .setParameter("s", change.siteId()).setParameter("awaiting", OrderStatus.AWAITING_PAYMENT)
                .setParameter("c", change.to().getCurrencyCode())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (unpayable.isEmpty()) {
            return;
        }
        List<Long> underWay = em.createQuery("select distinct t.order.id from PaymentTransaction t"
                        + " where t.order in :orders and t.status in :open", Long.class)
                .setParameter("orders", unpayable).setParameter("open", OPEN).getResultList();
        int cancelled = 0;
        for (PurchaseOrder o : unpayable) {
            if (!underWay.contains(o.getId())) {
                o.cancel();
                redemptions.release(o);
                cancelled++;
            }
        }
        change.cancelled(cancelled);
        change.kept(underWay.size());
    }
}
