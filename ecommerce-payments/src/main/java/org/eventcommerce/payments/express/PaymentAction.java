package org.eventcommerce.payments.express;

/**
 * {@code PAYMENTREQUEST_0_PAYMENTACTION}: Sale is PayPal's default, but "it is a best practice to explicitly
 * specify" it [EC-2012; §3.3], so it is always sent. {@code Order} is not offered.
 */
public enum PaymentAction {
    /** Capture at once. */
    SALE("Sale"),
    /** Hold funds; capture later with DoCapture or release with DoVoid. */
    AUTHORIZATION("Authorization");

    private final String wire;

    PaymentAction(String wire) {
        this.wire = wire;
    }

    /** The value sent on the wire. */
    public String wire() {
        return wire;
    }
}
