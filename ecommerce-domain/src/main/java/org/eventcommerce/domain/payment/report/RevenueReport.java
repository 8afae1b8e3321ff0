package org.eventcommerce.domain.payment.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;

/**
 * The revenue report (MISSION.md M12; {@code GET /api/v1/reports/revenue}, {@code /admin/reports/revenue.xhtml}):
 * for one site and a range of days, per group ({@link RevenueGrouping}: offering, offering type or service) and
 * currency, the payments, refunds, net revenue, promotion-code discounts given and paid orders, with totals per
 * currency ({@link RevenueTally}).
 *
 * <p>Which day a figure belongs to, in the site's time zone, both days of the range included:
 * <ul>
 * <li>a payment (approved sale or capture) or a refund (approved credit) counts on the day its transaction was
 * recorded (its created-at, as in the transactions report, so that the two reports' totals agree for the same
 * days): a refund counts in the range of the refund, not in that of the payment it returns;</li>
 * <li>a discount and a paid order count on the day the order was paid, whatever happened to the order later (a
 * refund is counted as a refund); a zero total paid without a provider call counts there too.</li>
 * </ul>
 * Test-mode transactions and orders paid in Test mode count only when {@link RevenueQuery#includeTest()}.
 * Authorizations, voids and inquiries move no money; declined, held, pending and unknown transactions do not count.
 *
 * <p>Summed in the database with two GROUP BY queries (transactions; paid orders) restricted to the site and the
 * range (indexes {@code ix_transaction_site_status}, {@code ix_order_site_paid}); nothing else is read into memory.
 */
@ApplicationScoped
public class RevenueReport {

    private static final List<TransactionKind> MONEY_KINDS = List.of(TransactionKind.SALE, TransactionKind.CAPTURE,
            TransactionKind.CREDIT);

    @PersistenceContext
    EntityManager em;

    /**
     * The report of {@code site} for {@code query}.
     *
     * @throws ValidationException for the rules of {@link RevenueQuery#check()}
     */
    public Revenue find(Site site, RevenueQuery query) {
        query.check();
        ZoneId zone = site.getTimeZone();
        Instant from = query.fromInstant(zone);
        Instant to = query.toInstantExclusive(zone);
        return RevenueTally.fold(query, money(site, query, from, to), orders(site, query, from, to));
    }

    private List<RevenueTally.MoneySum> money(Site site, RevenueQuery q, Instant from, Instant to) {
        RevenueGrouping g = q.groupBy();
        TypedQuery<Object[]> tq = em.createQuery("select " + g.paths() + ", t.currency, t.kind, sum(t.amount)"
                + " from PaymentTransaction t join t.order o join o.offering f"
                + " where t.site.id = :site and t.status = :approved and t.createdAt >= :from and t.createdAt < :to"
                + " and t.kind in :kinds" + (q.includeTest() ? "" : " and t.mode = :production")
                + " group by " + g.paths() + ", t.currency, t.kind", Object[].class);
        tq.setParameter("site", site.getId()).setParameter("approved", PaymentStatus.APPROVED)
                .setParameter("from", from).setParameter("to", to).setParameter("kinds", MONEY_KINDS);
        if (!q.includeTest()) {
            tq.setParameter("production", OperatingMode.PRODUCTION);
        }
        List<RevenueTally.MoneySum> sums = new ArrayList<>();
        for (Object[] r : tq.getResultList()) {
            int i = g.hasLabel() ? 2 : 1;
            sums.add(new RevenueTally.MoneySum(key(r[0]), g.hasLabel() ? (String) r[1] : null, (String) r[i],
                    (TransactionKind) r[i + 1], decimal(r[i + 2])));
        }
        return sums;
    }

    private List<RevenueTally.OrderSum> orders(Site site, RevenueQuery q, Instant from, Instant to) {
        RevenueGrouping g = q.groupBy();
        TypedQuery<Object[]> tq = em.createQuery("select " + g.paths() + ", o.currency, sum(o.discountAmount),"
                + " count(o) from PurchaseOrder o join o.offering f"
                + " where o.site.id = :site and o.paidAt >= :from and o.paidAt < :to"
                + (q.includeTest() ? "" : " and o.paidMode = :production")
                + " group by " + g.paths() + ", o.currency", Object[].class);
        tq.setParameter("site", site.getId()).setParameter("from", from).setParameter("to", to);
        if (!q.includeTest()) {
            tq.setParameter("production", OperatingMode.PRODUCTION);
        }
        List<RevenueTally.OrderSum> sums = new ArrayList<>();
        for (Object[] r : tq.getResultList()) {
            int i = g.hasLabel() ? 2 : 1;
            sums.add(new RevenueTally.OrderSum(key(r[0]), g.hasLabel() ? (String) r[1] : null, (String) r[i],
                    decimal(r[i + 1]), ((Number) r[i + 2]).longValue()));
        }
        return sums;
    }

    /** A group key as read: an offering id, or the name of an offering type or service. */
    private static String key(Object value) {
        return value instanceof Enum<?> e ? e.name() : (String) value;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
