package org.eventcommerce.domain.payment.reconcile;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eventcommerce.domain.config.AppConfig;

/**
 * The reconciler's configuration (MicroProfile Config; README "Configuration"):
 * <table>
 *   <caption>keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code ecommerce.reconcile.scheduled}</td><td>true</td><td>run a pass every minute on this instance
 *       ({@link ReconcilerTimer}); "Reconcile now" works either way</td></tr>
 *   <tr><td>{@code ecommerce.reconcile.grace-seconds}</td><td>600</td><td>how old a PENDING transaction must be
 *       before the reconciler takes it, and how long an attempt must be untouched before "not found" closes it;
 *       must be well above the time one payment can spend with the provider (a send, a resend and an inquiry, each
 *       up to the Payflow client timeout + 15 s)</td></tr>
 *   <tr><td>{@code ecommerce.reconcile.lease-seconds}</td><td>900</td><td>how long an instance's claim on a batch
 *       lasts; a claim of an instance that died expires after it</td></tr>
 *   <tr><td>{@code ecommerce.reconcile.batch-size}</td><td>5</td><td>transactions claimed at once</td></tr>
 *   <tr><td>{@code ecommerce.reconcile.max-per-pass}</td><td>100</td><td>transactions one pass looks at, at most</td></tr>
 *   <tr><td>{@code ecommerce.reconcile.backoff-seconds}</td><td>60</td><td>the first wait after an unresolved
 *       attempt; doubled after each one</td></tr>
 *   <tr><td>{@code ecommerce.reconcile.backoff-max-seconds}</td><td>21600</td><td>the longest wait (6 h)</td></tr>
 * </table>
 */
@ApplicationScoped
public class ReconcilerSettings {

    private static final Logger LOG = System.getLogger(ReconcilerSettings.class.getName());

    @Inject
    @ConfigProperty(name = "ecommerce.reconcile.scheduled", defaultValue = "true")
    boolean scheduled;

    @Inject
    @ConfigProperty(name = "ecommerce.reconcile.grace-seconds", defaultValue = "600")
    long graceSeconds;

    @Inject
    @ConfigProperty(name = "ecommerce.reconcile.lease-seconds", defaultValue = "900")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "ecommerce.reconcile.batch-size", defaultValue = "5")
    int batchSize;

    @Inject
    @ConfigProperty(name = "ecommerce.reconcile.max-per-pass", defaultValue = "100")
    int maxPerPass;

    @Inject
    @ConfigProperty(name = "ecommerce.reconcile.backoff-seconds", defaultValue = "60")
    long backoffSeconds;

    @Inject
    @ConfigProperty(name = "ecommerce.reconcile.backoff-max-seconds", defaultValue = "21600")
    long backoffMaxSeconds;

    @Inject
    AppConfig app;

    @PostConstruct
    void check() {
        Duration inFlight = app.payflowTimeout().plusSeconds(15).multipliedBy(3);
        if (grace().compareTo(inFlight) <= 0) {
            LOG.log(Level.WARNING, "ecommerce.reconcile.grace-seconds ({0}) is not above the time a payment can spend "
                    + "with the provider ({1} s): the reconciler may take payments still in flight", graceSeconds,
                    inFlight.toSeconds());
        }
    }

    /** True when this instance runs a pass every minute. */
    public boolean scheduled() {
        return scheduled;
    }

    public Duration grace() {
        return Duration.ofSeconds(Math.max(0, graceSeconds));
    }

    public Duration lease() {
        return Duration.ofSeconds(Math.max(1, leaseSeconds));
    }

    public int batchSize() {
        return Math.max(1, Math.min(batchSize, 100));
    }

    public int maxPerPass() {
        return Math.max(1, maxPerPass);
    }

    /** The wait after the {@code attempts}-th unresolved attempt ({@link ReconcileRules#backoff}). */
    public Duration backoff(int attempts) {
        return ReconcileRules.backoff(attempts, Duration.ofSeconds(Math.max(1, backoffSeconds)),
                Duration.ofSeconds(Math.max(1, backoffMaxSeconds)));
    }
}
