package org.eventcommerce.payments.payflow;

import java.net.URI;
import java.util.Objects;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;

/**
 * The answer to Set Express Checkout through Payflow: {@code RESULT=0&RESPMSG=Approved&TOKEN=EC-…} [PFP-EC p.13;
 * §1.9].
 *
 * @param result      the call's outcome (APPROVED when a token was issued; nothing is charged yet); RESULT 7 "Field
 *                    format error", 6 (currency) and 25 (Express Checkout not enabled) come back DECLINED
 * @param token       the EC token, or null when none was issued
 * @param redirectUrl where to send the buyer ({@link PayflowPages#expressCheckoutUrl}), or null
 */
public record ExpressCheckoutToken(PaymentResult result, String token, URI redirectUrl) {

    public ExpressCheckoutToken {
        Objects.requireNonNull(result, "result");
    }

    /** True when the buyer can be sent to {@link #redirectUrl()}. */
    public boolean isCreated() {
        return result.status() == PaymentStatus.APPROVED && token != null && redirectUrl != null;
    }
}
