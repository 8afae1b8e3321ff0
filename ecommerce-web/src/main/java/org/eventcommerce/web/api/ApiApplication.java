package org.eventcommerce.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The platform API, version 1 ({@code ../shared/API.md}). Payara's MicroProfile OpenAPI serves its
 * document at {@code /openapi}.
 */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {

    /**
     * Jersey's multipart support (bundled with Payara Micro), for {@code multipart/form-data} bodies read as
     * {@link jakarta.ws.rs.core.EntityPart}s (the recipient-file upload); resources and providers are still found by
     * scanning.
     */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.media.multipart.MultiPartFeature");
    }
}
