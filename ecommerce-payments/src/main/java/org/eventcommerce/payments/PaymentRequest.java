package org.eventcommerce.payments;

import java.util.Objects;
import org.eventcommerce.payments.money.Money;

/**
 * One provider call, in provider-neutral terms.
 *
 * @param kind          what to do
 * @param attempt       identifiers of this attempt (reuse them to resend the same attempt)
 * @param amount        amount and currency; required for SALE, AUTHORIZATION, CAPTURE, CREDIT; for VOID and
 *                      INQUIRY it names the currency only (every request carries CURRENCY)
 * @param card          card tender for SALE/AUTHORIZATION; null otherwise
 * @param originalReference the provider reference (Payflow PNREF, sent as ORIGID) of the transaction a
 *                      CAPTURE, VOID, CREDIT or INQUIRY refers to; null for an inquiry by CUSTREF
 * @param inquiryCustRef for an INQUIRY by CUSTREF: the CUSTREF of the attempt asked about; otherwise null
 * @param comment       free text for the merchant's reports (COMMENT1), may be null
 * @param invoiceNumber the merchant's invoice/order number (INVNUM), may be null
 */
public record PaymentRequest(TransactionKind kind, Attempt attempt, Money amount, Card card,
                             String originalReference, String inquiryCustRef, String comment,
                             String invoiceNumber) {

    public PaymentRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(amount, "amount (the currency is sent on every request)");
    }

    /** A card sale. */
    public static PaymentRequest sale(Attempt attempt, Money amount, Card card, String comment, String invoiceNumber) {
        return new PaymentRequest(TransactionKind.SALE, attempt, amount, Objects.requireNonNull(card), null, null,
                comment, invoiceNumber);
    }

    /** A card authorization. */
    public static PaymentRequest authorization(Attempt attempt, Money amount, Card card, String comment,
                                               String invoiceNumber) {
        return new PaymentRequest(TransactionKind.AUTHORIZATION, attempt, amount, Objects.requireNonNull(card), null,
                null, comment, invoiceNumber);
    }

    /** A delayed capture of {@code authorizationRef}. */
    public static PaymentRequest capture(Attempt attempt, Money amount, String authorizationRef) {
        return new PaymentRequest(TransactionKind.CAPTURE, attempt, amount, null,
                Objects.requireNonNull(authorizationRef), null, null, null);
    }

    /** A void of {@code originalRef}; {@code currency} is the original's. */
    public static PaymentRequest voidOf(Attempt attempt, Money currencyCarrier, String originalRef) {
        return new PaymentRequest(TransactionKind.VOID, attempt, currencyCarrier, null,
                Objects.requireNonNull(originalRef), null, null, null);
    }

    /** A credit (refund) of {@code amount} against {@code originalRef}. */
    public static PaymentRequest credit(Attempt attempt, Money amount, String originalRef) {
        return new PaymentRequest(TransactionKind.CREDIT, attempt, amount, null, Objects.requireNonNull(originalRef),
                null, null, null);
    }

    /** An inquiry on the transaction with provider reference {@code originalRef}. */
    public static PaymentRequest inquiryByReference(Attempt attempt, Money currencyCarrier, String originalRef) {
        return new PaymentRequest(TransactionKind.INQUIRY, attempt, currencyCarrier, null,
                Objects.requireNonNull(originalRef), null, null, null);
    }

    /** An inquiry on the attempt whose CUSTREF was {@code custRef}. */
    public static PaymentRequest inquiryByCustRef(Attempt attempt, Money currencyCarrier, String custRef) {
        return new PaymentRequest(TransactionKind.INQUIRY, attempt, currencyCarrier, null, null,
                Objects.requireNonNull(custRef), null, null);
    }

    @Override
    public String toString() {
        return "PaymentRequest[" + kind + " " + amount + " " + attempt + (card == null ? "" : " " + card) + "]";
    }
}
