package org.eventcommerce.payments.express;

import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.money.Money;

/**
 * The answer to RefundTransaction [NVP-2013 "RefundTransaction Response Fields"].
 *
 * @param outcome             APPROVED for an instant refund; HELD when REFUNDSTATUS is {@code delayed};
 *                            DECLINED with the error otherwise (10009 for more than remains, ...)
 * @param refundTransactionId REFUNDTRANSACTIONID, or null
 * @param grossRefund         GROSSREFUNDAMT, the amount refunded by this call, or null
 * @param totalRefunded       TOTALREFUNDEDAMOUNT, everything refunded so far on the original, or null
 * @param refundStatus        REFUNDSTATUS as sent ({@code instant}, {@code delayed}), or null
 */
public record RefundResult(ExpressOutcome outcome, String refundTransactionId, Money grossRefund,
                           Money totalRefunded, String refundStatus) {

    /** The provider-neutral result: reference = refund transaction id, amount = gross refund. */
    public PaymentResult toPaymentResult() {
        return new PaymentResult(outcome.status(), outcome.errorCode(), outcome.message(), refundTransactionId, null,
                grossRefund, outcome.duplicate(), null, outcome.fields());
    }
}
