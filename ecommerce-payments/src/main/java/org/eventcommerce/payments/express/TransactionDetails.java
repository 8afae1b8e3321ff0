package org.eventcommerce.payments.express;

import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.money.Money;

/**
 * The answer to GetTransactionDetails: the inquiry on one transaction [NVP-2013 "GetTransactionDetails"].
 *
 * @param outcome        APPROVED when PayPal found the transaction, DECLINED when not (10004 "The transaction id is
 *                       not valid"), NOT_SENT/UNKNOWN for transport failures
 * @param transactionId  TRANSACTIONID
 * @param paymentStatus  PAYMENTSTATUS as sent ({@code Completed}, {@code Pending}, {@code Refunded},
 *                       {@code Partially_Refunded}, {@code Voided}, {@code Denied}, ...), or null
 * @param pendingReason  PENDINGREASON as sent, or null
 * @param originalStatus what the transaction came to, mapped like a payment ({@link ExpressResultMapper#paymentStatus});
 *                       null unless {@code outcome} is APPROVED
 * @param amount         AMT in CURRENCYCODE, or null
 * @param payerId        PAYERID, or null
 * @param payerEmail     EMAIL, or null
 * @param invoice        INVNUM, or null
 */
public record TransactionDetails(ExpressOutcome outcome, String transactionId, String paymentStatus,
                                 String pendingReason, PaymentStatus originalStatus, Money amount, String payerId,
                                 String payerEmail, String invoice) {

    /** The provider-neutral INQUIRY result: status of the inquiry, originalStatus of the transaction. */
    public PaymentResult toPaymentResult() {
        return new PaymentResult(outcome.status(), outcome.errorCode(),
                outcome.message() != null ? outcome.message() : paymentStatus, transactionId, null, amount, false,
                originalStatus, outcome.fields());
    }
}
