package org.eventcommerce.domain.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SMTP and outbox settings from MicroProfile Config (system properties, environment variables such as
 * {@code ECOMMERCE_SMTP_HOST}, or {@code META-INF/microprofile-config.properties}).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code ecommerce.smtp.host}</td><td>{@code localhost}</td><td>SMTP server</td></tr>
 *   <tr><td>{@code ecommerce.smtp.port}</td><td>{@code 25}</td><td>SMTP port</td></tr>
 *   <tr><td>{@code ecommerce.smtp.user}</td><td>none</td><td>SMTP AUTH user (no AUTH when unset)</td></tr>
 *   <tr><td>{@code ecommerce.smtp.password}</td><td>none</td><td>SMTP AUTH password</td></tr>
 *   <tr><td>{@code ecommerce.smtp.starttls}</td><td>{@code false}</td><td>require STARTTLS</td></tr>
 *   <tr><td>{@code ecommerce.smtp.connect-timeout-seconds}</td><td>{@code 10}</td><td>TCP connect timeout</td></tr>
 *   <tr><td>{@code ecommerce.smtp.read-timeout-seconds}</td><td>{@code 10}</td><td>per-reply read (and write)
 *       timeout</td></tr>
 *   <tr><td>{@code ecommerce.mail.from}</td><td>{@code no-reply@localhost}</td><td>the From address</td></tr>
 *   <tr><td>{@code ecommerce.mail.enabled}</td><td>{@code true}</td><td>false stops the background sender (the
 *       timer and the after-commit kick); {@link MailSender#sendDueNow()} still sends when called</td></tr>
 *   <tr><td>{@code ecommerce.mail.batch-size}</td><td>{@code 50}</td><td>rows one transaction takes and
 *       sends</td></tr>
 * </table>
 */
@ApplicationScoped
public class MailConfig {

    @Inject
    @ConfigProperty(name = "ecommerce.smtp.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "ecommerce.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "ecommerce.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "ecommerce.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "ecommerce.smtp.starttls", defaultValue = "false")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "ecommerce.smtp.connect-timeout-seconds", defaultValue = "10")
    int connectTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "ecommerce.smtp.read-timeout-seconds", defaultValue = "10")
    int readTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "ecommerce.mail.from", defaultValue = "no-reply@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "ecommerce.mail.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "ecommerce.mail.batch-size", defaultValue = "50")
    int batchSize;

    private volatile SmtpTransport transport;

    /** The SMTP settings as plain values. */
    public SmtpTransport.Settings settings() {
        return new SmtpTransport.Settings(host.strip(), port, user.filter(s -> !s.isBlank()).orElse(null),
                password.orElse(null), starttls, from.strip(), Duration.ofSeconds(Math.max(1, connectTimeoutSeconds)),
                Duration.ofSeconds(Math.max(1, readTimeoutSeconds)));
    }

    /**
     * The transport built from {@link #settings()}, made once (its Jakarta Mail session is thread-safe).
     *
     * @throws IllegalArgumentException when the settings are invalid (e.g. a bad {@code ecommerce.mail.from})
     */
    public SmtpTransport transport() {
        SmtpTransport t = transport;
        if (t == null) {
            t = new SmtpTransport(settings());
            transport = t;
        }
        return t;
    }

    /** False when the background sender is switched off ({@code ecommerce.mail.enabled=false}). */
    public boolean enabled() {
        return enabled;
    }

    /** Rows per transaction, 1–500. */
    public int batchSize() {
        return Math.max(1, Math.min(batchSize, 500));
    }
}
