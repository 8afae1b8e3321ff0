package org.eventcommerce.payments.express;

import java.net.URI;

/**
 * The answer to SetExpressCheckout.
 *
 * @param outcome     APPROVED when PayPal issued a token; DECLINED with the error otherwise (10002, 10413, ...)
 * @param token       {@code TOKEN}, {@code EC-} + 17 characters, valid for about 3 hours (§3.3); null on failure
 * @param redirectUrl where to send the buyer ({@link ExpressCheckoutConfig#redirectBase()} + token); null on failure
 */
public record SetCheckoutResult(ExpressOutcome outcome, String token, URI redirectUrl) {

    /** True when a token was issued. */
    public boolean hasToken() {
        return token != null && !token.isBlank();
    }
}
