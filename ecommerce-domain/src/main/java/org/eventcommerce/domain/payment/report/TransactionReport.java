package org.eventcommerce.domain.payment.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.payment.PaymentRecorder;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;

/**
 * The transactions report (MISSION.md M12; {@code GET /api/v1/transactions}): every payment transaction of one
 * site with the filters of {@link TransactionFilter}, a page at a time sorted in the database, the totals per
 * currency summed in the database ({@link CurrencyTotals}), a keyset walk for the CSV export, and one
 * transaction's detail with the history of its order.
 *
 * <p>Every query is restricted to the site; nothing of another site is ever read. The rows are projections
 * ({@link TransactionRow}) read in one query per page. The dates are inclusive days in the site's time zone.
 */
@ApplicationScoped
public class TransactionReport {

    /** Page size limit. */
    public static final int MAX_PAGE_SIZE = 500;
    /** Rows per database round trip in {@link #forEach}. */
    public static final int BATCH = 500;

    private static final String ROW = "select new org.eventcommerce.domain.payment.report.TransactionRow(t.id, "
            + "t.publicId, t.createdAt, o.publicId, f.externalId, f.title, a.email, a.displayName, t.kind, t.status, "
            + "t.amount, t.currency, t.providerType, t.mode, t.reference, t.resultCode, t.message, t.cardBrand, "
            + "t.cardLast4) ";
    private static final String FROM = "from PaymentTransaction t join t.order o join o.offering f join o.attendee a ";

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentRecorder transactions;

    /** The columns the report can be sorted by, in the database (a whitelist: nothing else reaches the query). */
    public enum SortField {
        CREATED_AT("t.createdAt"), AMOUNT("t.amount"), CURRENCY("t.currency"), STATUS("t.status"), KIND("t.kind"),
        PROVIDER("t.providerType"), MODE("t.mode"), OFFERING("f.title"), ATTENDEE("a.emailKey"),
        REFERENCE("t.reference");

        private final String path;

        SortField(String path) {
            this.path = path;
        }
    }

    /** A sort order, then by id in the same direction (a stable order); the default is newest first. */
    public record Sort(SortField field, boolean ascending) {
        public static final Sort NEWEST_FIRST = new Sort(SortField.CREATED_AT, false);
    }

    /** One page, the number of matching transactions, and the totals of all of them (not just the page). */
    public record Page(List<TransactionRow> items, long total, CurrencyTotals.Tally totals) {
    }

    /** Where the keyset walk stopped: the last row's created-at and id (ascending). */
    public record Cursor(Instant createdAt, long id) {
    }

    /** A transaction, its order, and every transaction of that order in time order (including itself). */
    public record Detail(PaymentTransaction transaction, PurchaseOrder order, List<PaymentTransaction> history) {
    }

    /**
     * Page {@code page} (from 0) of {@code size} rows matching {@code f}, sorted by {@code sort} (null: newest
     * first), with the total count and the totals per currency: {@link #rows}, {@link #count} and {@link #totals}.
     *
     * @throws ValidationException for a bad page or size ({@code size}), or the rules of {@link TransactionFilter#check()}
     */
    public Page find(Site site, TransactionFilter f, int page, int size, Sort sort) {
        return new Page(rows(site, f, page, size, sort), count(site, f), totals(site, f));
    }

    /**
     * Page {@code page} (from 0) of {@code size} rows matching {@code f}, sorted in the database by {@code sort}
     * (null: newest first), then by id in the same direction.
     *
     * @throws ValidationException for a bad page or size ({@code size}), or the rules of {@link TransactionFilter#check()}
     */
    public List<TransactionRow> rows(Site site, TransactionFilter f, int page, int size, Sort sort) {
        int first = org.eventcommerce.domain.common.Pages.first(page, size, MAX_PAGE_SIZE);
        f.check();
        Map<String, Object> params = new HashMap<>();
        String where = where(site, f, params);
        Sort s = sort == null ? Sort.NEWEST_FIRST : sort;
        String dir = s.ascending() ? " asc" : " desc";
        TypedQuery<TransactionRow> q = em.createQuery(ROW + FROM + "where " + where + " order by " + s.field().path
                + dir + ", t.id" + dir, TransactionRow.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(first).setMaxResults(size).getResultList();
    }

    /**
     * How many transactions match {@code f}.
     *
     * @throws ValidationException for the rules of {@link TransactionFilter#check()}
     */
    public long count(Site site, TransactionFilter f) {
        f.check();
        Map<String, Object> params = new HashMap<>();
        String where = where(site, f, params);
        TypedQuery<Long> count = em.createQuery("select count(t) " + FROM + "where " + where, Long.class);
        params.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /**
     * The totals per currency of every transaction matching {@code f}: approved sales and captures (gross), approved
     * credits (refunds), net; Test-mode transactions only when {@link TransactionFilter#includeTest()}.
     *
     * @throws ValidationException for the rules of {@link TransactionFilter#check()}
     */
    public CurrencyTotals.Tally totals(Site site, TransactionFilter f) {
        f.check();
        Map<String, Object> params = new HashMap<>();
        return sums(where(site, f, params), params, f.includeTest());
    }

    /**
     * Up to {@code limit} rows matching {@code f} after {@code after} (null: from the start), oldest first by
     * (created-at, id): a keyset page, whose cost does not grow with the position as an offset's does.
     *
     * @throws ValidationException for the rules of {@link TransactionFilter#check()}
     */
    public List<TransactionRow> batch(Site site, TransactionFilter f, Cursor after, int limit) {
        f.check();
        Map<String, Object> params = new HashMap<>();
        String where = where(site, f, params);
        if (after != null) {
            where += " and (t.createdAt > :afterAt or (t.createdAt = :afterAt and t.id > :afterId))";
            params.put("afterAt", after.createdAt());
            params.put("afterId", after.id());
        }
        TypedQuery<TransactionRow> q = em.createQuery(ROW + FROM + "where " + where
                + " order by t.createdAt asc, t.id asc", TransactionRow.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE_SIZE))).getResultList();
    }

    /**
     * Every row matching {@code f}, oldest first, to {@code each}, read {@value #BATCH} at a time by
     * {@link #batch}: for the CSV export, whatever the number of rows.
     *
     * @return how many rows were given
     * @throws ValidationException for the rules of {@link TransactionFilter#check()}
     */
    public long forEach(Site site, TransactionFilter f, Consumer<TransactionRow> each) {
        long n = 0;
        Cursor after = null;
        while (true) {
            List<TransactionRow> rows = batch(site, f, after, BATCH);
            rows.forEach(each);
            n += rows.size();
            if (rows.size() < BATCH) {
                return n;
            }
            TransactionRow last = rows.get(rows.size() - 1);
            after = new Cursor(last.createdAt(), last.id());
        }
    }

    /**
     * The transaction {@code publicId} of {@code site} with its order's history.
     *
     * @throws NotFoundException when the site has no such transaction
     */
    public Detail detail(Site site, String publicId) {
        List<PaymentTransaction> hit = publicId == null || publicId.isBlank() ? List.of()
                : em.createQuery("select t from PaymentTransaction t where t.site.id = :s and t.publicId = :p",
                        PaymentTransaction.class).setParameter("s", site.getId()).setParameter("p", publicId.strip())
                .getResultList();
        if (hit.isEmpty()) {
            throw new NotFoundException("Transaction");
        }
        PaymentTransaction t = hit.get(0);
        return new Detail(t, t.getOrder(), transactions.ofOrder(t.getOrder()));
    }

    /** The site's offerings for the offering filter, by title (a projection: no host accounts loaded). */
    public List<OfferingChoice> offerings(Site site) {
        return em.createQuery("select new org.eventcommerce.domain.payment.report.OfferingChoice("
                        + "f.externalId, f.title) from Offering f where f.site.id = :s order by f.title, f.externalId",
                OfferingChoice.class).setParameter("s", site.getId()).getResultList();
    }

    private CurrencyTotals.Tally sums(String where, Map<String, Object> params, boolean includeTest) {
        // Summed in the database per currency, mode and kind; CurrencyTotals folds the few groups (gross, refunds,
        // net; Test mode left out unless asked for).
        TypedQuery<Object[]> q = em.createQuery("select t.currency, t.mode, t.kind, sum(t.amount), count(t) " + FROM
                + "where " + where + " and t.status = :approved and t.kind in :moneyKinds"
                + " group by t.currency, t.mode, t.kind", Object[].class);
        params.forEach(q::setParameter);
        q.setParameter("approved", PaymentStatus.APPROVED);
        q.setParameter("moneyKinds", List.of(TransactionKind.SALE, TransactionKind.CAPTURE, TransactionKind.CREDIT));
        List<CurrencyTotals.Sum> sums = new ArrayList<>();
        for (Object[] r : q.getResultList()) {
            sums.add(new CurrencyTotals.Sum(((String) r[0]).strip(), (OperatingMode) r[1],
                    (TransactionKind) r[2], r[3] == null ? null : new BigDecimal(r[3].toString()),
                    ((Number) r[4]).longValue()));
        }
        return CurrencyTotals.tally(sums, includeTest);
    }

    private static String where(Site site, TransactionFilter f, Map<String, Object> params) {
        ZoneId zone = site.getTimeZone();
        List<String> w = new ArrayList<>();
        w.add("t.site.id = :site");
        params.put("site", site.getId());
        if (f.createdFrom() != null) {
            w.add("t.createdAt >= :from");
            params.put("from", f.fromInstant(zone));
        }
        if (f.createdTo() != null) {
            w.add("t.createdAt < :to");
            params.put("to", f.toInstantExclusive(zone));
        }
        equal(w, params, "t.status", "status", f.status());
        equal(w, params, "t.kind", "kind", f.kind());
        equal(w, params, "t.providerType", "provider", f.provider());
        equal(w, params, "t.mode", "mode", f.mode());
        equal(w, params, "f.externalId", "offering", f.offering());
        if (f.attendee() != null) {
            w.add("a.emailKey like :attendee escape '\\'");
            params.put("attendee", f.attendeePattern());
        }
        return String.join(" and ", w);
    }

    /** Adds {@code path = :name} when {@code value} is set. */
    private static void equal(List<String> w, Map<String, Object> params, String path, String name, Object value) {
        if (value != null) {
            w.add(path + " = :" + name);
            params.put(name, value);
        }
    }
}
