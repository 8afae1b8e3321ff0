package org.eventcommerce.web.portal.transaction;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.payment.report.CurrencyTotals;
import org.eventcommerce.domain.payment.report.OfferingChoice;
import org.eventcommerce.domain.payment.report.TransactionFilter;
import org.eventcommerce.domain.payment.report.TransactionReport;
import org.eventcommerce.domain.payment.report.TransactionRow;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.CsvDownload;
import org.eventcommerce.web.portal.Formats;
import org.eventcommerce.web.portal.PageMessages;
import org.eventcommerce.web.portal.TableSort;
import org.eventcommerce.web.portal.promotion.DateInputs;
import org.eventcommerce.web.security.CurrentUser;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The transactions report ({@code /admin/transactions/index.xhtml}, MISSION.md M12): filters, the totals per
 * currency of every matching transaction (Test mode left out unless ticked), a lazy table paged and sorted in the
 * database by {@link TransactionReport#rows}, and a CSV export of every matching row ({@link TransactionCsv}).
 * Times are shown in the site's time zone, amounts in the reader's number format with the ISO 4217 code.
 */
@Named
@ViewScoped
public class TransactionReportView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The report form's id: component client ids are {@code report:<id>}. */
    static final String FORM = "report";

    @Inject
    TransactionReport report;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    // The filters as edited, and as applied to the totals, the table and the export (set by Search).
    private LocalDate createdFrom;
    private LocalDate createdTo;
    private PaymentStatus status;
    private TransactionKind kind;
    private ProviderType provider;
    private OperatingMode mode;
    private String offering;
    private String attendee;
    private boolean includeTest;
    private TransactionFilter applied = TransactionFilter.NONE;
    private CurrencyTotals.Tally tally = new CurrencyTotals.Tally(List.of(), 0);
    private List<OfferingChoice> offerings = List.of();

    private final Rows rows = new Rows();

    /** The site's offerings for the filter and the totals of every transaction. */
    @PostConstruct
    void init() {
        offerings = report.offerings(site());
        refreshTotals();
    }

    /** Applies the filters: totals and the table's first page. A range that ends before it starts is refused. */
    public void search() {
        TransactionFilter f = new TransactionFilter(createdFrom, createdTo, status, kind, provider, mode, offering,
                attendee, includeTest);
        if (!f.problems().isEmpty()) {
            showErrors(new ValidationException(f.problems()));
            DateInputs.keepShown(FORM + ":createdTo", createdTo);
            DateInputs.keepShown(FORM + ":createdFrom", createdFrom);
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        applied = f;
        refreshTotals();
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.getViewRoot().findComponent(FORM + ":transactions") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    /** Clears the filters (keeps the Test-mode choice) and shows every transaction. */
    public void clear() {
        createdFrom = null;
        createdTo = null;
        status = null;
        kind = null;
        provider = null;
        mode = null;
        offering = null;
        attendee = null;
        search();
    }

    /** The "include Test-mode transactions in totals" box changed: only the totals change. */
    public void includeTestChanged() {
        applied = applied.withIncludeTest(includeTest);
        refreshTotals();
    }

    /**
     * Sends every transaction the applied filters match as a CSV attachment in UTF-8 with a byte-order mark, read
     * from the database in keyset batches ({@link TransactionReport#forEach}). Called by a non-AJAX button.
     */
    public void exportCsv() throws IOException {
        Site site = site();
        FacesContext context = FacesContext.getCurrentInstance();
        Writer out = CsvDownload.start("transactions-" + LocalDate.ofInstant(clock.instant(), site.getTimeZone())
                + ".csv");
        try (TransactionCsv csv = new TransactionCsv(out, site.getTimeZone())) {
            report.forEach(site, applied, r -> {
                try {
                    csv.print(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        context.responseComplete();
    }

    /** The row's time in the site's time zone, e.g. {@code Mar 5, 2026, 3:00 PM (America/New_York)}. */
    public String time(TransactionRow row) {
        return Formats.dateTime(row.createdAt(), site().getTimeZone(), Bundle.locale());
    }

    /** The row's amount in the reader's number format with its currency: {@code 1,234.50 USD}. */
    public String amount(TransactionRow row) {
        return Formats.money(row.money(), Bundle.locale());
    }

    /** The card as {@code Visa •••• 1111}, or "" without a card. */
    public String card(TransactionRow row) {
        return cardText(row.cardBrand(), row.cardLast4());
    }

    /**
     * How the payment was made: a card's brand (bundle label) and last four digits as {@code Visa •••• 1111}, or the
     * tender alone without digits ({@code PayPal account}, {@code Card on PayPal's page}); "" when nothing is known.
     */
    public static String cardText(String brand, String last4) {
        String label = brand == null ? "" : Bundle.text("card." + brand);
        return last4 == null ? label : (label.isEmpty() ? "" : label + " ") + "\u2022\u2022\u2022\u2022 " + last4;
    }

    /** A total in the reader's number format with its currency. */
    public String money(org.eventcommerce.payments.money.Money m) {
        return Formats.money(m, Bundle.locale());
    }

    /** The note under the totals: how many Test-mode money transactions they leave out, or "". */
    public String getExcludedNote() {
        return tally.excludedTest() == 0 ? "" : Bundle.text("message.transactions.testExcluded", tally.excludedTest());
    }

    public List<CurrencyTotals> getTotals() {
        return tally.totals();
    }

    public LazyDataModel<TransactionRow> getRows() {
        return rows;
    }

    public List<OfferingChoice> getOfferings() {
        return offerings;
    }

    public List<PaymentStatus> getStatuses() {
        return List.of(PaymentStatus.values());
    }

    public List<TransactionKind> getKinds() {
        return List.of(TransactionKind.values());
    }

    public List<ProviderType> getProviders() {
        return List.of(ProviderType.values());
    }

    public List<OperatingMode> getModes() {
        return List.of(OperatingMode.values());
    }

    private void refreshTotals() {
        try {
            tally = report.totals(site(), applied);
        } catch (BusinessException e) {
            showErrors(e);
        }
    }

    private Site site() {
        return currentUser.account().getSite();
    }

    private static void showErrors(BusinessException e) {
        if (e instanceof ValidationException v) {
            PageMessages.fieldErrors(v, field -> switch (field) {
                case "to" -> FORM + ":createdTo";
                case "offering" -> FORM + ":offering";
                case "attendee" -> FORM + ":attendee";
                default -> null;
            });
        } else {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
    }

    /** The table's rows, a page at a time from {@link TransactionReport#rows}, sorted in the database. */
    final class Rows extends LazyDataModel<TransactionRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) Math.min(Integer.MAX_VALUE, report.count(site(), applied));
            } catch (BusinessException e) {
                showErrors(e);
                return 0;
            }
        }

        private TransactionReport.Sort sort(Map<String, SortMeta> sortBy) {
            return TableSort.of(sortBy, TransactionReport.SortField.class, TransactionReport.Sort::new,
                    TransactionReport.Sort.NEWEST_FIRST);
        }

        @Override
        public List<TransactionRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
            try {
                return report.rows(site(), applied, first / pageSize, pageSize, sort(sortBy));
            } catch (BusinessException e) {
                showErrors(e);
                return List.of();
            }
        }

        @Override
        public String getRowKey(TransactionRow row) {
            return row.publicId();
        }

        @Override
        public TransactionRow getRowData(String rowKey) {
            return null;
        }
    }

    public LocalDate getCreatedFrom() {
        return createdFrom;
    }

    public void setCreatedFrom(LocalDate createdFrom) {
        this.createdFrom = createdFrom;
    }

    public LocalDate getCreatedTo() {
        return createdTo;
    }

    public void setCreatedTo(LocalDate createdTo) {
        this.createdTo = createdTo;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public void setStatus(PaymentStatus status) {
        this.status = status;
    }

    public TransactionKind getKind() {
        return kind;
    }

    public void setKind(TransactionKind kind) {
        this.kind = kind;
    }

    public ProviderType getProvider() {
        return provider;
    }

    public void setProvider(ProviderType provider) {
        this.provider = provider;
    }

    public OperatingMode getMode() {
        return mode;
    }

    public void setMode(OperatingMode mode) {
        this.mode = mode;
    }

    public String getOffering() {
        return offering;
    }

    public void setOffering(String offering) {
        this.offering = offering;
    }

    public String getAttendee() {
        return attendee;
    }

    public void setAttendee(String attendee) {
        this.attendee = attendee;
    }

    public boolean isIncludeTest() {
        return includeTest;
    }

    public void setIncludeTest(boolean includeTest) {
        this.includeTest = includeTest;
    }
}
