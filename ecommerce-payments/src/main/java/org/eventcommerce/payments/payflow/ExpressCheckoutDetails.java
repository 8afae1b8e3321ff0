package org.eventcommerce.payments.payflow;

import java.util.Objects;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;

/**
 * The answer to Get Express Checkout Details through Payflow ({@code ACTION=G}): the buyer who approved the payment
 * on PayPal [PFP-EC pp.14-15; §1.9 "It returns PAYERID, EMAIL, PAYERSTATUS, names and SHIPTO*"].
 *
 * @param result      the call's outcome; an invalid or expired token is DECLINED (RESULT 7 "Field format error:
 *                    Invalid Token", ActiveMerchant fixture, §1.9)
 * @param token       the EC token asked about (TOKEN echoed, else the one sent)
 * @param payerId     PAYERID, null until the buyer approved on PayPal
 * @param email       EMAIL, may be null
 * @param payerStatus PAYERSTATUS ({@code verified}/{@code unverified}), may be null
 * @param firstName   FIRSTNAME, may be null
 * @param lastName    LASTNAME, may be null
 */
public record ExpressCheckoutDetails(PaymentResult result, String token, String payerId, String email,
                                     String payerStatus, String firstName, String lastName) {

    public ExpressCheckoutDetails {
        Objects.requireNonNull(result, "result");
    }

    /** True when the call succeeded and the buyer approved (a PAYERID is present): Do may follow. */
    public boolean isApprovedByBuyer() {
        return result.status() == PaymentStatus.APPROVED && payerId != null && !payerId.isBlank();
    }
}
