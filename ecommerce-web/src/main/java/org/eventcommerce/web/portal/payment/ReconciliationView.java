package org.eventcommerce.web.portal.payment;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.domain.payment.reconcile.Disagreement;
import org.eventcommerce.domain.payment.reconcile.ReconcilerSettings;
import org.eventcommerce.domain.payment.reconcile.ReconciliationAlert;
import org.eventcommerce.domain.payment.reconcile.ReconciliationAlerts;
import org.eventcommerce.domain.payment.reconcile.ReconciliationReport;
import org.eventcommerce.domain.payment.reconcile.Reconciler;
import org.eventcommerce.web.portal.Actors;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.Formats;
import org.eventcommerce.web.portal.PageMessages;
import org.eventcommerce.web.security.CurrentUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The reconciliation view ({@code /admin/payments/reconciliation.xhtml}, issue 5), linked from the held-payments and
 * transactions pages: three lazy tables paged in the database ({@link ReconciliationReport},
 * {@link ReconciliationAlerts}), times in the site's time zone: the alerts (answers that disagreed with our record,
 * each with Acknowledge), the transactions still unresolved (reason, attempts, last and next try) and the transactions
 * settled by inquiry (when, by whom, with what). <b>Reconcile now</b> runs a reconciler pass over the site's open
 * transactions at once ({@link Reconciler#runNow}). Amounts in the alerts' "our record" and "PayPal's answer" are
 * formatted as the Amount column's, the explanation of a {@code DUPLICATE=1} alert comes from the bundle, and who
 * acknowledged an alert is named as the audit log names it ({@link Actors}).
 */
@Named
@ViewScoped
public class ReconciliationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReconciliationReport report;

    @Inject
    ReconciliationAlerts alerts;

    @Inject
    Reconciler reconciler;

    @Inject
    ReconcilerSettings settings;

    @Inject
    CurrentUser currentUser;

    private final Alerts alertRows = new Alerts();
    private final Transactions unresolvedRows = new Transactions(false);
    private final Transactions settledRows = new Transactions(true);
    private boolean unacknowledgedOnly;

    /** Runs a reconciler pass over the site's open transactions now and says what it did. */
    public void reconcileNow() {
        try {
            Reconciler.Pass pass = reconciler.runNow(currentUser.siteId());
            PageMessages.global(FacesMessage.SEVERITY_INFO, Bundle.text("message.reconciliation.pass", pass.taken(),
                    pass.settled(), pass.unresolved()));
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
    }

    /** Records that the signed-in administrator has seen the alert. */
    public void acknowledge(AlertRow row) {
        alerts.acknowledge(currentUser.siteId(), row.id(), currentUser.account().getEmail());
        PageMessages.global(FacesMessage.SEVERITY_INFO, Bundle.text("message.reconciliation.acknowledged"));
    }

    /** The grace period in whole minutes (at least 1), for the page's explanation. */
    public long getGraceMinutes() {
        return Math.max(1, settings.grace().toMinutes());
    }

    public LazyDataModel<AlertRow> getAlerts() {
        return alertRows;
    }

    public LazyDataModel<Row> getUnresolved() {
        return unresolvedRows;
    }

    public LazyDataModel<Row> getSettled() {
        return settledRows;
    }

    public boolean isUnacknowledgedOnly() {
        return unacknowledgedOnly;
    }

    public void setUnacknowledgedOnly(boolean unacknowledgedOnly) {
        this.unacknowledgedOnly = unacknowledgedOnly;
    }

    private ZoneId zone() {
        return currentUser.account().getSite().getTimeZone();
    }

    /**
     * One transaction as the unresolved and settled tables show it.
     *
     * @param id        the transaction's public id (the detail page's parameter)
     * @param kind      {@code SALE}, {@code CREDIT}... (bundle {@code transactionKind.*})
     * @param status    its status now (bundle {@code transactionStatus.*})
     * @param settledBy PAYMENT, RECONCILER, ADMINISTRATOR (bundle {@code settledBy.*}), or null
     */
    public record Row(String id, String createdAt, String offering, String attendee, String kind, String status,
                      String amount, String reference, String message, String reason, int attempts, String triedAt,
                      String nextTry, String settledAt, String settledBy) implements Serializable {
    }

    /**
     * One alert as shown.
     *
     * @param kind         DUPLICATE_MISMATCH, AMOUNT, CURRENCY, REFERENCE, STATUS (bundle {@code alertKind.*})
     * @param acknowledged who acknowledged it and when, in words, or null while it is open
     */
    public record AlertRow(String id, String createdAt, String kind, String transactionId, String offering,
                           String attendee, String amount, String ours, String theirs, String detail,
                           String acknowledged) implements Serializable {
    }

    /** Unresolved or settled transactions, a page at a time. */
    final class Transactions extends LazyDataModel<Row> {

        private static final long serialVersionUID = 1L;

        private final boolean settled;

        Transactions(boolean settled) {
            this.settled = settled;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            long site = currentUser.siteId();
            return (int) Math.min(Integer.MAX_VALUE, settled ? report.settledCount(site) : report.unresolvedCount(site));
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            long site = currentUser.siteId();
            ZoneId zone = zone();
            Locale locale = Bundle.locale();
            List<PaymentTransaction> page = settled ? report.settled(site, first, pageSize)
                    : report.unresolved(site, first, pageSize);
            return page.stream().map(t -> new Row(t.getPublicId(), Formats.dateTime(t.getCreatedAt(), zone, locale),
                    t.getOrder().getOffering().getTitle(), t.getOrder().getAttendee().getEmail(), t.getKind().name(),
                    t.getStatus().name(), Formats.money(t.getAmount(), locale), t.getReference(), t.getMessage(),
                    t.getReconcileReason(), t.getReconcileAttempts(),
                    Formats.dateTime(t.getReconcileTriedAt(), zone, locale),
                    settled ? "" : Formats.dateTime(report.nextTry(t), zone, locale),
                    Formats.dateTime(t.getSettledAt(), zone, locale),
                    t.getSettledBy() == null ? null : t.getSettledBy().name())).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return row.id();
        }
    }

    /** The site's alerts, newest first, a page at a time. */
    final class Alerts extends LazyDataModel<AlertRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, alerts.count(currentUser.siteId(), unacknowledgedOnly));
        }

        @Override
        public List<AlertRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                   Map<String, FilterMeta> filterBy) {
            ZoneId zone = zone();
            Locale locale = Bundle.locale();
            return alerts.page(currentUser.siteId(), unacknowledgedOnly, first, pageSize).stream()
                    .map(a -> row(a, zone, locale)).toList();
        }

        @Override
        public String getRowKey(AlertRow row) {
            return row.id();
        }
    }

    private static AlertRow row(ReconciliationAlert a, ZoneId zone, Locale locale) {
        PaymentTransaction t = a.getTransaction();
        String acknowledged = a.isAcknowledged() ? Bundle.text(locale, "label.reconciliation.acknowledged",
                Actors.label(a.getAcknowledgedBy(), locale), Formats.dateTime(a.getAcknowledgedAt(), zone, locale))
                : null;
        return new AlertRow(a.getPublicId(), Formats.dateTime(a.getCreatedAt(), zone, locale), a.getKind().name(),
                t.getPublicId(), t.getOrder().getOffering().getTitle(), t.getOrder().getAttendee().getEmail(),
                Formats.money(t.getAmount(), locale), localized(a.getOurs(), locale), localized(a.getTheirs(), locale),
                detail(a.getKind(), t.getRequestId(), a.getDetail(), locale), acknowledged);
    }

    /** An amount as the alerts store it ({@code 25.00 USD}, {@code -25.00 USD}). */
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\w.,])(-?\\d+(?:\\.\\d+)?) ([A-Z]{3})\\b");

    /**
     * An alert's "our record" or "PayPal's answer" as shown to a reader of {@code locale}: each amount formatted as the
     * Amount column formats it ({@link Formats#money}: {@code 25,00 USD} in Romanian), "(none)" and "no AMT" in the
     * reader's words; references and status names unchanged.
     */
    static String localized(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        if (text.equals("(none)")) {
            return Bundle.text(locale, "label.reconciliation.noAmount");
        }
        Matcher m = AMOUNT.matcher(text.startsWith("no AMT")
                ? Bundle.text(locale, "label.reconciliation.noAmount") + text.substring("no AMT".length()) : text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String formatted;
            try {
                formatted = Formats.money(new BigDecimal(m.group(1)), Currency.getInstance(m.group(2)), locale);
            } catch (IllegalArgumentException notACurrency) {
                formatted = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(formatted));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * An alert's detail as shown: for a {@code DUPLICATE=1} answer of another transaction the bundle's explanation
     * ({@code alertDetail.DUPLICATE_MISMATCH}, with the attempt's request id); otherwise the detail as recorded (the
     * provider's message or the reconciler's reason).
     */
    static String detail(Disagreement.Kind kind, String requestId, String stored, Locale locale) {
        return kind == Disagreement.Kind.DUPLICATE_MISMATCH && requestId != null
                ? Bundle.text(locale, "alertDetail.DUPLICATE_MISMATCH", requestId) : stored;
    }
}
