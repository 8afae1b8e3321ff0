package org.eventcommerce.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.Messages;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentGateway;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.express.CompleteType;
import org.eventcommerce.payments.express.ExpressCheckoutConnector;
import org.eventcommerce.payments.express.ExpressPayment;
import org.eventcommerce.payments.express.RefundResult;
import org.eventcommerce.payments.express.TransactionDetails;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.payflow.PayflowConnector;

/**
 * Builds the {@link FollowOnChannel} of a payment: the provider that took it, in the payment's operating mode.
 *
 * <p><b>Which provider.</b> Refunds, voids and captures go to the provider that took the payment, with the
 * credentials the site holds now. The site keeps one set of credentials per mode (Payflow partner, vendor, user,
 * password; for Express Checkout the merchant's PayPal e-mail, sent as SUBJECT with the platform's API credentials),
 * and those belong to the site's current provider. A payment taken by another provider than the current one is
 * therefore refused ({@link #requireReachable}, {@code /problems/refund-not-supported}): the stored credentials may
 * name another account (a Payflow vendor of another partner, another merchant e-mail), and a call sent to the wrong
 * account cannot refund the payment. Such payments are refunded in the account of the provider that took them.
 * A payment of the current provider is reachable even when the way to pay changed since (Payflow Pro's Express
 * Checkout box unticked, another account type): the provider and its credentials are the same.
 */
@ApplicationScoped
public class FollowOnChannels {

    @Inject
    GatewayFactory gateways;

    /**
     * The channel to the provider that took {@code payment}, in the payment's mode.
     *
     * @throws BusinessException {@code /problems/e-commerce-disabled} (422, {@code error.providerNotConfigured}) when
     *                           the mode's credentials are incomplete or the server has no PayPal API credentials for it
     */
    public FollowOnChannel of(CommerceConfiguration config, PaymentTransaction payment) {
        OperatingMode mode = payment.getMode();
        return PaymentService.configured(() -> {
            if (payment.getProviderType().usesPayflow()) {
                return new PayflowChannel(gateways.payflow(config, mode), payment.isPayPal());
            }
            return new ExpressChannel(gateways.express(config, mode).orElseThrow(() -> new IllegalStateException(
                    "The server has no PayPal API credentials for " + mode)));
        });
    }

    /**
     * Refuses, before anything is recorded, a follow-on of a payment taken by another provider than the site's
     * current one (class comment).
     *
     * @param paidWith the providers of the payments concerned
     * @throws BusinessException {@code /problems/refund-not-supported} (422, {@code error.refund.otherProvider})
     */
    public static void requireReachable(CommerceConfiguration config, Set<ProviderType> paidWith) {
        for (ProviderType p : paidWith) {
            if (p != config.getProviderType()) {
                throw new BusinessException("/problems/refund-not-supported", 422, "error.refund.otherProvider",
                        "The payment was taken by another provider than the site's current one",
                        new Messages.Key("provider." + p.name()),
                        new Messages.Key("provider." + config.getProviderType().name()));
            }
        }
    }

    /**
     * What GetTransactionDetails on the original says about a refund whose answer was lost twice, from the original's
     * PAYMENTSTATUS [NVP-2013 "PaymentInfoType Fields": {@code Completed}, {@code Partially_Refunded},
     * {@code Refunded}]. The answer has no refunded total, so only these cases are certain:
     * <ul>
     *   <li>{@code Refunded} when this refund takes what was left (nothing else in flight): it was made → APPROVED;</li>
     *   <li>{@code Partially_Refunded} when nothing was refunded before and this refund leaves a remainder (nothing
     *       else in flight): it was made → APPROVED;</li>
     *   <li>anything else (also {@code Completed}: PayPal may still be processing it): empty, the refund stays
     *       UNKNOWN with its amount taken until a reconciler settles it.</li>
     * </ul>
     *
     * @param paymentStatus  the original's PAYMENTSTATUS, may be null
     * @param originalAmount the original's amount
     * @param refundedBefore refunds of the original approved before this one
     * @param othersInFlight true when another refund of the original is pending, unknown or delayed
     * @param amount         this refund's amount
     */
    static Optional<PaymentStatus> refundFromDetails(String paymentStatus, Money originalAmount, Money refundedBefore,
                                                     boolean othersInFlight, Money amount) {
        if (paymentStatus == null || othersInFlight) {
            return Optional.empty();
        }
        boolean takesTheRest = refundedBefore.plus(amount).compareTo(originalAmount) == 0;
        return switch (paymentStatus.strip().toLowerCase(Locale.ROOT)) {
            case "refunded" -> takesTheRest ? Optional.of(PaymentStatus.APPROVED) : Optional.empty();
            case "partially_refunded" -> refundedBefore.isZero() && !takesTheRest ? Optional.of(PaymentStatus.APPROVED)
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Payflow, card ({@code TENDER=C}) or PayPal ({@code TENDER=P}). */
    record PayflowChannel(PayflowConnector connector, boolean paypalTender) implements FollowOnChannel {

        private PaymentGateway gateway() {
            return paypalTender ? connector.payPalTender() : connector;
        }

        @Override
        public Wire wire() {
            return paypalTender ? Wire.PAYFLOW_PAYPAL : Wire.PAYFLOW_CARD;
        }

        /** Payflow credits take AMT; full and partial refunds are the same call [PFP-2009 Table 4.1; PFP-EC A.15]. */
        @Override
        public PaymentResult credit(Attempt attempt, Money amount, String originalRef, boolean wholeOriginal) {
            return gateway().execute(PaymentRequest.credit(attempt, amount, originalRef));
        }

        @Override
        public PaymentResult voidOf(Attempt attempt, Money currencyCarrier, String originalRef) {
            return gateway().execute(PaymentRequest.voidOf(attempt, currencyCarrier, originalRef));
        }

        @Override
        public PaymentResult capture(Attempt attempt, Money amount, String authorizationRef) {
            return gateway().execute(PaymentRequest.capture(attempt, amount, authorizationRef));
        }

        @Override
        public Optional<PaymentResult> settleCredit(Attempt attempt, Money amount, String originalRef,
                                                    CreditFacts facts) {
            return byCustRef(attempt, amount);
        }

        @Override
        public Optional<PaymentResult> settleVoid(Attempt attempt, Money currencyCarrier, String originalRef) {
            return byCustRef(attempt, currencyCarrier);
        }

        @Override
        public Optional<PaymentResult> settleCapture(Attempt attempt, Money amount, String authorizationRef) {
            return byCustRef(attempt, amount);
        }

        /** Inquiry by the attempt's CUSTREF, unique to it (§1.8): what Payflow did with exactly this call. */
        private Optional<PaymentResult> byCustRef(Attempt attempt, Money currencyCarrier) {
            PaymentResult inquiry = gateway().execute(PaymentRequest.inquiryByCustRef(Attempt.newAttempt(),
                    currencyCarrier, attempt.custRef()));
            if (inquiry.status() == PaymentStatus.APPROVED && inquiry.originalStatus() != null
                    && inquiry.originalStatus() != PaymentStatus.UNKNOWN) {
                return Optional.of(new PaymentResult(inquiry.originalStatus(),
                        inquiry.fields().getOrDefault("ORIGRESULT", inquiry.resultCode()),
                        "Settled by inquiry: " + inquiry.message(), inquiry.reference(), inquiry.authCode(),
                        inquiry.amount(), false, null, inquiry.fields()));
            }
            return Optional.empty();
        }

        @Override
        public PaymentResult inquire(Money currencyCarrier, String reference) {
            return gateway().execute(PaymentRequest.inquiryByReference(Attempt.newAttempt(), currencyCarrier,
                    reference));
        }
    }

    /**
     * Classic NVP Express Checkout: MSGSUBID = the attempt's request id on RefundTransaction, DoVoid and DoCapture, so
     * a resend is answered with the first outcome instead of refunding or capturing twice (§3.5).
     */
    record ExpressChannel(ExpressCheckoutConnector connector) implements FollowOnChannel {

        @Override
        public Wire wire() {
            return Wire.EXPRESS_CHECKOUT;
        }

        /**
         * RefundTransaction: {@code REFUNDTYPE=Full} (with CURRENCYCODE) for the whole original with nothing refunded
         * before, otherwise {@code Partial} with AMT and CURRENCYCODE: PayPal refuses a full refund after a partial one
         * ("Cannot do a full refund after a partial refund" [DEV errors "Transaction refused"]). An approval whose
         * GROSSREFUNDAMT is not the amount asked for is not trusted (UNKNOWN).
         */
        @Override
        public PaymentResult credit(Attempt attempt, Money amount, String originalRef, boolean wholeOriginal) {
            RefundResult r = wholeOriginal
                    ? connector.refundFull(originalRef, amount.currency(), attempt.requestId())
                    : connector.refundPartial(originalRef, amount, attempt.requestId());
            PaymentResult result = r.toPaymentResult();
            if (result.status() == PaymentStatus.APPROVED && r.grossRefund() != null && !r.grossRefund().equals(amount)) {
                return new PaymentResult(PaymentStatus.UNKNOWN, result.resultCode(), "PayPal refunded " + r.grossRefund()
                        + ", not " + amount, result.reference(), null, r.grossRefund(), result.duplicate(), null,
                        result.fields());
            }
            return result;
        }

        /** DoVoid of the authorization [DEV do-void-nvp]. */
        @Override
        public PaymentResult voidOf(Attempt attempt, Money currencyCarrier, String originalRef) {
            return connector.doVoid(originalRef, attempt.requestId()).toPaymentResult();
        }

        /** DoCapture with {@code COMPLETETYPE=Complete}: the only capture; the rest of the authorization is released. */
        @Override
        public PaymentResult capture(Attempt attempt, Money amount, String authorizationRef) {
            ExpressPayment p = connector.doCapture(authorizationRef, amount, CompleteType.COMPLETE,
                    attempt.requestId());
            return p.toPaymentResult();
        }

        /** GetTransactionDetails on the original, read by {@link #refundFromDetails}. */
        @Override
        public Optional<PaymentResult> settleCredit(Attempt attempt, Money amount, String originalRef,
                                                    CreditFacts facts) {
            TransactionDetails d = connector.getTransactionDetails(originalRef, amount.currency());
            if (d.outcome().status() != PaymentStatus.APPROVED || facts == null) {
                return Optional.empty();
            }
            return refundFromDetails(d.paymentStatus(), facts.originalAmount(), facts.refundedBefore(),
                            facts.othersInFlight(), amount)
                    .map(status -> new PaymentResult(status, null, "Settled by GetTransactionDetails: the payment is "
                            + d.paymentStatus(), null, null, amount, false, null, d.outcome().fields()));
        }

        /** GetTransactionDetails on the authorization: {@code Voided} means the void was made. */
        @Override
        public Optional<PaymentResult> settleVoid(Attempt attempt, Money currencyCarrier, String originalRef) {
            TransactionDetails d = connector.getTransactionDetails(originalRef, currencyCarrier.currency());
            if (d.outcome().status() == PaymentStatus.APPROVED && "Voided".equalsIgnoreCase(d.paymentStatus())) {
                return Optional.of(new PaymentResult(PaymentStatus.APPROVED, null,
                        "Settled by GetTransactionDetails: the authorization is Voided", originalRef, null, null, false,
                        null, d.outcome().fields()));
            }
            return Optional.empty();
        }

        /**
         * Not settled by a look-up: GetTransactionDetails on the authorization would show it captured but not the
         * capture's transaction id, which later refunds need; the capture stays UNKNOWN (the resend with the same
         * MSGSUBID is the way to learn it).
         */
        @Override
        public Optional<PaymentResult> settleCapture(Attempt attempt, Money amount, String authorizationRef) {
            return Optional.empty();
        }

        @Override
        public PaymentResult inquire(Money currencyCarrier, String reference) {
            return connector.getTransactionDetails(reference, currencyCarrier.currency()).toPaymentResult();
        }
    }
}
