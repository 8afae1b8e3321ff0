package org.eventcommerce.payments;

/**
 * What a provider call achieved, as the payment lifecycle (DESIGN.md) needs to know it. Modelled on Kill
 * Bill's PaymentPluginStatus: it separates "declined" from "never sent" from "unknown, ask again".
 */
public enum PaymentStatus {
    /** Recorded before the call; no answer yet. Never returned by a connector. */
    PENDING,
    /** The provider approved (Payflow RESULT 0). */
    APPROVED,
    /** The provider refused; nothing happened and nothing will. */
    DECLINED,
    /** Authorized but held for review (Payflow RESULT 126/127): grants nothing until settled. */
    HELD,
    /** Failed before anything reached the provider (connect refused, DNS, negative RESULT): safe to retry. */
    NOT_SENT,
    /** Timeout or error after sending: the provider may have processed it; resolve by resend or inquiry. */
    UNKNOWN;

    /** True for the statuses after which the attempt will never change. */
    public boolean isFinal() {
        return this == APPROVED || this == DECLINED || this == NOT_SENT;
    }
}
