package org.eventcommerce.emulator.express;

import java.util.Objects;

/**
 * The Express Checkout configuration of the emulator: the platform's API credentials and the merchants who granted
 * it permission. Defaults: {@link ApiCredentials#DEFAULTS} and {@link PermittedMerchants#defaults()}.
 */
public final class ExpressSettings {

    private volatile ApiCredentials credentials;
    private final PermittedMerchants merchants;

    public ExpressSettings(ApiCredentials credentials, PermittedMerchants merchants) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    /** Default credentials and merchants. */
    public static ExpressSettings defaults() {
        return new ExpressSettings(ApiCredentials.DEFAULTS, PermittedMerchants.defaults());
    }

    public ApiCredentials credentials() {
        return credentials;
    }

    /** Replaces the platform's credentials. */
    public void credentials(ApiCredentials replacement) {
        this.credentials = Objects.requireNonNull(replacement, "replacement");
    }

    public PermittedMerchants merchants() {
        return merchants;
    }
}
