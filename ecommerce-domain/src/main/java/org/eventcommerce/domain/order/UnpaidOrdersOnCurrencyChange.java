package org.eventcommerce.domain.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.promotion.RedemptionService;
import org.eventcommerce.domain.site.CurrencyChanged;
import org.eventcommerce.payments.PaymentStatus;

/**
 * When a site's payment currency changes, its unpaid orders in any other currency cannot be paid any more: they
 * are cancelled (their promotion-code uses released) and counted, so the administrator is told how many
 * (issue 4). Orders with a payment attempt still open (pending, unknown, held) are never cancelled under a
 * running payment: the change is refused with a message on the currency field instead.
 */
@ApplicationScoped
public class UnpaidOrdersOnCurrencyChange {

    private static final List<PaymentStatus> OPEN = List.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN,
            PaymentStatus.HELD);

    @PersistenceContext
    EntityManager em;

    @Inject
    RedemptionService redemptions;

    /**
     * @throws ValidationException {@code provider.currency} when an unpaid order in another currency has a payment
     *         in progress
     */
    void onChange(@Observes CurrencyChanged change) {
        List<PurchaseOrder> unpayable = em.createQuery("select o from PurchaseOrder o where o.site.id = :s"
                        + " and o.status = :awaiting and o.currency <> :c order by o.id", PurchaseOrder.class)
                .setParameter("s", change.siteId()).setParameter("awaiting", OrderStatus.AWAITING_PAYMENT)
                .setParameter("c", change.to().getCurrencyCode())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (unpayable.isEmpty()) {
            return;
        }
        long inProgress = em.createQuery("select count(t) from PaymentTransaction t where t.order in :orders"
                        + " and t.status in :open", Long.class)
                .setParameter("orders", unpayable).setParameter("open", OPEN).getSingleResult();
        if (inProgress > 0) {
            throw ValidationException.of("provider.currency", "validation.currency.paymentsInProgress", inProgress);
        }
        for (PurchaseOrder o : unpayable) {
            o.cancel();
            redemptions.release(o);
        }
        change.cancelled(unpayable.size());
    }
}
