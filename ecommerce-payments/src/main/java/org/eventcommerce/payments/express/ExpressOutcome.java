package org.eventcommerce.payments.express;

import java.util.Map;
import java.util.Objects;
import org.eventcommerce.payments.PaymentStatus;

/**
 * What one classic NVP call came to, common to every operation.
 *
 * @param status        APPROVED (the call did what was asked), DECLINED (PayPal refused; nothing happened), HELD
 *                      (a payment exists but is pending), NOT_SENT (nothing reached PayPal) or UNKNOWN (sent, answer
 *                      lost or unreadable, or PayPal says it may have happened): see {@link ExpressResultMapper}
 * @param ack           ACK as sent ({@code Success}, {@code SuccessWithWarning}, {@code Failure},
 *                      {@code FailureWithWarning}), null when nothing was received
 * @param error         the classified first error, {@link ExpressError#NONE} without one
 * @param errorCode     L_ERRORCODE0 as sent, or null
 * @param shortMessage  L_SHORTMESSAGE0, or null
 * @param message       L_LONGMESSAGE0, or a description of the transport failure; never holds PWD or SIGNATURE
 * @param correlationId CORRELATIONID (log it: PayPal support needs it [EC-2012 "Logging API Operations"]), or null
 * @param duplicate     true for an 11607 answer that replayed the original outcome
 * @param fields        every field of the answer, scrubbed by {@link ExpressScrubber}
 */
public record ExpressOutcome(PaymentStatus status, String ack, ExpressError error, String errorCode,
                             String shortMessage, String message, String correlationId, boolean duplicate,
                             Map<String, String> fields) {

    public ExpressOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** Nothing reached PayPal. */
    static ExpressOutcome notSent(String message) {
        return new ExpressOutcome(PaymentStatus.NOT_SENT, null, ExpressError.NONE, null, null, message, null, false,
                Map.of());
    }

    /** Sent, outcome unknown. */
    static ExpressOutcome unknown(String message) {
        return new ExpressOutcome(PaymentStatus.UNKNOWN, null, ExpressError.NONE, null, null, message, null, false,
                Map.of());
    }

    /** True when ACK was Success or SuccessWithWarning (as ActiveMerchant and Omnipay count it, §3.4). */
    public boolean acknowledged() {
        return "Success".equals(ack) || "SuccessWithWarning".equals(ack);
    }

    /** The field {@code name} of the answer, or null. */
    public String field(String name) {
        return fields.get(name);
    }

    /** One line for logs: status, error, code and correlation id, no field values. */
    public String summary() {
        return status + (error == ExpressError.NONE ? "" : " " + error) + (errorCode == null ? "" : " (" + errorCode
                + (message == null ? "" : ": " + message) + ")") + (correlationId == null ? "" : " correlation "
                + correlationId);
    }
}
