package org.eventcommerce.payments.express;

import org.eventcommerce.payments.PaymentResult;

/**
 * The answer to DoVoid [DEV do-void-nvp].
 *
 * @param outcome         APPROVED when the authorization is voided; DECLINED with the error otherwise
 * @param authorizationId AUTHORIZATIONID echoed, or null
 */
public record VoidResult(ExpressOutcome outcome, String authorizationId) {

    /** The provider-neutral result: reference = authorization id. */
    public PaymentResult toPaymentResult() {
        return new PaymentResult(outcome.status(), outcome.errorCode(), outcome.message(), authorizationId, null, null,
                outcome.duplicate(), null, outcome.fields());
    }
}
