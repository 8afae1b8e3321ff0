package org.eventcommerce.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eventcommerce.domain.common.Messages;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.ProviderCheck;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.express.ExpressCheckoutConnector;
import org.eventcommerce.payments.payflow.ConnectionCheck;

/**
 * The "Test connection" of every provider (issue 4), in words for the administrator:
 * <ul>
 *   <li>Payflow Pro and Website Payments Pro (UK): an inquiry ({@code TRXTYPE=I}) on a made-up PNREF with the mode's
 *       credentials, at the mode's endpoint: RESULT 19 (original transaction not found) means the credentials are
 *       good, RESULT 1 (user authentication failed) that they are not [paypal-protocols.md §1.6, §1.8];</li>
 *   <li>Express Checkout (US, Canada): {@code SetExpressCheckout} with the platform's API credentials of the mode and
 *       {@code SUBJECT} = the merchant's PayPal e-mail: a token means good, 10002 no permission
 *       [paypal-protocols.md §3.2, §3.4].</li>
 * </ul>
 * Nothing is charged by either call. Message keys are in the domain bundle ({@code connection.*}); the mode is
 * passed as the first argument.
 */
@ApplicationScoped
public class ProviderConnectionTester implements ProviderCheck {

    private static final System.Logger LOG = System.getLogger(ProviderConnectionTester.class.getName());

    @Inject
    GatewayFactory gateways;

    @Override
    public Outcome check(CommerceConfiguration c, OperatingMode mode) {
        Messages.Key modeLabel = new Messages.Key("mode." + mode.name());
        if (c.getProviderType().usesPayflow()) {
            if (!GatewayFactory.payflowComplete(c.credentials(mode))) {
                return Outcome.of(false, "connection.incomplete", modeLabel);
            }
            ConnectionCheck check = gateways.payflow(c, mode).testConnection(c.getCurrency());
            return switch (check.outcome()) {
                case CREDENTIALS_OK -> Outcome.of(true, "connection.ok", modeLabel);
                case BAD_CREDENTIALS -> Outcome.of(false, "connection.badCredentials", modeLabel);
                case UNREACHABLE -> {
                    // The exception's text (e.g. "ConnectException: Connection refused") is for the operator's log.
                    LOG.log(System.Logger.Level.WARNING, "Payflow connection test ({0}): {1}", mode, check.message());
                    yield Outcome.of(false, "connection.unreachable", modeLabel);
                }
                case OTHER -> Outcome.of(false, "connection.other", modeLabel,
                        String.valueOf(check.result().resultCode()), String.valueOf(check.message()));
            };
        }
        if (c.getPaypalEmail() == null || c.getPaypalEmail().isBlank()) {
            return Outcome.of(false, "connection.ec.noEmail");
        }
        Optional<ExpressCheckoutConnector> connector = gateways.express(c, mode);
        if (connector.isEmpty()) {
            return Outcome.of(false, "connection.ec.notConfigured", modeLabel);
        }
        org.eventcommerce.payments.express.ConnectionCheck check = connector.get().testConnection(c.getCurrency());
        String merchant = c.getPaypalEmail();
        return switch (check.verdict()) {
            case GOOD -> Outcome.of(true, "connection.ec.ok", modeLabel, merchant);
            case NO_PERMISSION -> Outcome.of(false, "connection.ec.noPermission", modeLabel, merchant);
            case BAD_CREDENTIALS -> Outcome.of(false, "connection.ec.badCredentials", modeLabel);
            case UNREACHABLE -> Outcome.of(false, "connection.ec.unreachable", modeLabel);
            case REFUSED -> Outcome.of(false, "connection.ec.refused", modeLabel, merchant,
                    String.valueOf(check.errorCode()), String.valueOf(check.detail()));
        };
    }
}
