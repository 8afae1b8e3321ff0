package org.eventcommerce.payments.express;

import java.util.Objects;

/**
 * The result of {@link ExpressCheckoutConnector#testConnection}: a SetExpressCheckout made with the merchant's
 * SUBJECT. A token means the platform's credentials work and the merchant granted permission; 10002 means they
 * did not (issue text; §3.2).
 *
 * @param verdict   the verdict
 * @param errorCode L_ERRORCODE0 when PayPal refused, else null
 * @param detail    PayPal's long message or the transport failure, for the administrator; never holds secrets
 */
public record ConnectionCheck(Verdict verdict, String errorCode, String detail) {

    /** What the test found, each with words an administrator can act on. */
    public enum Verdict {
        /** A token was issued: credentials and permission are fine. */
        GOOD("Connection works: PayPal accepted the platform's credentials and the merchant's permission."),
        /** 10002 "You do not have permissions to make this API call". */
        NO_PERMISSION("The merchant has not granted API permission to the platform: in PayPal, Account Settings,"
                + " API access, Grant API permission, enter the platform's API user name and tick Express Checkout,"
                + " refunds, authorization and capture, and transaction details."),
        /** 10002 "Security header is not valid" (or 10008): the platform's own credentials are wrong. */
        BAD_CREDENTIALS("PayPal refused the platform's API credentials for this mode (sandbox and live credentials"
                + " differ): check the server configuration."),
        /** Nothing or no readable answer came back. */
        UNREACHABLE("PayPal could not be reached or did not answer: check the endpoint and the network."),
        /** PayPal answered with another error: the connection works, the probe request was refused. */
        REFUSED("PayPal answered, but refused the test request.");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        /** One sentence for the administrator. */
        public String words() {
            return words;
        }
    }

    public ConnectionCheck {
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The verdict's sentence, followed by PayPal's code and message when there is one. */
    public String describe() {
        return verdict.words() + (detail == null ? "" : " (" + (errorCode == null ? "" : errorCode + ": ") + detail
                + ")");
    }
}
