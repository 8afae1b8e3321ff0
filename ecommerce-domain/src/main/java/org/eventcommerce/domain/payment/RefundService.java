package org.eventcommerce.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.Currency;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentGateway;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;

/**
 * Refunds and voids of Payflow payments (issue 4 "After the payment"), along DESIGN.md "The payment lifecycle"
 * exactly as {@link PaymentService} pays:
 * <ol>
 * <li>{@link FollowOnRecorder} records the call as PENDING with a fresh request id and CUSTREF, under a lock on the
 *     order (refunds in flight count as taken, so concurrent refunds never exceed what was captured);</li>
 * <li>the call goes to the provider outside any database transaction, in the original payment's operating mode
 *     and currency: a credit {@code TRXTYPE=C} or a void {@code TRXTYPE=V} with {@code ORIGID} = the original
 *     PNREF [PFP-2009 Table 4.1, pp.38-40; paypal-protocols.md §1.4];</li>
 * <li>an UNKNOWN or NOT_SENT outcome is resent once with the same attempt (Payflow replays the first answer for a
 *     known {@code X-VPS-REQUEST-ID}, §1.2); if still unknown, an inquiry by the attempt's CUSTREF settles it when
 *     it can (§1.8); otherwise the transaction stays UNKNOWN (its amount still taken) for the reconciler;</li>
 * <li>the outcome is recorded and applied to the order in one transaction.</li>
 * </ol>
 */
@ApplicationScoped
public class RefundService {

    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager em;

    private static final Logger LOG = System.getLogger(RefundService.class.getName());

    @Inject
    SettingsService settings;

    @Inject
    FollowOnRecorder recorder;

    @Inject
    PaymentRecorder payments;

    @Inject
    GatewayFactory gateways;

    /**
     * Refunds {@code amount} (or, when null, everything paid and not yet refunded) of the order.
     *
     * @param amount   the amount in {@code currency}, positive, at most the currency's PayPal decimals; or null
     * @param currency the amount's currency; must be the payment's; null with a null amount
     * @return the CREDIT transaction with its final (or unknown) status; a declined credit is recorded and
     *         changes nothing else
     * @throws org.eventcommerce.domain.common.NotFoundException   when the order is not in the site
     * @throws BusinessException {@code /problems/order-not-paid} (409), {@code /problems/refund-exceeds-refundable}
     *                           (422), {@code /problems/currency-mismatch} (422), {@code /problems/e-commerce-disabled}
     *                           (422) when the original payment's mode has no usable credentials (the attempt
     *                           is then recorded as NOT_SENT); for the other problems nothing is recorded
     * @throws org.eventcommerce.domain.common.ValidationException field {@code amount.amount}
     */
    public PaymentTransaction refund(long siteId, String orderPublicId, BigDecimal amount, Currency currency) {
        CommerceConfiguration config = settings.get(siteId);
        requireRefundableHere(config, paidWith(siteId, orderPublicId));
        FollowOnRecorder.Begun begun = recorder.beginCredit(siteId, orderPublicId, amount, currency);
        PaymentTransaction credit = begun.transaction();
        PaymentGateway gateway;
        try {
            gateway = gateway(config, credit.getMode());
        } catch (BusinessException notConfigured) {
            // The original's mode has no usable credentials any more: the attempt is kept as NOT_SENT (takes nothing).
            recorder.completeCredit(begun.transactionId(), PaymentResult.notSent(notConfigured.getMessage()));
            throw notConfigured;
        }
        LOG.log(Level.INFO, "Refund {0} of order {1}", credit.getAmount(), orderPublicId);
        PaymentRequest request = PaymentRequest.credit(credit.attempt(), credit.getAmount(), begun.originalReference());
        return recorder.completeCredit(begun.transactionId(), send(gateway, request, begun.transactionId()));
    }

    /**
     * Voids an authorization not yet captured, or a sale held for review (Payflow RESULT 126), of an order awaiting
     * payment. On approval the order is cancelled and its promotion-code use released; nothing is granted.
     *
     * @param transactionPublicId the public id of the transaction to void
     * @return the VOID transaction with its final (or unknown) status
     * @throws org.eventcommerce.domain.common.NotFoundException when the transaction is not in the site
     * @throws BusinessException {@code /problems/transaction-state} (409) when it cannot be voided;
     *                           {@code /problems/e-commerce-disabled} (422) when the mode's credentials are missing
     */
    public PaymentTransaction voidPayment(long siteId, String transactionPublicId) {
        CommerceConfiguration config = settings.get(siteId);
        PaymentTransaction target = recorder.transaction(siteId, transactionPublicId);
        requireRefundableHere(config, java.util.Set.of(target.getProviderType()));
        PaymentGateway gateway = gateway(config, target.getMode());
        FollowOnRecorder.Begun begun = recorder.beginVoid(siteId, transactionPublicId);
        PaymentTransaction v = begun.transaction();
        PaymentRequest request = PaymentRequest.voidOf(v.attempt(), v.getAmount(), begun.originalReference());
        return recorder.completeVoid(begun.transactionId(), send(gateway, request, begun.transactionId()));
    }

    /** The providers that took the approved payments (sales, captures) of the order. */
    private java.util.Set<ProviderType> paidWith(long siteId, String orderPublicId) {
        return new java.util.HashSet<>(em.createQuery("select distinct t.providerType from PaymentTransaction t"
                        + " where t.site.id = :s and t.order.publicId = :o and t.status = :approved and t.kind in :kinds",
                        ProviderType.class).setParameter("s", siteId).setParameter("o", orderPublicId)
                .setParameter("approved", PaymentStatus.APPROVED)
                .setParameter("kinds", java.util.List.of(TransactionKind.SALE, TransactionKind.CAPTURE))
                .getResultList());
    }

    /**
     * Refunds and voids go through Payflow (TRXTYPE C / V against the original PNREF) with the site's current
     * credentials, so the payment must have been taken by Payflow, by the provider the site uses now. Checked
     * before anything is recorded.
     *
     * @throws BusinessException {@code /problems/refund-not-supported} (422) for an Express Checkout payment
     *         (its refunds are not built yet: refund it in the PayPal account) or a payment taken by another
     *         provider than the current one
     */
    private static void requireRefundableHere(CommerceConfiguration config, java.util.Set<ProviderType> paidWith) {
        for (ProviderType p : paidWith) {
            if (!p.usesPayflow()) {
                throw new BusinessException("/problems/refund-not-supported", 422, "error.refund.expressCheckout",
                        "Refunds of PayPal Express Checkout payments are not available here yet",
                        new org.eventcommerce.domain.common.Messages.Key("provider." + p.name()));
            }
            if (p != config.getProviderType()) {
                throw new BusinessException("/problems/refund-not-supported", 422, "error.refund.otherProvider",
                        "The payment was taken by another provider than the site's current one",
                        new org.eventcommerce.domain.common.Messages.Key("provider." + p.name()),
                        new org.eventcommerce.domain.common.Messages.Key("provider." + config.getProviderType().name()));
            }
        }
    }

    /**
     * The connector for the site in {@code mode} (the original payment's mode, whatever the site's mode is now).
     *
     * @throws BusinessException {@code /problems/e-commerce-disabled} (422, {@code error.providerNotConfigured})
     *                           when the provider or the mode's credentials are incomplete
     */
    PaymentGateway gateway(CommerceConfiguration config, OperatingMode mode) {
        try {
            return gateways.gateway(config, mode);
        } catch (IllegalStateException notConfigured) {
            throw new BusinessException("/problems/e-commerce-disabled", 422, "error.providerNotConfigured",
                    notConfigured.getMessage());
        }
    }

    /** Sends, resends once after UNKNOWN/NOT_SENT, and asks by CUSTREF when still unknown (class comment). */
    private PaymentResult send(PaymentGateway gateway, PaymentRequest request, long transactionId) {
        PaymentResult result = gateway.execute(request);
        if (result.status() == PaymentStatus.UNKNOWN || result.status() == PaymentStatus.NOT_SENT) {
            LOG.log(Level.WARNING, "{0} {1} outcome {2} ({3}); resending the same attempt", request.kind(),
                    transactionId, result.status(), result.message());
            payments.countResend(transactionId);
            result = gateway.execute(request);
        }
        if (result.status() == PaymentStatus.UNKNOWN) {
            PaymentResult inquiry = gateway.execute(PaymentRequest.inquiryByCustRef(Attempt.newAttempt(),
                    request.amount(), request.attempt().custRef()));
            if (inquiry.status() == PaymentStatus.APPROVED && inquiry.originalStatus() != null
                    && inquiry.originalStatus() != PaymentStatus.UNKNOWN) {
                return new PaymentResult(inquiry.originalStatus(),
                        inquiry.fields().getOrDefault("ORIGRESULT", inquiry.resultCode()),
                        "Settled by inquiry: " + inquiry.message(), inquiry.reference(), inquiry.authCode(),
                        inquiry.amount(), false, null, inquiry.fields());
            }
        }
        return result;
    }
}
