package org.eventcommerce.domain.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.payflow.PayflowConfig;
import org.eventcommerce.payments.payflow.PayflowPages;

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
    @ConfigProperty(name = "ecommerce.demo.second-site", defaultValue = "false")
    boolean demoSecondSite;

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

    @Inject
    @ConfigProperty(name = "ecommerce.idempotency.abandon-after-seconds", defaultValue = "300")
    int idempotencyAbandonAfterSeconds;

    /** The folder for the H2 file, the secret key file and other local state. */
    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath();
    }

    /** True when the run asked for the demo data. */
    public boolean demo() {
        return demo;
    }

    /**
     * True when the integration tests ask for a second demo site ({@code ECOMMERCE_DEMO_SECOND_SITE=true}, with
     * {@link #demo()}); {@code run.sh} never sets it.
     */
    public boolean demoSecondSite() {
        return demoSecondSite;
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

    /**
     * Where Payflow sends buyers in {@code mode}: the Secure Token hosted page (§1.7) and the Express Checkout
     * approval page of TENDER=P (§1.9), PayPal's ({@link PayflowPages#defaults}) unless overridden by
     * {@code ecommerce.payflow.hosted.<mode>-url} / {@code ecommerce.payflow.express.<mode>-url}
     * ({@code ECOMMERCE_PAYFLOW_HOSTED_TEST_URL}, {@code ECOMMERCE_PAYFLOW_EXPRESS_TEST_URL}, ...), bases without query.
     */
    public PayflowPages payflowPages(OperatingMode mode) {
        PayflowPages defaults = PayflowPages.defaults(mode);
        return new PayflowPages(mode, pageBase("hosted", mode).orElse(defaults.hostedPage()),
                pageBase("express", mode).orElse(defaults.expressCheckout()));
    }

    private static Optional<URI> pageBase(String page, OperatingMode mode) {
        return ConfigProvider.getConfig().getOptionalValue("ecommerce.payflow." + page + "."
                        + mode.name().toLowerCase(java.util.Locale.ROOT) + "-url", String.class)
                .map(String::strip).filter(s -> !s.isEmpty()).map(URI::create);
    }

    /**
     * How old an unanswered Idempotency-Key claim must be before its request is taken as dead (its process stopped
     * during the call) and a repeat answers from the transaction it recorded. Longer than any request can last.
     */
    public Duration idempotencyAbandonAfter() {
        return Duration.ofSeconds(idempotencyAbandonAfterSeconds);
    }

    /** X-VPS-CLIENT-TIMEOUT for Payflow calls (PayPal recommends 45 s). */
    public Duration payflowTimeout() {
        return Duration.ofSeconds(payflowTimeoutSeconds);
    }
}
