package org.eventcommerce.payments.payflow;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.eventcommerce.payments.OperatingMode;

/**
 * Where and how a {@link PayflowConnector} talks to Payflow.
 *
 * @param endpoint      the NVP endpoint (pilot or live host, or the emulator)
 * @param credentials   the account for the mode
 * @param clientTimeout sent as {@code X-VPS-CLIENT-TIMEOUT} (whole seconds); the HTTP read timeout is this
 *                      plus a small margin so the server times out first
 */
public record PayflowConfig(URI endpoint, PayflowCredentials credentials, Duration clientTimeout) {

    /** PayPal's pilot (test) host [PFP-2009 "Host Addresses" p.13]. */
    public static final URI PILOT = URI.create("https://pilot-payflowpro.paypal.com");
    /** PayPal's live host [PFP-2009 "Host Addresses" p.13]. */
    public static final URI LIVE = URI.create("https://payflowpro.paypal.com");
    /** PayPal's recommended and default client timeout [Gateway guide 2014 p.158]. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(45);

    public PayflowConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(clientTimeout, "clientTimeout");
        if (clientTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("clientTimeout must be at least one second");
        }
    }

    /**
     * PayPal's endpoint for {@code mode}.
     *
     * @throws NullPointerException when the mode is unset: an unset mode is an error, never silently Test
     */
    public static URI defaultEndpoint(OperatingMode mode) {
        return switch (Objects.requireNonNull(mode, "operating mode is not set")) {
            case TEST -> PILOT;
            case PRODUCTION -> LIVE;
        };
    }
}
