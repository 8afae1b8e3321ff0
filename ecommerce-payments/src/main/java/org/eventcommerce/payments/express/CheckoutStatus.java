package org.eventcommerce.payments.express;

/**
 * GetExpressCheckoutDetails {@code CHECKOUTSTATUS} [DEV get-express-checkout-details-nvp; §3.3]. "Any value other
 * than PaymentCompleted indicates that the payment has not completed" [EC-2012 "Timeouts" p.26]; today's spelling
 * is {@code PaymentActionCompleted}.
 */
public enum CheckoutStatus {
    /** {@code PaymentActionNotInitiated}: no DoExpressCheckoutPayment yet. */
    PAYMENT_ACTION_NOT_INITIATED("PaymentActionNotInitiated"),
    /** {@code PaymentActionFailed}. */
    PAYMENT_ACTION_FAILED("PaymentActionFailed"),
    /** {@code PaymentActionInProgress}. */
    PAYMENT_ACTION_IN_PROGRESS("PaymentActionInProgress"),
    /** {@code PaymentActionCompleted}: the token was used for a successful payment. */
    PAYMENT_ACTION_COMPLETED("PaymentActionCompleted"),
    /** Absent or a value not listed above. */
    UNKNOWN("");

    private final String wire;

    CheckoutStatus(String wire) {
        this.wire = wire;
    }

    /** The value on the wire (empty for {@link #UNKNOWN}). */
    public String wire() {
        return wire;
    }

    /** The status for a CHECKOUTSTATUS value; {@link #UNKNOWN} for null or anything else. */
    public static CheckoutStatus of(String value) {
        for (CheckoutStatus status : values()) {
            if (status != UNKNOWN && status.wire.equals(value)) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
