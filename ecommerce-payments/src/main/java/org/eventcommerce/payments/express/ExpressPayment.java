package org.eventcommerce.payments.express;

import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.money.Money;

/**
 * The answer to DoExpressCheckoutPayment or DoCapture: the payment PayPal made.
 *
 * @param outcome         APPROVED for {@code Completed} (and for an authorization, {@code Pending} with reason
 *                        {@code authorization}); HELD for another {@code Pending}; DECLINED with the error (10486 →
 *                        {@link ExpressError#REDIRECT_BUYER}); UNKNOWN for 10415 or a lost answer; see
 *                        {@link ExpressResultMapper}
 * @param transactionId   PAYMENTINFO_0_TRANSACTIONID (DoCapture: TRANSACTIONID); for an authorization this is the
 *                        authorization id to capture or void
 * @param paymentStatus   PAYMENTINFO_0_PAYMENTSTATUS as sent ({@code Completed}, {@code Pending}, ...), or null
 * @param pendingReason   PAYMENTINFO_0_PENDINGREASON as sent ({@code none}, {@code authorization},
 *                        {@code paymentreview}, ...), or null
 * @param amount          PAYMENTINFO_0_AMT (DoCapture: AMT) in the answer's currency, or null
 * @param authorizationId DoCapture: AUTHORIZATIONID echoed; DoExpressCheckoutPayment: null
 */
public record ExpressPayment(ExpressOutcome outcome, String transactionId, String paymentStatus,
                             String pendingReason, Money amount, String authorizationId) {

    /** The provider-neutral result: reference = transaction id, resultCode = L_ERRORCODE0. */
    public PaymentResult toPaymentResult() {
        return new PaymentResult(outcome.status(), outcome.errorCode(), message(), transactionId, null, amount,
                outcome.duplicate(), null, outcome.fields());
    }

    private String message() {
        if (outcome.message() != null) {
            return outcome.message();
        }
        if (outcome.status() == PaymentStatus.HELD) {
            return "Pending: " + pendingReason;
        }
        return paymentStatus;
    }
}
