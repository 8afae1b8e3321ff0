package org.eventcommerce.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Supplier;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * Refunds, voids and captures of payments, through the provider and wire form that took the payment ({@link FollowOnChannels}):
 * a Payflow credit {@code TRXTYPE=C} or void {@code TRXTYPE=V} with {@code ORIGID} = the original PNREF, with
 * {@code TENDER=C} for cards and {@code TENDER=P} for Express Checkout through Payflow [PFP-2009 Table 4.1, pp.38-40;
 * PFP-EC 2013 Appendix A Tables A.13, A.15]; or, for classic Express Checkout (US, Canada), RefundTransaction
 * ({@code TRANSACTIONID}, {@code REFUNDTYPE} Full or Partial with AMT, CURRENCYCODE) and DoVoid, with MSGSUBID = the
 * attempt's request id [DEV refund-transaction-nvp, do-void-nvp; paypal-protocols.md §3.3, §3.5]. Along DESIGN.md
 * "The payment lifecycle", exactly as {@link PaymentService} pays:
 * <ol>
 * <li>{@link FollowOnRecorder} records the call as PENDING with a fresh request id and CUSTREF, under a lock on the
 *     order (refunds in flight count as taken, so concurrent refunds never exceed what was captured);</li>
 * <li>the call goes to the provider outside any database transaction, in the original payment's operating mode
 *     and currency;</li>
 * <li>an UNKNOWN or NOT_SENT outcome is resent once with the same attempt (Payflow replays the first answer for a
 *     known {@code X-VPS-REQUEST-ID}, §1.2; PayPal for a known MSGSUBID, §3.5); if still unknown it is settled when
 *     the provider's answer leaves no doubt (Payflow: an inquiry by the attempt's CUSTREF, §1.8; classic:
 *     GetTransactionDetails on the original, {@link FollowOnChannels#refundFromDetails}); otherwise the
 *     transaction stays UNKNOWN (its amount still taken) for the reconciler;</li>
 * <li>the outcome is recorded and applied to the order in one transaction.</li>
 * </ol>
 * Payments taken by another provider than the site's current one are refused before anything is recorded
 * ({@link FollowOnChannels#requireReachable}).
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
    FollowOnChannels channels;

    /**
     * Refunds {@code amount} (or, when null, everything paid and not yet refunded) of the order.
     *
     * @param amount   the amount in {@code currency}, positive, at most the currency's PayPal decimals; or null
     * @param currency the amount's currency; must be the payment's; null with a null amount
     * @return the CREDIT transaction with its final (or unknown) status; a declined credit is recorded and
     *         changes nothing else
     * @throws org.eventcommerce.domain.common.NotFoundException   when the order is not in the site
     * @throws BusinessException {@code /problems/order-not-paid} (409), {@code /problems/refund-exceeds-refundable}
     *                           (422), {@code /problems/currency-mismatch} (422), {@code /problems/refund-not-supported}
     *                           (422, another provider took the payment), {@code /problems/e-commerce-disabled}
     *                           (422) when the original payment's mode has no usable credentials (the attempt
     *                           is then recorded as NOT_SENT); for the other problems nothing is recorded
     * @throws org.eventcommerce.domain.common.ValidationException field {@code amount.amount}
     */
    public PaymentTransaction refund(long siteId, String orderPublicId, BigDecimal amount, Currency currency) {
        CommerceConfiguration config = settings.get(siteId);
        FollowOnChannels.requireReachable(config, paidWith(siteId, orderPublicId));
        FollowOnRecorder.Begun begun = recorder.beginCredit(siteId, orderPublicId, amount, currency);
        PaymentTransaction credit = begun.transaction();
        FollowOnChannel channel;
        try {
            channel = channels.of(config, credit.getOriginal());
        } catch (BusinessException notConfigured) {
            // The original's mode has no usable credentials any more: the attempt is kept as NOT_SENT (takes nothing).
            recorder.completeCredit(begun.transactionId(), PaymentResult.notSent(notConfigured.getMessage()));
            throw notConfigured;
        }
        LOG.log(Level.INFO, "Refund {0} of order {1} ({2})", credit.getAmount(), orderPublicId, channel.wire());
        Attempt attempt = credit.attempt();
        Money money = credit.getAmount();
        String original = begun.originalReference();
        Sent sent = send(begun.transactionId(), TransactionKind.CREDIT,
                () -> channel.credit(attempt, money, original, begun.wholeOriginal()),
                () -> channel.settleCredit(attempt, money, original, begun.facts()));
        return recorder.completeCredit(begun.transactionId(), sent.result(), sent.settledBy());
    }

    /**
     * Voids an authorization not yet captured, or a card sale held for review (Payflow RESULT 126), of an order
     * awaiting payment. On approval the order is cancelled and its promotion-code use released; nothing is granted.
     *
     * @param transactionPublicId the public id of the transaction to void
     * @return the VOID transaction with its final (or unknown) status
     * @throws org.eventcommerce.domain.common.NotFoundException when the transaction is not in the site
     * @throws BusinessException {@code /problems/transaction-state} (409) when it cannot be voided (a pending PayPal
     *                           sale: {@code error.void.pendingPayPalSale}); {@code /problems/refund-not-supported}
     *                           (422) when another provider took it; {@code /problems/e-commerce-disabled} (422) when
     *                           the mode's credentials are missing
     */
    public PaymentTransaction voidPayment(long siteId, String transactionPublicId) {
        CommerceConfiguration config = settings.get(siteId);
        PaymentTransaction target = recorder.transaction(siteId, transactionPublicId);
        FollowOnChannels.requireReachable(config, java.util.Set.of(target.getProviderType()));
        FollowOnChannel channel = channels.of(config, target);
        FollowOnRecorder.Begun begun = recorder.beginVoid(siteId, transactionPublicId);
        PaymentTransaction v = begun.transaction();
        Attempt attempt = v.attempt();
        Money currencyCarrier = v.getAmount();
        String original = begun.originalReference();
        Sent sent = send(begun.transactionId(), TransactionKind.VOID,
                () -> channel.voidOf(attempt, currencyCarrier, original),
                () -> channel.settleVoid(attempt, currencyCarrier, original));
        return recorder.completeVoid(begun.transactionId(), sent.result(), sent.settledBy());
    }

    /**
     * Captures the order's approved authorization (the site's payment action Authorization): the whole of it when
     * {@code amount} is null, else {@code amount}, never more than authorized; one capture, the last (Payflow
     * {@code TRXTYPE=D} with {@code ORIGID} = the authorization's PNREF, {@code TENDER=C} or {@code P} [PFP-2009 p.32;
     * PFP-EC Table A.17]; classic DoCapture with {@code COMPLETETYPE=Complete}, CURRENCYCODE and MSGSUBID [DEV
     * do-capture-nvp]). Resent once with the same attempt when the outcome is unknown; a Payflow capture still unknown
     * is settled by an inquiry on its CUSTREF. On approval the order is PAID, the promotion-code use confirmed and the
     * entitlement granted.
     *
     * @param amount   the amount in {@code currency}, or null for the whole authorization
     * @param currency the amount's currency, null with a null amount
     * @return the CAPTURE transaction with its final (or unknown) status
     * @throws org.eventcommerce.domain.common.NotFoundException   when the order is not in the site
     * @throws BusinessException {@code /problems/order-state} (409) unless the order is AUTHORIZED;
     *                           {@code /problems/capture-exceeds-authorized} (422); {@code /problems/currency-mismatch}
     *                           (422); {@code /problems/transaction-state} (409) when a capture or void is in flight;
     *                           {@code /problems/refund-not-supported} (422) when another provider took the payment;
     *                           {@code /problems/e-commerce-disabled} (422) without usable credentials
     * @throws org.eventcommerce.domain.common.ValidationException field {@code amount.amount}
     */
    public PaymentTransaction capture(long siteId, String orderPublicId, BigDecimal amount, Currency currency) {
        CommerceConfiguration config = settings.get(siteId);
        PaymentTransaction authorization = recorder.authorization(recorder.order(siteId, orderPublicId))
                .orElse(null);
        FollowOnChannel channel = null;
        if (authorization != null) {
            FollowOnChannels.requireReachable(config, java.util.Set.of(authorization.getProviderType()));
            channel = channels.of(config, authorization);
        }
        FollowOnRecorder.Begun begun = recorder.beginCapture(siteId, orderPublicId, amount, currency);
        PaymentTransaction capture = begun.transaction();
        FollowOnChannel to = channel != null ? channel : channels.of(config, capture.getOriginal());
        Attempt attempt = capture.attempt();
        Money money = capture.getAmount();
        String original = begun.originalReference();
        LOG.log(Level.INFO, "Capture {0} of order {1} ({2})", money, orderPublicId, to.wire());
        Sent sent = send(begun.transactionId(), TransactionKind.CAPTURE,
                () -> to.capture(attempt, money, original), () -> to.settleCapture(attempt, money, original));
        return recorder.completeCapture(begun.transactionId(), sent.result(), sent.settledBy());
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
     * What {@link #send} came to: the result to record, and {@link SettledBy#PAYMENT} when a look-up settled it
     * (null when it is the call's own answer).
     */
    record Sent(PaymentResult result, SettledBy settledBy) {
    }

    /**
     * Sends a follow-on call, resends it once with the same attempt after UNKNOWN/NOT_SENT, and when still unknown
     * asks {@code settle} (class comment).
     */
    Sent send(long transactionId, TransactionKind kind, Supplier<PaymentResult> call,
              Supplier<Optional<PaymentResult>> settle) {
        PaymentResult result = call.get();
        if (result.status() == PaymentStatus.UNKNOWN || result.status() == PaymentStatus.NOT_SENT) {
            LOG.log(Level.WARNING, "{0} {1} outcome {2} ({3}); resending the same attempt", kind, transactionId,
                    result.status(), result.message());
            payments.countResend(transactionId);
            result = call.get();
        }
        if (result.status() == PaymentStatus.UNKNOWN) {
            Optional<PaymentResult> settled = settle.get();
            if (settled.isPresent()) {
                return new Sent(settled.get(), SettledBy.PAYMENT);
            }
        }
        return new Sent(result, null);
    }
}
