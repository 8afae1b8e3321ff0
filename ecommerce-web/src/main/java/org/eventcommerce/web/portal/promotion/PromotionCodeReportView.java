package org.eventcommerce.web.portal.promotion;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.promotion.CodeStatus;
import org.eventcommerce.domain.promotion.PromotionCodeReport;
import org.eventcommerce.domain.promotion.UsageType;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.CsvDownload;
import org.eventcommerce.web.portal.Formats;
import org.eventcommerce.web.portal.PageMessages;
import org.eventcommerce.web.portal.TableSort;
import org.eventcommerce.web.security.CurrentUser;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The promotion code report ({@code /admin/promotion-codes/report.xhtml}, MISSION.md M9): filters, a lazy table
 * paged in the database by {@link PromotionCodeReport#find}, and on the ticked codes Extend expiration (a dialog with
 * the new date) and Delete (after a confirmation); a CSV export of every code the filters match.
 */
@Named
@ViewScoped
public class PromotionCodeReportView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The report form's id: component client ids are {@code report:<id>}. */
    static final String FORM = "report";
    /** The extend dialog's form. */
    static final String EXTEND_FORM = "extendForm";
    /** Rows per database page when exporting. */
    static final int EXPORT_PAGE = PromotionCodeReport.MAX_PAGE_SIZE;

    @Inject
    PromotionCodeReport report;

    @Inject
    CurrentUser currentUser;

    // The filters as edited, and as applied to the table and the export (set by Search).
    private LocalDate createdFrom;
    private LocalDate createdTo;
    private String code;
    private String recipient;
    private CodeStatus status;
    private PromotionCodeReport.Filter applied = new PromotionCodeReport.Filter(null, null, null, null, null);

    private final Codes codes = new Codes();
    private List<CodeRow> selection = new ArrayList<>();
    private LocalDate extendTo;

    /** Applies the filters and shows the first page; a date range that ends before it starts is refused. */
    public void search() {
        if (createdFrom != null && createdTo != null && createdTo.isBefore(createdFrom)) {
            PageMessages.field(FORM + ":createdTo", FacesMessage.SEVERITY_ERROR,
                    new ValidationException.FieldError("createdTo", "validation.dateRange").message(Bundle.locale()));
            DateInputs.keepShown(FORM + ":createdTo", createdTo);
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        applied = new PromotionCodeReport.Filter(createdFrom, createdTo, blankToNull(code), blankToNull(recipient),
                status);
        selection = new ArrayList<>();
        firstPage();
    }

    /** Clears the filters and shows every code. */
    public void clear() {
        createdFrom = null;
        createdTo = null;
        code = null;
        recipient = null;
        status = null;
        search();
    }

    /** Before the extend dialog opens: refuses an empty selection. */
    public void prepareExtend() {
        if (requireSelection()) {
            extendTo = null;
        }
    }

    /** Extends the ticked codes to {@link #getExtendTo()}; errors show in the dialog, which stays open then. */
    public void extend() {
        try {
            int n = report.extend(site(), selectedCodes(), extendTo, currentUser.account().getEmail());
            PageMessages.global(FacesMessage.SEVERITY_INFO, Bundle.text("message.codes.extended", n,
                    DateInputs.format(extendTo, Bundle.locale())));
            selection = new ArrayList<>();
        } catch (ValidationException e) {
            PageMessages.fieldErrors(e, field -> switch (field) {
                case "expiresOn" -> EXTEND_FORM + ":extendTo";
                case "codes" -> EXTEND_FORM + ":extendSummary";
                default -> null;
            });
            DateInputs.keepShown(EXTEND_FORM + ":extendTo", extendTo);
            FacesContext.getCurrentInstance().validationFailed();
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** Before the delete confirmation opens: refuses an empty selection. */
    public void prepareDelete() {
        requireSelection();
    }

    /** Deletes the ticked codes (after the confirmation). */
    public void delete() {
        try {
            int n = report.delete(site(), selectedCodes(), currentUser.account().getEmail());
            PageMessages.global(FacesMessage.SEVERITY_INFO, Bundle.text("message.codes.deleted", n));
            selection = new ArrayList<>();
        } catch (BusinessException e) {
            showGlobal(e);
        }
    }

    /**
     * Sends every code the applied filters match (all pages, read from the database {@value #EXPORT_PAGE} at a
     * time) as a CSV attachment in UTF-8 with a byte-order mark. Called by a non-AJAX button.
     */
    public void exportCsv() throws IOException {
        Site site = site();
        PromotionCodeReport.Page page;
        try {
            page = report.find(site, applied, 0, EXPORT_PAGE);
        } catch (BusinessException e) {
            showGlobal(e);
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        Instant now = now();
        ZoneId zone = site.getTimeZone();
        Writer out = CsvDownload.start("promotion-codes-" + LocalDate.ofInstant(now, zone) + ".csv");
        try (PromotionCodeCsv csv = new PromotionCodeCsv(out, zone)) {
            int index = 0;
            long written = 0;
            while (!page.items().isEmpty()) {
                for (var c : page.items()) {
                    csv.print(new CodeRow(c, now, zone));
                    written++;
                }
                if (written >= page.total()) {
                    break;
                }
                page = report.find(site, applied, ++index, EXPORT_PAGE);
            }
        }
        context.responseComplete();
    }

    /** The confirmation question: how many codes will be deleted. */
    public String getDeleteQuestion() {
        return Bundle.text("message.codes.deleteQuestion", selection.size());
    }

    /** What the extend dialog acts on: how many codes. */
    public String getExtendSummary() {
        return Bundle.text("message.codes.extendSummary", selection.size());
    }

    /** The recipients of {@code row} for the table: the first three, then how many more. */
    public String recipients(CodeRow row) {
        List<CodeRow.Person> people = row.getRecipients();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(3, people.size()); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(people.get(i).name()).append(" <").append(people.get(i).email()).append('>');
        }
        if (people.size() > 3) {
            b.append(' ').append(Bundle.text("label.andMore", people.size() - 3));
        }
        return b.toString();
    }

    /** Usage as "used / limit", with the reserved uses apart: {@code 1 / 5 (2 reserved)}, {@code 3 / ∞}. */
    public String usage(CodeRow row) {
        String limit = row.getUsageType() == UsageType.UNLIMITED || row.getUsageLimit() == null
                ? Bundle.text("label.unlimited") : String.valueOf(row.getUsageLimit());
        String text = Bundle.text("label.usage", row.getUsed(), limit);
        return row.getReserved() == 0 ? text : text + " " + Bundle.text("label.reserved", row.getReserved());
    }

    public String discount(CodeRow row) {
        return row.discount(Bundle.locale());
    }

    public String expiresOn(CodeRow row) {
        return DateInputs.format(row.getExpiresOn(), Bundle.locale());
    }

    /** Created at, in the site's time zone. */
    public String createdAt(CodeRow row) {
        return Formats.dateTime(row.getCreatedAt(), currentUser.account().getSite().getTimeZone(), Bundle.locale());
    }





    public List<CodeStatus> getStatuses() {
        return List.of(CodeStatus.values());
    }

    public LazyDataModel<CodeRow> getCodes() {
        return codes;
    }

    private boolean requireSelection() {
        if (selection == null || selection.isEmpty()) {
            PageMessages.global(FacesMessage.SEVERITY_WARN, Bundle.text("message.codes.noneSelected"));
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        }
        return true;
    }

    private List<String> selectedCodes() {
        return selection == null ? List.of() : selection.stream().map(CodeRow::getCode).toList();
    }

    private void firstPage() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.getViewRoot().findComponent(FORM + ":codes") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    private Site site() {
        return currentUser.account().getSite();
    }

    private static Instant now() {
        return CDI.current().select(Clock.class).get().instant();
    }

    private static void showGlobal(BusinessException e) {
        if (e instanceof ValidationException v) {
            PageMessages.fieldErrors(v, field -> switch (field) {
                case "createdTo" -> FORM + ":createdTo";
                case "createdFrom" -> FORM + ":createdFrom";
                default -> null;
            });
        } else {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The table's rows, a page at a time from {@link PromotionCodeReport#find}. PrimeFaces asks for the count
     * first: that reads the first page too, which the following load of the first page reuses, so showing the
     * first page costs one call.
     */
    final class Codes extends LazyDataModel<CodeRow> {

        private static final long serialVersionUID = 1L;

        /** Rows loaded while the view is open, by code: the selection may span pages. */
        private final Map<String, CodeRow> seen = new LinkedHashMap<>();
        private transient List<CodeRow> prefetched;
        private transient int prefetchedSize;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            int size = getPageSize() > 0 ? getPageSize() : 25;
            try {
                PromotionCodeReport.Page page = report.find(site(), applied, 0, size);
                prefetched = remember(page);
                prefetchedSize = size;
                return (int) Math.min(Integer.MAX_VALUE, page.total());
            } catch (BusinessException e) {
                showGlobal(e);
                prefetched = List.of();
                return 0;
            }
        }

        /** The table's sort (first column only) as the domain's; unknown columns keep newest first. */
        private PromotionCodeReport.Sort sort(Map<String, SortMeta> sortBy) {
            return TableSort.of(sortBy, PromotionCodeReport.SortField.class, PromotionCodeReport.Sort::new,
                    PromotionCodeReport.Sort.NEWEST_FIRST);
        }

        @Override
        public List<CodeRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            PromotionCodeReport.Sort sort = sort(sortBy);
            if (first == 0 && prefetched != null && prefetchedSize == pageSize
                    && sort.equals(PromotionCodeReport.Sort.NEWEST_FIRST)) {
                List<CodeRow> rows = prefetched;
                prefetched = null;
                return rows;
            }
            prefetched = null;
            try {
                PromotionCodeReport.Page page = report.find(site(), applied, first / pageSize, pageSize, sort);
                setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
                return remember(page);
            } catch (BusinessException e) {
                showGlobal(e);
                return List.of();
            }
        }

        private List<CodeRow> remember(PromotionCodeReport.Page page) {
            Instant now = now();
            ZoneId zone = site().getTimeZone();
            List<CodeRow> rows = page.items().stream().map(c -> new CodeRow(c, now, zone)).toList();
            if (seen.size() > 10_000) {
                seen.clear();
            }
            rows.forEach(r -> seen.put(r.getCode(), r));
            return rows;
        }

        @Override
        public String getRowKey(CodeRow row) {
            return row.getCode();
        }

        @Override
        public CodeRow getRowData(String rowKey) {
            CodeRow row = seen.get(rowKey);
            if (row == null && selection != null) {
                row = selection.stream().filter(r -> r.getCode().equals(rowKey)).findFirst().orElse(null);
            }
            return row;
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

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public CodeStatus getStatus() {
        return status;
    }

    public void setStatus(CodeStatus status) {
        this.status = status;
    }

    public List<CodeRow> getSelection() {
        return selection;
    }

    public void setSelection(List<CodeRow> selection) {
        this.selection = selection == null ? new ArrayList<>() : new ArrayList<>(selection);
    }

    public LocalDate getExtendTo() {
        return extendTo;
    }

    public void setExtendTo(LocalDate extendTo) {
        this.extendTo = extendTo;
    }
}
