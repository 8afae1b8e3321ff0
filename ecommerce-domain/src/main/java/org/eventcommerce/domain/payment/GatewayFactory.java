package org.eventcommerce.domain.payment;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.eventcommerce.domain.config.AppConfig;
import org.eventcommerce.domain.config.PayPalPlatformConfig;
import org.eventcommerce.domain.security.SecretCipher;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.ProviderCredentials;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentGateway;
import org.eventcommerce.payments.express.ExpressCheckoutConfig;
import org.eventcommerce.payments.express.ExpressCheckoutConnector;
import org.eventcommerce.payments.payflow.PayflowConfig;
import org.eventcommerce.payments.payflow.PayflowConnector;
import org.eventcommerce.payments.payflow.PayflowCredentials;

/**
 * Builds the connector for a site's configuration in a given mode: endpoint from the mode (overridable by
 * configuration), the mode's credential set with the password decrypted just for the call.
 */
@ApplicationScoped
public class GatewayFactory {

    @Inject
    AppConfig config;

    @Inject
    SecretCipher cipher;

    @Inject
    PayPalPlatformConfig platform;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @throws IllegalStateException when the mode is unset or the mode's credentials are incomplete
     */
    public PaymentGateway gateway(CommerceConfiguration c, OperatingMode mode) {
        if (!c.getProviderType().usesPayflow()) {
            throw new IllegalStateException(c.getProviderType() + " is not available yet");
        }
        return payflow(c, mode);
    }

    /**
     * The Payflow connector of {@code c} (Payflow Pro or Website Payments Pro UK) for {@code mode}.
     *
     * @throws IllegalStateException when the provider is not Payflow-based or the mode's credentials are
     *         incomplete (partner, vendor, password)
     */
    public PayflowConnector payflow(CommerceConfiguration c, OperatingMode mode) {
        if (!c.getProviderType().usesPayflow()) {
            throw new IllegalStateException(c.getProviderType() + " does not use Payflow");
        }
        ProviderCredentials pc = c.credentials(mode);
        if (!payflowComplete(pc)) {
            throw new IllegalStateException("The " + mode + " credentials are incomplete");
        }
        PayflowCredentials creds = new PayflowCredentials(pc.getPartnerId(), pc.getVendor(), pc.getUser(),
                cipher.decrypt(pc.getPasswordCiphertext()));
        return new PayflowConnector(new PayflowConfig(config.payflowEndpoint(mode), creds, config.payflowTimeout()),
                config.payflowPages(mode), http);
    }

    /** True when {@code pc} has what a Payflow call needs: partner, vendor and a stored password. */
    public static boolean payflowComplete(ProviderCredentials pc) {
        return pc.getVendor() != null && pc.getPartnerId() != null && pc.hasPassword();
    }

    /**
     * The Express Checkout (classic NVP) connector for {@code c}'s merchant ({@code SUBJECT} = its PayPal e-mail)
     * with the platform's API credentials of {@code mode}, or empty when the server has none for the mode.
     *
     * @throws IllegalStateException when {@code c} names no PayPal e-mail
     */
    public Optional<ExpressCheckoutConnector> express(CommerceConfiguration c, OperatingMode mode) {
        if (c.getPaypalEmail() == null || c.getPaypalEmail().isBlank()) {
            throw new IllegalStateException("No PayPal e-mail is configured");
        }
        return platform.credentials(mode).map(creds -> new ExpressCheckoutConnector(new ExpressCheckoutConfig(
                platform.endpoint(mode), platform.checkoutBase(mode), creds, c.getPaypalEmail(),
                config.payflowTimeout()), http));
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
