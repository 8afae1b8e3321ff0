package org.eventcommerce.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;
import org.eventcommerce.domain.account.ApiKeyService;

/**
 * Authenticates every API call by {@code Authorization: Bearer <api key>} (API.md "Conventions"); a missing
 * or unknown key is answered 401 {@code /problems/unauthorized} before any resource runs. A key acts as its
 * site's administrator, and every resource works within that site only.
 *
 * <p>The key is looked up by its SHA-256 in one statement ({@link ApiKeyService#lookup}), never cached. A resource
 * method marked {@link KeyCheckedInQuery} (the entitlement check) matches the key in its own statement instead;
 * for it the filter refuses only a missing or malformed key here.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    @Inject
    ApiKeyService apiKeys;

    @Inject
    ApiCaller caller;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext ctx) {
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        String key = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : null;
        if (!ApiKeyService.acceptable(key)) {
            ctx.abortWith(unauthorized());
            return;
        }
        String hash = ApiKeyService.hash(key);
        Method method = resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(KeyCheckedInQuery.class)) {
            caller.defer(hash);
            return;
        }
        Optional<ApiKeyService.KeySite> site = apiKeys.lookup(hash);
        if (site.isEmpty()) {
            ctx.abortWith(unauthorized());
            return;
        }
        caller.authenticate(site.get(), hash);
    }

    /** The 401 answer to a missing, malformed or unknown key: {@code /problems/unauthorized}, {@code WWW-Authenticate}. */
    static Response unauthorized() {
        return Response.fromResponse(Problem.of(401, "/problems/unauthorized", "Unauthorized",
                "Send a valid API key as 'Authorization: Bearer <key>'."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** {@link #unauthorized()} as an exception, for {@link KeyCheckedInQuery} resources. */
    static NotAuthorizedException unauthorizedException() {
        return new NotAuthorizedException(unauthorized());
    }
}
