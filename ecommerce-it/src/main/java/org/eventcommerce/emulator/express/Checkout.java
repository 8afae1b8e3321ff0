package org.eventcommerce.emulator.express;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One Express Checkout session, from SetExpressCheckout to its payment. Mutable; guarded by the
 * {@link ExpressStore} lock.
 */
final class Checkout {

    final String token;
    final String merchant;
    final BigDecimal amount;
    final String currency;
    final String action;
    final String returnUrl;
    final String cancelUrl;
    final String invoice;
    final String description;
    final Instant created;
    final Instant expires;

    boolean forcedExpired;
    String payerId;
    String payerEmail;
    /** The buyer must approve (again) before a payment: initially and after a 10486 funding failure. */
    boolean needsApproval = true;
    boolean cancelled;
    boolean paymentFailed;
    String transactionId;

    Checkout(String token, String merchant, BigDecimal amount, String currency, String action, String returnUrl,
             String cancelUrl, String invoice, String description, Instant created, Instant expires) {
        this.token = token;
        this.merchant = merchant;
        this.amount = amount;
        this.currency = currency;
        this.action = action;
        this.returnUrl = returnUrl;
        this.cancelUrl = cancelUrl;
        this.invoice = invoice;
        this.description = description;
        this.created = created;
        this.expires = expires;
    }

    boolean expiredAt(Instant now) {
        return forcedExpired || !now.isBefore(expires);
    }

    boolean completed() {
        return transactionId != null;
    }

    /** CHECKOUTSTATUS (§3.3). */
    String checkoutStatus() {
        if (completed()) {
            return "PaymentActionCompleted";
        }
        return paymentFailed ? "PaymentActionFailed" : "PaymentActionNotInitiated";
    }

    String controlLine(Instant now) {
        return "TOKEN=" + token + "&MERCHANT=" + merchant + "&AMT=" + ExpressCurrencies.format(amount, currency)
                + "&CURRENCYCODE=" + currency + "&PAYMENTACTION=" + action + "&CHECKOUTSTATUS=" + checkoutStatus()
                + "&PAYERID=" + (payerId == null ? "" : payerId) + "&EXPIRED=" + expiredAt(now)
                + "&TRANSACTIONID=" + (transactionId == null ? "" : transactionId);
    }
}
