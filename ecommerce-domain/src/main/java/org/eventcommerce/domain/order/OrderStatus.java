package org.eventcommerce.domain.order;

/**
 * The states of an order (API.md "Orders and payments"), plus {@link #AUTHORIZED}, an addition for sites whose payment
 * action is Authorization: the attendee's payment is held at PayPal and waits for the organizer to capture it (then
 * PAID) or void it (then CANCELLED); nothing is granted before the capture.
 */
public enum OrderStatus {
    AWAITING_PAYMENT, AUTHORIZED, PAID, PARTIALLY_REFUNDED, REFUNDED, CANCELLED, EXPIRED;

    /** True while the attendee holds (or may still get) access through this order. */
    public boolean isOpenOrPaid() {
        return this == AWAITING_PAYMENT || this == AUTHORIZED || this == PAID || this == PARTIALLY_REFUNDED;
    }
}
