package org.eventcommerce.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The platform API, version 1 ({@code ../shared/API.md}). Payara's MicroProfile OpenAPI serves its
 * document at {@code /openapi}.
 */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
}
