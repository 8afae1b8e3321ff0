package org.eventcommerce.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eventcommerce.domain.audit.AuditLog;
import org.eventcommerce.domain.audit.FieldChange;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/audit-log?limit=&action=} (an addition to API.md): the site's newest recorded changes,
 * {@code {"items": [{"actor", "action", "detail", "at", "changes": [{"field", "old", "new"}]}]}}. {@code changes} lists
 * each changed field of a configuration change ({@code settings.update}) with its old and new value as text (null: no
 * value; passwords only as "(set)"/"(not set)" → "(changed)"); for {@code promotion-codes.extend} each code whose
 * date moved (field the code, old and new {@code YYYY-MM-DD}); it is empty for {@code promotion-codes.delete}, whose
 * {@code detail} lists the codes deleted. Only the newest {@code limit} entries: the portal page pages through all.
 */
@Path("audit-log")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

    @Inject
    ApiCaller caller;

    @Inject
    AuditLog audit;

    /** The number of entries answered when {@code limit} is absent. */
    static final int DEFAULT_LIMIT = 100;

    /**
     * Newest first; {@code limit} 1–500, default 100; {@code action} keeps the entries of that action only.
     *
     * @throws ValidationException (400) on field {@code limit} when it is not a whole number
     *                             ({@code validation.type.integer}) or out of range ({@code validation.limit}), on
     *                             {@code action} when it names no action the log records
     */
    @GET
    public String latest(@QueryParam("limit") String limitText, @QueryParam("action") String action) {
        int max = limit(limitText);
        String only = action(action);
        JsonArrayBuilder items = Json.array();
        for (AuditLog.Item e : audit.page(caller.siteId(), only, 0, max)) {
            JsonArrayBuilder changes = Json.array();
            for (FieldChange c : e.changes()) {
                changes.add(Json.object().add("field", c.field()).add("old", Json.string(c.oldValue()))
                        .add("new", Json.string(c.newValue())));
            }
            items.add(Json.object().add("actor", e.actor()).add("action", e.action())
                    .add("detail", e.detail()).add("at", Json.instant(e.at(), caller.timeZone()))
                    .add("changes", changes));
        }
        return Json.object().add("items", items).build().toString();
    }

    /** The actions the log records, as {@code action} may name them. */
    static final java.util.List<String> ACTIONS = java.util.List.of(AuditLog.SETTINGS_UPDATE,
            org.eventcommerce.domain.promotion.PromotionCodeReport.EXTEND,
            org.eventcommerce.domain.promotion.PromotionCodeReport.DELETE);

    /**
     * {@code action} stripped, null when absent or blank.
     *
     * @throws ValidationException on {@code action} ({@code validation.enum}, listing {@link #ACTIONS}) for any other
     *                             value (it answered an empty list, unlike every other unknown filter value)
     */
    static String action(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String a = raw.strip();
        if (!ACTIONS.contains(a)) {
            throw ValidationException.of("action", "validation.enum", String.join(", ", ACTIONS));
        }
        return a;
    }

    /**
     * {@code limit} read as text (so that {@code abc}, {@code 1.5} or a number beyond int is a 400 on {@code limit}
     * rather than JAX-RS's 404 for an unconvertible parameter), {@value #DEFAULT_LIMIT} when absent.
     *
     * @throws ValidationException on {@code limit}: {@code validation.type.integer}, or {@code validation.limit} (with
     *                             the maximum, {@value AuditLog#MAX_PAGE}) outside 1–{@value AuditLog#MAX_PAGE}
     */
    static int limit(String raw) {
        List<FieldError> errors = new ArrayList<>();
        int max = Paging.intParam("limit", raw, DEFAULT_LIMIT, errors);
        if (errors.isEmpty() && (max < 1 || max > AuditLog.MAX_PAGE)) {
            errors.add(new FieldError("limit", "validation.limit", AuditLog.MAX_PAGE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return max;
    }
}
