package org.eventcommerce.domain.order;

/** The states of an order (API.md "Orders and payments"). */
public enum OrderStatus {
    AWAITING_PAYMENT, PAID, PARTIALLY_REFUNDED, REFUNDED, CANCELLED, EXPIRED;

    /** True while the attendee holds (or may still get) access through this order. */
    public boolean isOpenOrPaid() {
        return this == AWAITING_PAYMENT || this == PAID || this == PARTIALLY_REFUNDED;
    }
}
