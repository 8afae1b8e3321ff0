package org.eventcommerce.payments.payflow;

import java.util.Objects;
import org.eventcommerce.payments.PaymentResult;

/**
 * The answer to Do Express Checkout Payment through Payflow ({@code ACTION=D}): {@code RESULT}, {@code PNREF},
 * {@code PPREF}, {@code PAYMENTTYPE}, {@code PENDINGREASON}, {@code CORRELATIONID} [PFP-EC pp.15-17; §1.9].
 *
 * @param result        the outcome; {@code reference} is the PNREF (use it as ORIGID for capture, void, credit and
 *                      inquiry). RESULT 0 with a PENDINGREASON other than {@code none}/{@code completed} (typically
 *                      {@code echeck}) is {@link org.eventcommerce.payments.PaymentStatus#HELD}: "the payment is not
 *                      guaranteed; use Inquiry to follow it up" [PFP-EC p.17]
 * @param ppref         PPREF, PayPal's transaction id (17 characters), or null
 * @param paymentType   PAYMENTTYPE ({@code instant}/{@code echeck}…), or null
 * @param pendingReason PENDINGREASON, or null
 * @param correlationId CORRELATIONID (for PayPal support), or null
 */
public record ExpressCheckoutPayment(PaymentResult result, String ppref, String paymentType, String pendingReason,
                                     String correlationId) {

    public ExpressCheckoutPayment {
        Objects.requireNonNull(result, "result");
    }
}
