package org.eventcommerce.domain.payment;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import org.eventcommerce.domain.config.AppConfig;
import org.eventcommerce.domain.security.SecretCipher;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.ProviderCredentials;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentGateway;
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

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @throws IllegalStateException when the mode is unset or the mode's credentials are incomplete
     */
    public PaymentGateway gateway(CommerceConfiguration c, OperatingMode mode) {
        if (!c.getProviderType().usesPayflow()) {
            throw new IllegalStateException(c.getProviderType() + " is not available yet");
        }
        ProviderCredentials pc = c.credentials(mode);
        if (pc.getVendor() == null || pc.getPartnerId() == null || !pc.hasPassword()) {
            throw new IllegalStateException("The " + mode + " credentials are incomplete");
        }
        PayflowCredentials creds = new PayflowCredentials(pc.getPartnerId(), pc.getVendor(), pc.getUser(),
                cipher.decrypt(pc.getPasswordCiphertext()));
        return new PayflowConnector(new PayflowConfig(config.payflowEndpoint(mode), creds, config.payflowTimeout()),
                http);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
