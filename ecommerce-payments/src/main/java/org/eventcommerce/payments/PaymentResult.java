package org.eventcommerce.payments;

import java.util.Map;
import org.eventcommerce.payments.money.Money;

/**
 * The outcome of one provider call.
 *
 * @param status          what happened (see {@link PaymentStatus})
 * @param resultCode      the provider's code as sent (Payflow RESULT, e.g. "0", "12", "126"), or null when
 *                        nothing was received
 * @param message         the provider's message (Payflow RESPMSG) or a description of the transport failure;
 *                        never holds card data or passwords
 * @param reference       the provider's reference for this transaction (Payflow PNREF), or null
 * @param authCode        the approval code (AUTHCODE), or null
 * @param amount          the amount the provider reports (AMT with VERBOSITY=HIGH), or null when absent
 * @param duplicate       true when the provider replayed an earlier answer (Payflow DUPLICATE=1)
 * @param originalStatus  for an INQUIRY: the status of the transaction asked about; otherwise null
 * @param fields          every field of the answer, scrubbed of secrets, for the record
 */
public record PaymentResult(PaymentStatus status, String resultCode, String message, String reference,
                            String authCode, Money amount, boolean duplicate, PaymentStatus originalStatus,
                            Map<String, String> fields) {

    public PaymentResult {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** A call that failed before anything was sent. */
    public static PaymentResult notSent(String message) {
        return new PaymentResult(PaymentStatus.NOT_SENT, null, message, null, null, null, false, null, Map.of());
    }

    /** A call whose outcome is unknown (timeout or error after sending). */
    public static PaymentResult unknown(String message) {
        return new PaymentResult(PaymentStatus.UNKNOWN, null, message, null, null, null, false, null, Map.of());
    }
}
