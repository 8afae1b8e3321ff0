package org.eventcommerce.web.portal.revenue;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.payment.report.Revenue;
import org.eventcommerce.domain.payment.report.RevenueGrouping;
import org.eventcommerce.domain.payment.report.RevenueLine;
import org.eventcommerce.domain.payment.report.RevenueQuery;
import org.eventcommerce.domain.payment.report.RevenueReport;
import org.eventcommerce.domain.payment.report.RevenueTotal;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.CsvDownload;
import org.eventcommerce.web.portal.Formats;
import org.eventcommerce.web.portal.PageMessages;
import org.eventcommerce.web.portal.promotion.DateInputs;
import org.eventcommerce.web.security.CurrentUser;

/**
 * The revenue report ({@code /admin/reports/revenue.xhtml}, MISSION.md M12; site administrators only, by the
 * {@code /admin/*} constraint): a range of days in the site's time zone (this month so far when the page opens),
 * the grouping (offering, offering type, service) and whether Test mode counts; one table row per group and
 * currency, the totals per currency, a bar chart of the net revenue per group with one dataset per currency
 * ({@link RevenueChart}), and a CSV export of what is shown ({@link RevenueCsv}). Amounts are in the reader's
 * number format with the ISO 4217 code ({@link Formats#money}).
 */
@Named
@ViewScoped
public class RevenueReportView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The report form's id: component client ids are {@code revenue:<id>}. */
    static final String FORM = "revenue";

    @Inject
    RevenueReport report;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    // The question as edited, and the report last shown (which the CSV export writes).
    private LocalDate from;
    private LocalDate to;
    private RevenueGrouping groupBy = RevenueGrouping.OFFERING;
    private boolean includeTest;
    private Revenue revenue;

    /** This month up to today in the site's time zone, by offering, Production only. */
    @PostConstruct
    void init() {
        to = LocalDate.ofInstant(clock.instant(), site().getTimeZone());
        from = to.withDayOfMonth(1);
        show();
    }

    /** Shows the report for the fields; a range that ends before it starts (or a missing day) is refused. */
    public void show() {
        RevenueQuery q = new RevenueQuery(from, to, groupBy, includeTest);
        if (!q.problems().isEmpty()) {
            showErrors(new ValidationException(q.problems()));
            DateInputs.keepShown(FORM + ":to", to);
            DateInputs.keepShown(FORM + ":from", from);
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            revenue = report.find(site(), q);
        } catch (BusinessException e) {
            showErrors(e);
        }
    }

    /**
     * Sends the report shown as a CSV attachment in UTF-8 with a byte-order mark, headers in the reader's language.
     * Called by a non-AJAX button.
     */
    public void exportCsv() throws IOException {
        if (revenue == null) {
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        Writer out = CsvDownload.start("revenue-" + revenue.query().from() + "-" + revenue.query().to() + ".csv");
        RevenueCsv.write(revenue, out);
        out.close();
        context.responseComplete();
    }

    /** The lines of the report shown (one per group and currency), or none. */
    public List<RevenueLine> getGroups() {
        return revenue == null ? List.of() : revenue.groups();
    }

    /** The totals per currency of the report shown, or none. */
    public List<RevenueTotal> getTotals() {
        return revenue == null ? List.of() : revenue.totals();
    }

    /** True when the report shown has nothing: the page says so instead of the tables and the chart. */
    public boolean isNothingToShow() {
        return revenue == null || revenue.isEmpty();
    }

    /** The group's name in the reader's language: the offering's title, or the type's or service's name. */
    public String label(RevenueLine line) {
        return RevenueLabels.of(revenue.query().groupBy(), line);
    }

    /** The heading of the group column for the grouping shown. */
    public String getGroupHeading() {
        return RevenueLabels.heading(revenue == null ? groupBy : revenue.query().groupBy());
    }

    /** An amount in the reader's number format with its currency: {@code 1,234.50 USD}. */
    public String money(Money m) {
        return Formats.money(m, Bundle.locale());
    }

    /** The days shown, e.g. "11/1/2026 – 11/30/2026 (America/New_York)", in the reader's date format. */
    public String getRangeShown() {
        if (revenue == null) {
            return "";
        }
        return Bundle.text("message.revenue.range", DateInputs.format(revenue.query().from(), Bundle.locale()),
                DateInputs.format(revenue.query().to(), Bundle.locale()), site().getTimeZone().getId());
    }

    /** The Chart.js configuration of the bar chart ({@link RevenueChart}), or "{}" when there is nothing. */
    public String getChart() {
        if (isNothingToShow()) {
            return "{}";
        }
        return RevenueChart.config(revenue, revenue.groups().stream().map(this::label).toList(),
                Bundle.text("section.revenue.chart"), Bundle.locale());
    }

    public List<RevenueGrouping> getGroupings() {
        return List.of(RevenueGrouping.values());
    }

    private Site site() {
        return currentUser.account().getSite();
    }

    private static void showErrors(BusinessException e) {
        if (e instanceof ValidationException v) {
            PageMessages.fieldErrors(v, field -> switch (field) {
                case "from" -> FORM + ":from";
                case "to" -> FORM + ":to";
                case "groupBy" -> FORM + ":groupBy";
                default -> null;
            });
        } else {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public RevenueGrouping getGroupBy() {
        return groupBy;
    }

    public void setGroupBy(RevenueGrouping groupBy) {
        this.groupBy = groupBy;
    }

    public boolean isIncludeTest() {
        return includeTest;
    }

    public void setIncludeTest(boolean includeTest) {
        this.includeTest = includeTest;
    }
}
