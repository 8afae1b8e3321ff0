package org.eventcommerce.domain.payment;

import java.util.Optional;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.money.Money;

/**
 * Where the calls that follow a payment go (refund, void, capture, inquiry): the provider and wire form that took
 * the payment, with the credentials of the payment's operating mode. Built by {@link FollowOnChannels#of}; each
 * method is one provider call (or, for {@link #settleCredit} / {@link #settleVoid}, the look-up that settles an
 * unknown outcome) and never throws for an answer or a transport failure.
 */
public interface FollowOnChannel {

    /** The wire forms a payment can have been taken with. */
    enum Wire {
        /** Payflow card payment (card field or hosted page): follow-ons with {@code TENDER=C} [PFP-2009 Table 4.1]. */
        PAYFLOW_CARD,
        /**
         * Express Checkout through Payflow: follow-ons with {@code TENDER=P}, {@code ORIGID} = the PNREF [PFP-EC 2013
         * Appendix A, Tables A.13-A.17].
         */
        PAYFLOW_PAYPAL,
        /**
         * Classic NVP Express Checkout (US, Canada): RefundTransaction, DoVoid, DoCapture, GetTransactionDetails with
         * the platform's API credentials and SUBJECT = the merchant [paypal-protocols.md §3.2, §3.3].
         */
        EXPRESS_CHECKOUT
    }

    /**
     * What happened to earlier refunds of the original, for settling an unknown refund by a look-up.
     *
     * @param originalAmount the sale's or capture's amount
     * @param refundedBefore its refunds approved before this one
     * @param othersInFlight true when another refund of it is pending, unknown or delayed
     */
    record CreditFacts(Money originalAmount, Money refundedBefore, boolean othersInFlight) {
    }

    /** The wire form of this channel. */
    Wire wire();

    /** True for PayPal payments (the buyer's PayPal account, not a card, is refunded). */
    default boolean payPal() {
        return wire() != Wire.PAYFLOW_CARD;
    }

    /**
     * One refund call.
     *
     * @param attempt       request id (X-VPS-REQUEST-ID / MSGSUBID) and CUSTREF of this refund; the same when resending
     * @param amount        the amount in the payment's currency
     * @param originalRef   PNREF or transaction id of the sale or capture refunded
     * @param wholeOriginal true when {@code amount} is the whole original and nothing of it was refunded before
     *                      (classic: {@code REFUNDTYPE=Full}, else {@code Partial} with AMT)
     */
    PaymentResult credit(Attempt attempt, Money amount, String originalRef, boolean wholeOriginal);

    /** One void call of an authorization (or a card sale held for review) {@code originalRef}. */
    PaymentResult voidOf(Attempt attempt, Money currencyCarrier, String originalRef);

    /** One capture call of {@code amount} on authorization {@code authorizationRef}, the last capture of it. */
    PaymentResult capture(Attempt attempt, Money amount, String authorizationRef);

    /**
     * Settles a refund whose outcome stayed unknown after the resend, when the provider's answer leaves no doubt.
     *
     * @return the outcome to record, or empty to leave it UNKNOWN (its amount stays taken) for a reconciler
     */
    Optional<PaymentResult> settleCredit(Attempt attempt, Money amount, String originalRef, CreditFacts facts);

    /** Settles a void whose outcome stayed unknown, when certain; empty otherwise. */
    Optional<PaymentResult> settleVoid(Attempt attempt, Money currencyCarrier, String originalRef);

    /** Settles a capture whose outcome stayed unknown, when certain; empty otherwise. */
    Optional<PaymentResult> settleCapture(Attempt attempt, Money amount, String authorizationRef);

    /**
     * The inquiry on payment {@code reference}: Payflow {@code TRXTYPE=I} by PNREF (fields ORIGRESULT, TRANSSTATE) or
     * classic GetTransactionDetails (fields PAYMENTSTATUS, PENDINGREASON). The result's status is the inquiry's (APPROVED
     * = found), its {@code originalStatus} the payment's.
     */
    PaymentResult inquire(Money currencyCarrier, String reference);
}
