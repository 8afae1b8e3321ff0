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

/**
 * {@code GET /api/v1/audit-log?limit=&action=} (an addition to API.md): the site's newest recorded changes,
 * {@code {"items": [{"actor", "action", "detail", "at", "changes": [{"field", "old", "new"}]}]}}. {@code changes} lists
 * each changed field of a configuration change ({@code settings.update}) with its old and new value as text (null: no
 * value; passwords only as "(set)"/"(not set)" → "(changed)"), and is empty for the other actions
 * ({@code promotion-codes.extend}, {@code promotion-codes.delete}), whose {@code detail} says what changed.
 */
@Path("audit-log")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

    @Inject
    ApiCaller caller;

    @Inject
    AuditLog audit;

    /** Newest first; {@code limit} 1–500, default 100; {@code action} keeps the entries of that action only. */
    @GET
    public String latest(@QueryParam("limit") Integer limit, @QueryParam("action") String action) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > AuditLog.MAX_PAGE) {
            throw ValidationException.of("limit", "validation.page", AuditLog.MAX_PAGE);
        }
        String only = action == null || action.isBlank() ? null : action.strip();
        JsonArrayBuilder items = Json.array();
        for (AuditLog.Item e : audit.page(caller.siteId(), only, 0, max)) {
            JsonArrayBuilder changes = Json.array();
            for (FieldChange c : e.changes()) {
                changes.add(Json.object().add("field", c.field()).add("old", Json.string(c.oldValue()))
                        .add("new", Json.string(c.newValue())));
            }
            items.add(Json.object().add("actor", e.actor()).add("action", e.action())
                    .add("detail", e.detail()).add("at", Json.instant(e.at(), caller.site().getTimeZone()))
                    .add("changes", changes));
        }
        return Json.object().add("items", items).build().toString();
    }
}
