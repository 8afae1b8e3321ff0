package org.eventcommerce.domain.site;

import org.eventcommerce.payments.TransactionKind;

/**
 * The site's payment action (the E-Commerce page's "Payment action", {@code paymentAction} in
 * {@code PUT /api/v1/settings}): whether a payment takes the money at once or only holds it until the organizer
 * captures it. PayPal's own names: Payflow {@code TRXTYPE=S} / {@code A} [PFP-2009 Table 4.1], Express Checkout
 * {@code PAYMENTREQUEST_0_PAYMENTACTION=Sale} / {@code Authorization} [EC-2012; paypal-protocols.md §3.3].
 */
public enum PaymentAction {
    /** Take the money when the attendee pays; access is granted at once (the default). */
    SALE(TransactionKind.SALE),
    /**
     * Hold the money when the attendee pays (the order is AUTHORIZED, nothing granted); the organizer captures it
     * later, which grants access, or voids it, which cancels the order.
     */
    AUTHORIZATION(TransactionKind.AUTHORIZATION);

    private final TransactionKind kind;

    PaymentAction(TransactionKind kind) {
        this.kind = kind;
    }

    /** The kind of the payment transaction: SALE or AUTHORIZATION. */
    public TransactionKind kind() {
        return kind;
    }
}
