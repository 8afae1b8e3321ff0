package org.eventcommerce.payments.payflow;

import java.net.URI;
import java.util.Objects;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * Set Express Checkout through Payflow ({@code TENDER=P&ACTION=S}) [PFP-EC ch.1 pp.9-17; §1.9].
 *
 * @param kind          SALE or AUTHORIZATION (TRXTYPE S or A; Order, TRXTYPE=O, is not supported here); the same
 *                      kind must be used for the later Get and Do calls
 * @param attempt       request id and CUSTREF of this call
 * @param amount        amount and currency (AMT, CURRENCY; always sent). The product spec allows USD only for
 *                      Payflow Express Checkout; the connector does not enforce it, PayPal answers RESULT 6
 * @param returnUrl     where PayPal sends the buyer back with {@code token} and {@code PayerID} (RETURNURL)
 * @param cancelUrl     where PayPal sends a buyer who cancels (CANCELURL)
 * @param invoiceNumber INVNUM, may be null
 * @param comment       COMMENT1, may be null
 */
public record ExpressCheckoutSetup(TransactionKind kind, Attempt attempt, Money amount, URI returnUrl, URI cancelUrl,
                                   String invoiceNumber, String comment) {

    /**
     * @throws IllegalArgumentException when the kind is not SALE/AUTHORIZATION or the amount is not positive
     * @throws NullPointerException     when a required part is null
     */
    public ExpressCheckoutSetup {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(cancelUrl, "cancelUrl");
        if (kind != TransactionKind.SALE && kind != TransactionKind.AUTHORIZATION) {
            throw new IllegalArgumentException("Express Checkout is a SALE or an AUTHORIZATION, not " + kind);
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("Express Checkout needs a positive amount");
        }
    }

    /** A sale without invoice number or comment. */
    public static ExpressCheckoutSetup sale(Attempt attempt, Money amount, URI returnUrl, URI cancelUrl) {
        return new ExpressCheckoutSetup(TransactionKind.SALE, attempt, amount, returnUrl, cancelUrl, null, null);
    }
}
