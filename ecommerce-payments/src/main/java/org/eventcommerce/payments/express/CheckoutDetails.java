package org.eventcommerce.payments.express;

import org.eventcommerce.payments.money.Money;

/**
 * The answer to GetExpressCheckoutDetails [DEV get-express-checkout-details-nvp; §3.3 step 3].
 *
 * @param outcome        APPROVED when PayPal answered with the checkout; DECLINED with TOKEN_EXPIRED (10411) or
 *                       INVALID_TOKEN (10410) etc.
 * @param token          TOKEN
 * @param payerId        PAYERID, present once the buyer approved; null before
 * @param payerEmail     EMAIL of the buyer, or null
 * @param checkoutStatus CHECKOUTSTATUS; PAYMENT_ACTION_COMPLETED means the token was already used for a payment
 * @param amount         PAYMENTREQUEST_0_AMT in PAYMENTREQUEST_0_CURRENCYCODE, or null when absent or unreadable
 * @param transactionId  PAYMENTREQUEST_0_TRANSACTIONID when PayPal gives it after completion (sources disagree
 *                       whether it does, §3.3 "Timeout recovery"), else null
 */
public record CheckoutDetails(ExpressOutcome outcome, String token, String payerId, String payerEmail,
                              CheckoutStatus checkoutStatus, Money amount, String transactionId) {

    /** True when the buyer approved the payment on PayPal (a PAYERID is known). */
    public boolean approvedByBuyer() {
        return payerId != null && !payerId.isBlank();
    }
}
