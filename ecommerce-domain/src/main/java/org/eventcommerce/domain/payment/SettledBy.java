package org.eventcommerce.domain.payment;

/**
 * Who settled a transaction whose own answer left it open (DESIGN.md "The payment lifecycle" step 5: "keeps a list of
 * every transaction settled by inquiry"): the reconciliation view lists each with this origin.
 */
public enum SettledBy {
    /** The payment's (or refund's, void's, capture's) own flow, by its inquiry after the resend (or the return). */
    PAYMENT,
    /** The reconciler, by an inquiry or a rule (a checkout token expired without the buyer's approval). */
    RECONCILER,
    /** The administrator, by an inquiry on the held-payments page (Inquire, Accept). */
    ADMINISTRATOR
}
