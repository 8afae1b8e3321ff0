package org.eventcommerce.emulator.express;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One payment-side record: a sale, an authorization, a capture or a refund. Mutable; guarded by the
 * {@link ExpressStore} lock.
 */
final class EcTransaction {

    enum Kind { SALE, AUTHORIZATION, CAPTURE, REFUND }

    final String id;
    final Kind kind;
    final String merchant;
    final BigDecimal amount;
    final String currency;
    final String parentId;
    final String payerId;
    final String payerEmail;
    final String invoice;
    final Instant time;

    String paymentStatus;
    String pendingReason;
    /** Authorizations: captured so far; closed when completed or voided. */
    BigDecimal captured = BigDecimal.ZERO;
    boolean authorizationClosed;
    /** Sales and captures: refunded so far. */
    BigDecimal refunded = BigDecimal.ZERO;
    boolean partiallyRefundedBefore;
    /** Refunds: REFUNDTYPE as sent ({@code Full} or {@code Partial}). */
    String refundType;

    EcTransaction(String id, Kind kind, String merchant, BigDecimal amount, String currency, String parentId,
                  String payerId, String payerEmail, String invoice, Instant time, String paymentStatus,
                  String pendingReason) {
        this.id = id;
        this.kind = kind;
        this.merchant = merchant;
        this.amount = amount;
        this.currency = currency;
        this.parentId = parentId;
        this.payerId = payerId;
        this.payerEmail = payerEmail;
        this.invoice = invoice;
        this.time = time;
        this.paymentStatus = paymentStatus;
        this.pendingReason = pendingReason;
    }

    String controlLine() {
        return "TRANSACTIONID=" + id + "&KIND=" + kind + "&MERCHANT=" + merchant + "&AMT="
                + ExpressCurrencies.format(amount, currency) + "&CURRENCYCODE=" + currency + "&PAYMENTSTATUS="
                + paymentStatus + "&PENDINGREASON=" + pendingReason + "&PARENT=" + (parentId == null ? "" : parentId)
                + "&CAPTURED=" + ExpressCurrencies.format(captured, currency) + "&REFUNDED="
                + ExpressCurrencies.format(refunded, currency) + (refundType == null ? "" : "&REFUNDTYPE=" + refundType);
    }
}
