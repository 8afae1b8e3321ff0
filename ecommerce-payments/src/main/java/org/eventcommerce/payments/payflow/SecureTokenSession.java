package org.eventcommerce.payments.payflow;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * The answer to a Secure Token request (§1.7 step 2: {@code RESULT=0&RESPMSG=Approved&SECURETOKEN[25]=…&SECURETOKENID=…}).
 *
 * @param result        the call's outcome: APPROVED when the token was created (nothing has been charged yet),
 *                      otherwise DECLINED/UNKNOWN/NOT_SENT with the RESULT and RESPMSG; {@code fields} are scrubbed
 *                      (SECURETOKEN filtered)
 * @param secureToken   the SECURETOKEN (a bearer secret for the hosted page, up to 32 characters), or null when not
 *                      created
 * @param secureTokenId the SECURETOKENID we sent (always set)
 * @param hostedPageUrl where to send the buyer ({@link PayflowPages#hostedPageUrl}), or null when not created
 * @param kind          SALE or AUTHORIZATION, as requested
 * @param amount        the amount and currency bound to the token
 */
public record SecureTokenSession(PaymentResult result, String secureToken, String secureTokenId, URI hostedPageUrl,
                                 TransactionKind kind, Money amount) {

    public SecureTokenSession {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(secureTokenId, "secureTokenId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
    }

    /** True when PayPal created the token: send the buyer to {@link #hostedPageUrl()}. */
    public boolean isCreated() {
        return result.status() == PaymentStatus.APPROVED && secureToken != null && hostedPageUrl != null;
    }

    /**
     * Checks the parameters PayPal sent back for this token (browser return or silent post); see
     * {@link HostedPageReturn#verify(String, TransactionKind, Money, Map)}.
     */
    public HostedPageReturn verify(Map<String, String> parameters) {
        return HostedPageReturn.verify(secureTokenId, kind, amount, parameters);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "SecureTokenSession[" + result.status() + " " + kind + " " + amount + " SECURETOKENID=" + secureTokenId
                + (secureToken == null ? "" : " SECURETOKEN=" + NvpScrubber.FILTERED) + "]";
    }
}
