package org.eventcommerce.domain.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.express.ExpressCheckoutConfig;
import org.eventcommerce.payments.express.ExpressCredentials;

/**
 * The platform's own PayPal API credentials for Express Checkout (classic NVP), one set per mode, from server
 * configuration: never entered by a site administrator (issue 4; paypal-protocols.md §3.1–3.2 "Grant API
 * permission": each merchant grants the platform's API user name permissions, and every call names the merchant
 * in {@code SUBJECT}).
 *
 * <table>
 *   <caption>Keys ({@code <mode>} is {@code test} or {@code production}; environment variables in capitals with
 *   underscores, e.g. {@code ECOMMERCE_PAYPAL_API_TEST_USERNAME})</caption>
 *   <tr><td>{@code ecommerce.paypal.api.<mode>.username}, {@code .password}, {@code .signature}</td>
 *       <td>the platform's API signature credentials</td></tr>
 *   <tr><td>{@code ecommerce.paypal.nvp.<mode>-url}</td><td>NVP endpoint; PayPal's sandbox or live host by
 *       default</td></tr>
 *   <tr><td>{@code ecommerce.paypal.checkout.<mode>-url}</td><td>where buyers approve, ending in
 *       {@code token=}; PayPal's by default</td></tr>
 * </table>
 */
@ApplicationScoped
public class PayPalPlatformConfig {

    /** The API credentials for {@code mode}, or empty when any of the three is missing. */
    public Optional<ExpressCredentials> credentials(OperatingMode mode) {
        Optional<String> user = value("ecommerce.paypal.api." + key(mode) + ".username");
        Optional<String> password = value("ecommerce.paypal.api." + key(mode) + ".password");
        Optional<String> signature = value("ecommerce.paypal.api." + key(mode) + ".signature");
        if (user.isEmpty() || password.isEmpty() || signature.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExpressCredentials(user.get(), password.get(), signature.get()));
    }

    /** The API user name merchants grant permission to (shown on the configuration page), if configured. */
    public Optional<String> apiUsername(OperatingMode mode) {
        return credentials(mode).map(ExpressCredentials::username);
    }

    /** The NVP endpoint for {@code mode}. */
    public URI endpoint(OperatingMode mode) {
        return value("ecommerce.paypal.nvp." + key(mode) + "-url").map(URI::create)
                .orElse(ExpressCheckoutConfig.defaultEndpoint(mode));
    }

    /** The buyer approval URL base for {@code mode}, ending in {@code token=}. */
    public String checkoutBase(OperatingMode mode) {
        return value("ecommerce.paypal.checkout." + key(mode) + "-url")
                .orElse(ExpressCheckoutConfig.defaultRedirectBase(mode));
    }

    private static String key(OperatingMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> value(String key) {
        Config c = ConfigProvider.getConfig();
        return c.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
