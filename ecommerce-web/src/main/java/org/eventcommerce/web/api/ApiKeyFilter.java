package org.eventcommerce.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eventcommerce.domain.account.ApiKeyService;
import org.eventcommerce.domain.site.Site;

/**
 * Authenticates every API call by {@code Authorization: Bearer <api key>} (API.md "Conventions"); a missing
 * or unknown key is answered 401 {@code /problems/unauthorized} before any resource runs. A key acts as its
 * site's administrator, and every resource works within that site only.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    @Inject
    ApiKeyService apiKeys;

    @Inject
    ApiCaller caller;

    @Override
    public void filter(ContainerRequestContext ctx) {
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Site> site = Optional.empty();
        String key = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = header.substring(7).strip();
            site = apiKeys.authenticate(key);
        }
        if (site.isEmpty()) {
            ctx.abortWith(jakarta.ws.rs.core.Response.fromResponse(Problem.of(401, "/problems/unauthorized",
                    "Unauthorized", "Send a valid API key as 'Authorization: Bearer <key>'."))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            return;
        }
        caller.authenticate(site.get(), key);
    }
}
