package org.eventcommerce.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.payment.report.Revenue;
import org.eventcommerce.domain.payment.report.RevenueGrouping;
import org.eventcommerce.domain.payment.report.RevenueLine;
import org.eventcommerce.domain.payment.report.RevenueQuery;
import org.eventcommerce.domain.payment.report.RevenueReport;
import org.eventcommerce.domain.payment.report.RevenueTotal;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.web.portal.revenue.RevenueCsv;
import org.eventcommerce.web.portal.revenue.RevenueLabels;

/**
 * The revenue report (MISSION.md M12), an addition to API.md; like every API call, it needs the site's API key
 * (which acts as the site's administrator; 401 {@code /problems/unauthorized} without one):
 * <ul>
 * <li>{@code GET /api/v1/reports/revenue?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=offering|offeringType|service&includeTest=false}
 * → {@code {"from", "to", "timeZone", "groupBy", "includeTest", "groups": [{"key", "label", "currency", "payments",
 * "refunds", "net", "discounts", "orders"}], "totals": [{"currency", "payments", "refunds", "net", "discounts",
 * "orders"}]}}. {@code from} and {@code to} are required inclusive days in the site's time zone ({@code timeZone});
 * {@code groupBy} defaults to {@code offering}; {@code includeTest=true} counts Test-mode money and orders too
 * (default false). Amounts are API.md Money ({@code {"amount": "25.00", "currency": "USD"}}, the currency's
 * decimals) in the line's currency; {@code orders} is a number. The key is the offering's id, or the name of the
 * offering type ({@code LIVE_EVENT}) or service ({@code EVENTS}); the label its title or English name. What counts
 * on which day: {@link RevenueReport}.</li>
 * <li>The same with {@code Accept: text/csv}: the groups then the totals as CSV ({@link RevenueCsv}, English).</li>
 * </ul>
 * Bad parameters: 400 {@code /problems/validation} with an {@code errors} array naming each field ({@code from},
 * {@code to}, {@code groupBy}, {@code includeTest}).
 */
@Path("reports/revenue")
public class RevenueResource {

    @Inject
    ApiCaller caller;

    @Inject
    RevenueReport report;

    /** The report as JSON. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String find(@QueryParam("from") String from, @QueryParam("to") String to,
                       @QueryParam("groupBy") String groupBy, @QueryParam("includeTest") String includeTest) {
        Revenue r = report.find(caller.site(), query(from, to, groupBy, includeTest));
        RevenueGrouping g = r.query().groupBy();
        JsonArrayBuilder groups = Json.array();
        for (RevenueLine l : r.groups()) {
            groups.add(figures(Json.object().add("key", l.key()).add("label", RevenueLabels.of(g, l))
                    .add("currency", l.currency().getCurrencyCode()), l.payments(), l.refunds(), l.net(),
                    l.discounts(), l.orders()));
        }
        JsonArrayBuilder totals = Json.array();
        for (RevenueTotal t : r.totals()) {
            totals.add(figures(Json.object().add("currency", t.currency().getCurrencyCode()), t.payments(),
                    t.refunds(), t.net(), t.discounts(), t.orders()));
        }
        return Json.object().add("from", r.query().from().toString()).add("to", r.query().to().toString())
                .add("timeZone", caller.timeZone().getId()).add("groupBy", g.parameter())
                .add("includeTest", r.query().includeTest()).add("groups", groups).add("totals", totals).build()
                .toString();
    }

    /** The report as CSV: every group and currency, then the totals per currency. */
    @GET
    @Produces("text/csv;qs=0.5")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("groupBy") String groupBy, @QueryParam("includeTest") String includeTest) {
        Revenue r = report.find(caller.site(), query(from, to, groupBy, includeTest));
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            RevenueCsv.write(r, w);
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"revenue-" + r.query().from() + "-"
                        + r.query().to() + ".csv\"").build();
    }

    private static JsonObjectBuilder figures(JsonObjectBuilder o, Money payments, Money refunds, Money net,
                                             Money discounts, long orders) {
        return o.add("payments", Json.money(payments)).add("refunds", Json.money(refunds)).add("net", Json.money(net))
                .add("discounts", Json.money(discounts)).add("orders", orders);
    }

    /** The parameters as a query; every bad one is a field error of one 400. */
    private static RevenueQuery query(String from, String to, String groupBy, String includeTest) {
        List<FieldError> errors = new ArrayList<>();
        RevenueGrouping g = RevenueGrouping.OFFERING;
        if (groupBy != null && !groupBy.isBlank()) {
            g = RevenueGrouping.ofParameter(groupBy).orElse(null);
            if (g == null) {
                errors.add(new FieldError("groupBy", "validation.enum", Arrays.stream(RevenueGrouping.values())
                        .map(RevenueGrouping::parameter).collect(Collectors.joining(", "))));
                g = RevenueGrouping.OFFERING;
            }
        }
        List<FieldError> dates = new ArrayList<>();
        RevenueQuery q = new RevenueQuery(ReportParams.date("from", from, dates), ReportParams.date("to", to, dates),
                g, ReportParams.flag("includeTest", includeTest, false, errors));
        errors.addAll(dates);
        // A date that is not a date already has its error; the query's own rules add the rest (required, range).
        q.problems().stream().filter(p -> dates.stream().noneMatch(d -> d.field().equals(p.field())))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return q;
    }
}
