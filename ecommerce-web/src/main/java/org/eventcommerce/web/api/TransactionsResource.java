package org.eventcommerce.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.domain.payment.report.CurrencyTotals;
import org.eventcommerce.domain.payment.report.TransactionFilter;
import org.eventcommerce.domain.payment.report.TransactionReport;
import org.eventcommerce.domain.payment.report.TransactionRow;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.web.portal.transaction.TransactionCsv;

/**
 * The transactions report (MISSION.md M12), an addition to API.md:
 * <ul>
 * <li>{@code GET /api/v1/transactions?from=&to=&status=&kind=&provider=&mode=&offering=&attendee=&includeTest=&page=&size=&sort=}
 * → {@code {"items": [...], "total": N, "totals": [{"currency", "gross", "refunds", "net"}], "excludedTest": N}}.
 * {@code from}/{@code to} are inclusive dates ({@code YYYY-MM-DD}) in the site's time zone; {@code offering} is the
 * offering's id, exact; {@code attendee} the start of the e-mail address, case-insensitive; {@code includeTest=true}
 * counts Test-mode transactions in the totals (they are always listed; {@code excludedTest} says how many money
 * transactions the totals left out). {@code sort=FIELD,asc|desc} with FIELD one of
 * {@link TransactionReport.SortField}; default newest first. Amounts are API.md Money, instants ISO 8601 with the
 * site's offset. Bad parameters: 400 {@code /problems/validation} with the {@code errors} array.</li>
 * <li>The same with {@code Accept: text/csv}: every matching transaction (no paging), oldest first, as CSV
 * ({@link TransactionCsv}, English headers).</li>
 * <li>{@code GET /api/v1/transactions/{id}} → the transaction with the provider's references, its order and the
 * order's transactions in time order; 404 {@code /problems/not-found} for an id of no transaction of the site.</li>
 * </ul>
 */
@Path("transactions")
public class TransactionsResource {

    @Inject
    ApiCaller caller;

    @Inject
    TransactionReport report;

    /** One page of the report as JSON. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String find(@QueryParam("from") String from, @QueryParam("to") String to,
                       @QueryParam("status") String status, @QueryParam("kind") String kind,
                       @QueryParam("provider") String provider, @QueryParam("mode") String mode,
                       @QueryParam("offering") String offering, @QueryParam("attendee") String attendee,
                       @QueryParam("includeTest") String includeTest, @QueryParam("page") String pageText,
                       @QueryParam("size") String sizeText, @QueryParam("sort") String sort) {
        List<FieldError> errors = new ArrayList<>();
        int page = Paging.intParam("page", pageText, 0, errors);
        int size = Paging.intParam("size", sizeText, 50, errors);
        TransactionFilter f = filter(from, to, status, kind, provider, mode, offering, attendee, includeTest, errors);
        TransactionReport.Sort order = sort(sort, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Site site = caller.site();
        ZoneId zone = site.getTimeZone();
        TransactionReport.Page p = report.find(site, f, page, size, order);
        JsonArrayBuilder items = Json.array();
        p.items().forEach(r -> items.add(row(r, zone)));
        JsonArrayBuilder totals = Json.array();
        for (CurrencyTotals t : p.totals().totals()) {
            totals.add(Json.object().add("currency", t.currency().getCurrencyCode()).add("gross", Json.money(t.gross()))
                    .add("refunds", Json.money(t.refunds())).add("net", Json.money(t.net())));
        }
        return Json.object().add("items", items).add("total", p.total()).add("totals", totals)
                .add("excludedTest", p.totals().excludedTest()).build().toString();
    }

    /** Every matching transaction as CSV, oldest first, read from the database in keyset batches. */
    @GET
    @Produces("text/csv;qs=0.5")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("status") String status, @QueryParam("kind") String kind,
                        @QueryParam("provider") String provider, @QueryParam("mode") String mode,
                        @QueryParam("offering") String offering, @QueryParam("attendee") String attendee) {
        List<FieldError> errors = new ArrayList<>();
        TransactionFilter f = filter(from, to, status, kind, provider, mode, offering, attendee, null, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Site site = caller.site();
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (TransactionCsv csv = new TransactionCsv(w, site.getTimeZone())) {
                report.forEach(site, f, r -> {
                    try {
                        csv.print(r);
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"transactions.csv\"").build();
    }

    /** One transaction with the provider's references, its order and the order's history. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public String get(@PathParam("id") String id) {
        TransactionReport.Detail d = report.detail(caller.site(), id);
        ZoneId zone = caller.timeZone();
        PurchaseOrder o = d.order();
        JsonArrayBuilder history = Json.array();
        d.history().forEach(t -> history.add(transaction(t, zone)));
        JsonObject order = Json.object().add("id", o.getPublicId()).add("status", o.getStatus().name())
                .add("offering", o.getOffering().getExternalId()).add("offeringTitle", o.getOffering().getTitle())
                .add("attendee", Json.object().add("email", o.getAttendee().getEmail())
                        .add("name", o.getAttendee().getDisplayName()))
                .add("listPrice", Json.money(o.getListPrice())).add("discount", Json.money(o.getDiscount()))
                .add("total", Json.money(o.getTotal())).add("refunded", Json.money(o.getRefunded()))
                .add("promotionCode", Json.string(o.getPromotionCode()))
                .add("createdAt", Json.instant(o.getCreatedAt(), zone)).add("paidAt", Json.instant(o.getPaidAt(), zone))
                .add("transactions", history).build();
        return transaction(d.transaction(), zone).add("order", order).build().toString();
    }

    private static JsonObject row(TransactionRow r, ZoneId zone) {
        return Json.object().add("id", r.publicId()).add("createdAt", Json.instant(r.createdAt(), zone))
                .add("order", r.orderId()).add("offering", r.offeringId()).add("offeringTitle", r.offeringTitle())
                .add("attendee", Json.object().add("email", r.attendeeEmail()).add("name", r.attendeeName()))
                .add("kind", r.kind().name()).add("status", r.status().name()).add("amount", Json.money(r.money()))
                .add("provider", r.provider().name()).add("mode", r.mode().name())
                .add("reference", Json.string(r.reference())).add("result", Json.string(r.resultCode()))
                .add("message", Json.string(r.message()))
                .add("card", r.cardLast4() == null ? JsonValue.NULL
                        : Json.object().add("brand", Json.string(r.cardBrand())).add("last4", r.cardLast4()).build())
                .build();
    }

    private static JsonObjectBuilder transaction(PaymentTransaction t, ZoneId zone) {
        return Json.object().add("id", t.getPublicId()).add("createdAt", Json.instant(t.getCreatedAt(), zone))
                .add("updatedAt", Json.instant(t.getUpdatedAt(), zone)).add("kind", t.getKind().name())
                .add("status", t.getStatus().name()).add("amount", Json.money(t.getAmount()))
                .add("provider", t.getProviderType().name()).add("mode", t.getMode().name())
                .add("reference", Json.string(t.getReference())).add("result", Json.string(t.getResultCode()))
                .add("message", Json.string(t.getMessage())).add("authCode", Json.string(t.getAuthCode()))
                .add("requestId", t.getRequestId()).add("custRef", t.getCustRef())
                .add("duplicate", t.isDuplicateAnswer()).add("sendCount", t.getSendCount())
                .add("original", t.getOriginal() == null ? JsonValue.NULL : Json.string(t.getOriginal().getPublicId()))
                .add("card", t.getCardLast4() == null ? JsonValue.NULL
                        : Json.object().add("brand", Json.string(t.getCardBrand())).add("last4", t.getCardLast4())
                        .build());
    }

    private static TransactionFilter filter(String from, String to, String status, String kind, String provider,
                                            String mode, String offering, String attendee, String includeTest,
                                            List<FieldError> errors) {
        boolean include = ReportParams.flag("includeTest", includeTest, false, errors);
        TransactionFilter f = new TransactionFilter(ReportParams.date("from", from, errors),
                ReportParams.date("to", to, errors),
                enumValue("status", status, PaymentStatus.class, errors),
                enumValue("kind", kind, TransactionKind.class, errors),
                enumValue("provider", provider, ProviderType.class, errors),
                enumValue("mode", mode, OperatingMode.class, errors), offering, attendee, include);
        errors.addAll(f.problems());
        return f;
    }

    private static TransactionReport.Sort sort(String sort, List<FieldError> errors) {
        return Paging.sortParam(sort, TransactionReport.SortField.class, errors)
                .map(p -> new TransactionReport.Sort(p.field(), p.ascending())).orElse(TransactionReport.Sort.NEWEST_FIRST);
    }

    private static <E extends Enum<E>> E enumValue(String field, String s, Class<E> type, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "validation.enum", Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }
}
