package org.eventcommerce.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eventcommerce.domain.audit.AuditEntry;
import org.eventcommerce.domain.audit.AuditLog;
import org.eventcommerce.domain.common.ValidationException;

/**
 * {@code GET /api/v1/audit-log?limit=} (an addition to API.md): the site's newest recorded changes,
 * {@code {"items": [{"actor", "action", "detail", "at"}]}}.
 */
@Path("audit-log")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

    @Inject
    ApiCaller caller;

    @Inject
    AuditLog audit;

    /** Newest first; {@code limit} 1–500, default 100. */
    @GET
    public String latest(@QueryParam("limit") Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 500) {
            throw ValidationException.of("limit", "validation.page", 500);
        }
        JsonArrayBuilder items = Json.array();
        for (AuditEntry e : audit.latest(caller.siteId(), max)) {
            items.add(Json.object().add("actor", e.getActor()).add("action", e.getAction())
                    .add("detail", e.getDetail()).add("at", Json.instant(e.getCreatedAt(), caller.timeZone())));
        }
        return Json.object().add("items", items).build().toString();
    }
}
