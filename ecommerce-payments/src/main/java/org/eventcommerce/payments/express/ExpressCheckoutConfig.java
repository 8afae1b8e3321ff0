package org.eventcommerce.payments.express;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.eventcommerce.payments.OperatingMode;

/**
 * Where and as whom an {@link ExpressCheckoutConnector} calls PayPal.
 *
 * @param endpoint     the NVP endpoint for signature credentials (sandbox, live or the emulator's {@code /nvp})
 * @param redirectBase the buyer's approval URL up to and including {@code token=}; the token is appended, e.g.
 *                     {@value #SANDBOX_REDIRECT_TEXT} [EC-2012 p.17; §3.3 step 2]
 * @param credentials  the platform's API credentials for the mode
 * @param subject      the merchant's PayPal login e-mail, sent as {@code SUBJECT} on every call (§3.2); the
 *                     merchant must have granted the platform API permission, otherwise PayPal answers 10002
 * @param timeout      HTTP read time-out of one call (PayPal has no client time-out header); at least 1 s
 */
public record ExpressCheckoutConfig(URI endpoint, String redirectBase, ExpressCredentials credentials,
                                    String subject, Duration timeout) {

    /** Sandbox NVP endpoint, signature credentials [EC-2012 App. B; §3.1]. */
    public static final URI SANDBOX_ENDPOINT = URI.create("https://api-3t.sandbox.paypal.com/nvp");
    /** Live NVP endpoint, signature credentials [EC-2012 App. B; §3.1]. */
    public static final URI LIVE_ENDPOINT = URI.create("https://api-3t.paypal.com/nvp");
    /** Text of {@link #SANDBOX_REDIRECT}, for docs. */
    public static final String SANDBOX_REDIRECT_TEXT =
            "https://www.sandbox.paypal.com/cgi-bin/webscr?cmd=_express-checkout&token=";
    /** Sandbox buyer approval page, token to append [EC-2012 p.17; §3.3]. */
    public static final String SANDBOX_REDIRECT = SANDBOX_REDIRECT_TEXT;
    /** Live buyer approval page, token to append [EC-2012 p.17; §3.3]. */
    public static final String LIVE_REDIRECT = "https://www.paypal.com/cgi-bin/webscr?cmd=_express-checkout&token=";
    /** A read time-out comfortably above PayPal's usual answer times (§6 item 4 suggests 45 s or more). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(45);

    /**
     * @throws NullPointerException     when a part is null
     * @throws IllegalArgumentException when the subject is blank, the redirect base does not end with
     *                                  {@code token=}, or the timeout is under one second
     */
    public ExpressCheckoutConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(redirectBase, "redirectBase");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(subject, "subject (the merchant's PayPal e-mail)");
        Objects.requireNonNull(timeout, "timeout");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        if (!redirectBase.endsWith("token=")) {
            throw new IllegalArgumentException("redirectBase must end with 'token=': " + redirectBase);
        }
        if (timeout.toMillis() < 1000) {
            throw new IllegalArgumentException("timeout must be at least one second");
        }
    }

    /** PayPal's NVP endpoint for {@code mode}; @throws NullPointerException when the mode is unset. */
    public static URI defaultEndpoint(OperatingMode mode) {
        return switch (Objects.requireNonNull(mode, "operating mode is not set")) {
            case TEST -> SANDBOX_ENDPOINT;
            case PRODUCTION -> LIVE_ENDPOINT;
        };
    }

    /** PayPal's approval page base for {@code mode}; @throws NullPointerException when the mode is unset. */
    public static String defaultRedirectBase(OperatingMode mode) {
        return switch (Objects.requireNonNull(mode, "operating mode is not set")) {
            case TEST -> SANDBOX_REDIRECT;
            case PRODUCTION -> LIVE_REDIRECT;
        };
    }

    /** The same configuration for another merchant (SUBJECT). */
    public ExpressCheckoutConfig withSubject(String otherSubject) {
        return new ExpressCheckoutConfig(endpoint, redirectBase, credentials, otherSubject, timeout);
    }

    @Override
    public String toString() {
        return "ExpressCheckoutConfig[" + endpoint + ", subject=" + subject + ", " + credentials + ", timeout="
                + timeout + "]";
    }
}
