package org.eventcommerce.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.domain.payment.reconcile.ReconciliationAlert;
import org.eventcommerce.domain.payment.reconcile.ReconciliationAlerts;
import org.eventcommerce.domain.payment.reconcile.ReconciliationReport;
import org.eventcommerce.domain.payment.reconcile.Reconciler;

/**
 * The reconciliation view over the API (issue 5; an addition to API.md), for the site of the API key:
 * <ul>
 * <li>{@code GET /api/v1/reconciliation?page=0&size=50&unacknowledged=false} → {@code {"settled": {"items", "total"},
 * "unresolved": {"items", "total"}, "alerts": {"items", "total"}}}, each list paged alike ({@code size} 1–500):
 * transactions settled by inquiry (newest settlement first: {@code settledAt}, {@code settledBy} PAYMENT, RECONCILER
 * or ADMINISTRATOR), transactions still unresolved (oldest first: {@code reason}, {@code attempts}, {@code triedAt},
 * {@code nextTry}), alerts (newest first: {@code kind} DUPLICATE_MISMATCH, AMOUNT, CURRENCY, REFERENCE or STATUS,
 * {@code ours}, {@code theirs}, {@code detail}, {@code acknowledgedAt}, {@code acknowledgedBy}; only unacknowledged
 * ones with {@code unacknowledged=true}). Instants ISO 8601 with the site's offset, amounts Money.</li>
 * <li>{@code POST /api/v1/reconciliation/runs} ("Reconcile now") → 200 {@code {"taken", "settled", "unresolved"}}: a
 * reconciler pass over the site's open transactions now, whatever their back-off.</li>
 * <li>{@code POST /api/v1/reconciliation/alerts/{id}/acknowledgement} → 200 the alert, acknowledged by
 * "platform API" (the audit log's name for the API); 404
 * {@code /problems/not-found} for an id of no alert of the site.</li>
 * </ul>
 */
@Path("reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    static final int MAX_SIZE = 500;

    @Inject
    ApiCaller caller;

    @Inject
    ReconciliationReport report;

    @Inject
    ReconciliationAlerts alerts;

    @Inject
    Reconciler reconciler;

    /** The three lists, one page each. */
    @GET
    public String view(@QueryParam("page") String pageText, @QueryParam("size") String sizeText,
                       @QueryParam("unacknowledged") String unacknowledgedText) {
        List<FieldError> errors = new ArrayList<>();
        int page = Paging.intParam("page", pageText, 0, errors);
        int size = Paging.intParam("size", sizeText, 50, errors);
        boolean unacknowledged = ReportParams.flag("unacknowledged", unacknowledgedText, false, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int first = org.eventcommerce.domain.common.Pages.first(page, size, MAX_SIZE);
        long site = caller.siteId();
        ZoneId zone = caller.timeZone();
        JsonArrayBuilder settled = Json.array();
        report.settled(site, first, size).forEach(t -> settled.add(transaction(t, zone)
                .add("settledAt", Json.instant(t.getSettledAt(), zone))
                .add("settledBy", t.getSettledBy().name())));
        JsonArrayBuilder unresolved = Json.array();
        report.unresolved(site, first, size).forEach(t -> unresolved.add(transaction(t, zone)
                .add("reason", Json.string(t.getReconcileReason()))
                .add("attempts", t.getReconcileAttempts())
                .add("triedAt", Json.instant(t.getReconcileTriedAt(), zone))
                .add("nextTry", Json.instant(report.nextTry(t), zone))));
        JsonArrayBuilder alertItems = Json.array();
        alerts.page(site, unacknowledged, first, size).forEach(a -> alertItems.add(alert(a, zone)));
        return Json.object()
                .add("settled", list(settled, report.settledCount(site)))
                .add("unresolved", list(unresolved, report.unresolvedCount(site)))
                .add("alerts", list(alertItems, alerts.count(site, unacknowledged)))
                .build().toString();
    }

    /** "Reconcile now": one pass over the site's open transactions. */
    @POST
    @Path("runs")
    public String run() {
        Reconciler.Pass pass = reconciler.runNow(caller.siteId());
        return Json.object().add("taken", pass.taken()).add("settled", pass.settled())
                .add("unresolved", pass.unresolved()).build().toString();
    }

    /** Acknowledges one alert. */
    @POST
    @Path("alerts/{id}/acknowledgement")
    public String acknowledge(@PathParam("id") String id) {
        ReconciliationAlert a = alerts.acknowledge(caller.siteId(), id,
                org.eventcommerce.domain.audit.AuditLog.PLATFORM_API);
        return alert(a, caller.timeZone()).toString();
    }

    private static JsonObject list(JsonArrayBuilder items, long total) {
        return Json.object().add("items", items).add("total", total).build();
    }

    private static JsonObjectBuilder transaction(PaymentTransaction t, ZoneId zone) {
        return Json.object().add("id", t.getPublicId()).add("order", t.getOrder().getPublicId())
                .add("offering", t.getOrder().getOffering().getExternalId())
                .add("attendee", t.getOrder().getAttendee().getEmail())
                .add("kind", t.getKind().name()).add("status", t.getStatus().name())
                .add("amount", Json.money(t.getAmount())).add("provider", t.getProviderType().name())
                .add("mode", t.getMode().name()).add("reference", Json.string(t.getReference()))
                .add("result", Json.string(t.getResultCode())).add("message", Json.string(t.getMessage()))
                .add("createdAt", Json.instant(t.getCreatedAt(), zone));
    }

    private static JsonObject alert(ReconciliationAlert a, ZoneId zone) {
        PaymentTransaction t = a.getTransaction();
        return Json.object().add("id", a.getPublicId()).add("kind", a.getKind().name())
                .add("transaction", t.getPublicId()).add("order", t.getOrder().getPublicId())
                .add("amount", Json.money(t.getAmount()))
                .add("ours", Json.string(a.getOurs())).add("theirs", Json.string(a.getTheirs()))
                .add("detail", Json.string(a.getDetail()))
                .add("createdAt", Json.instant(a.getCreatedAt(), zone))
                .add("acknowledgedAt", a.getAcknowledgedAt() == null ? JsonValue.NULL
                        : Json.instant(a.getAcknowledgedAt(), zone))
                .add("acknowledgedBy", Json.string(a.getAcknowledgedBy()))
                .build();
    }
}
