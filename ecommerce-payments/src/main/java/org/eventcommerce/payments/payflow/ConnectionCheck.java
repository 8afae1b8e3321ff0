package org.eventcommerce.payments.payflow;

import java.util.Objects;
import org.eventcommerce.payments.PaymentResult;

/**
 * The outcome of {@link PayflowConnector#testConnection}: an Inquiry ({@code TRXTYPE=I}) on a made-up PNREF. The
 * account logs in and the lookup fails with RESULT 19 "Original transaction ID not found" when the credentials are
 * good; RESULT 1 "User authentication failed" when they are not [PFP-2009 Table 6.9; §1.6].
 *
 * @param outcome what the check shows
 * @param message for the administrator: the RESPMSG, or the transport failure; never a password
 * @param result  the raw outcome of the inquiry
 */
public record ConnectionCheck(Outcome outcome, String message, PaymentResult result) {

    /** What a connection check shows. */
    public enum Outcome {
        /** RESULT 19: Payflow accepted the credentials. */
        CREDENTIALS_OK,
        /** RESULT 1: user authentication failed. */
        BAD_CREDENTIALS,
        /** No Payflow answer: connection refused, DNS, time-out, a non-200 status or an unreadable body. */
        UNREACHABLE,
        /** Any other RESULT (e.g. 26 "Invalid vendor account"): see the message. */
        OTHER
    }

    public ConnectionCheck {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(result, "result");
    }

    /** True for {@link Outcome#CREDENTIALS_OK}. */
    public boolean ok() {
        return outcome == Outcome.CREDENTIALS_OK;
    }
}
