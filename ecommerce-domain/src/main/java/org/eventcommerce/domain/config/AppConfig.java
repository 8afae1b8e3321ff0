package org.eventcommerce.domain.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.payflow.PayflowConfig;

/**
 * Server configuration, from MicroProfile Config (system properties, environment variables such as
 * {@code ECOMMERCE_DATA_DIR}, or {@code META-INF/microprofile-config.properties}). README lists every key.
 */
@ApplicationScoped
public class AppConfig {

    @Inject
    @ConfigProperty(name = "ecommerce.data-dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "ecommerce.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "ecommerce.secret-key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "ecommerce.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "ecommerce.payflow.test-url")
    Optional<String> payflowTestUrl;

    @Inject
    @ConfigProperty(name = "ecommerce.payflow.production-url")
    Optional<String> payflowProductionUrl;

    @Inject
    @ConfigProperty(name = "ecommerce.payflow.client-timeout-seconds", defaultValue = "45")
    int payflowTimeoutSeconds;

    /** The folder for the H2 file, the secret key file and other local state. */
    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath();
    }

    /** True when the run asked for the demo data. */
    public boolean demo() {
        return demo;
    }

    public Optional<String> secretKey() {
        return secretKey.filter(s -> !s.isBlank());
    }

    /** Base URL attendees reach the portal on, without a trailing slash (for signed payment-page links). */
    public String publicUrl() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The Payflow endpoint for {@code mode}: PayPal's host unless overridden by configuration. */
    public URI payflowEndpoint(OperatingMode mode) {
        Optional<String> override = mode == OperatingMode.TEST ? payflowTestUrl : payflowProductionUrl;
        return override.filter(s -> !s.isBlank()).map(URI::create).orElse(PayflowConfig.defaultEndpoint(mode));
    }

    /** X-VPS-CLIENT-TIMEOUT for Payflow calls (PayPal recommends 45 s). */
    public Duration payflowTimeout() {
        return Duration.ofSeconds(payflowTimeoutSeconds);
    }
}
