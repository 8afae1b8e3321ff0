package org.eventcommerce.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/ping} → 200 {@code {"ok": true}}: the cheapest authenticated call of the API. Platforms may
 * use it to test their key and reachability; the benchmarks compare the entitlement check with it
 * (BENCHMARKS.md, issue 5). It passes through {@link ApiKeyFilter} like every other operation (401 without a valid
 * key), so the comparison holds the same authentication work on both sides; it reads nothing else and writes
 * nothing.
 */
@Path("ping")
public class PingResource {

    private static final String OK = "{\"ok\":true}";

    /** The constant answer {@code {"ok":true}}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String ping() {
        return OK;
    }
}
