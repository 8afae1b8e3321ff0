package org.eventcommerce.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.eventcommerce.domain.common.Problems;
import org.eventcommerce.domain.entitlement.EntitlementService;
import org.eventcommerce.domain.order.OrderService;
import org.eventcommerce.domain.order.OrderStatus;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.promotion.PromotionCode;
import org.eventcommerce.domain.promotion.PromotionCodeService;
import org.eventcommerce.domain.promotion.PromotionProblems;
import org.eventcommerce.domain.promotion.RedemptionService;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;

/**
 * The database steps of the payment lifecycle (DESIGN.md), each in its own transaction so that the
 * provider call happens between commits: {@link #begin} records the attempt as PENDING before the call;
 * {@link #complete} records the outcome and, on approval, marks the order paid and grants the entitlement
 * in one transaction.
 */
@ApplicationScoped
public class PaymentRecorder {

    @PersistenceContext
    EntityManager em;

    @Inject
    OrderService orders;

    @Inject
    EntitlementService entitlements;

    @Inject
    RedemptionService redemptions;

    @Inject
    PromotionCodeService promotionCodes;

    @Inject
    FollowOnRecorder followOns;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<AttemptRecorded> attemptRecorded;

    @Inject
    org.eventcommerce.domain.payment.reconcile.ReconciliationAlerts alerts;

    /**
     * Locks the order, checks it can be paid and no other attempt is open, and records a PENDING sale.
     *
     * @return the new transaction's id
     * @throws org.eventcommerce.domain.common.BusinessException {@code /problems/order-state} when the order is
     *         not awaiting payment or another attempt is pending, unknown or held
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long begin(String orderPublicId, CommerceConfiguration config, OperatingMode mode, String brand,
                      String last4) {
        return begin(orderPublicId, config, mode, TransactionKind.SALE, brand, last4);
    }

    /**
     * As {@link #begin(String, CommerceConfiguration, OperatingMode, String, String)}, recording a PENDING payment of
     * {@code kind}: SALE, or AUTHORIZATION when the site's payment action is Authorization.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long begin(String orderPublicId, CommerceConfiguration config, OperatingMode mode, TransactionKind kind,
                      String brand, String last4) {
        return begin(orderPublicId, config, mode, kind, brand, last4, null);
    }

    /**
     * As {@link #begin(String, CommerceConfiguration, OperatingMode, TransactionKind, String, String)}, and only when
     * the order's total, read under the lock, is {@code expectedTotal} (the amount the payer saw on the Pay button;
     * null: no expectation, as on the API): a promotion code applied or removed meanwhile in another tab changes the
     * total, and the payer must see the new one before paying it.
     *
     * @throws org.eventcommerce.domain.common.BusinessException {@code /problems/order-state}
     *         ({@code error.totalChanged}, with the new total) when the total is not {@code expectedTotal}
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long begin(String orderPublicId, CommerceConfiguration config, OperatingMode mode, TransactionKind kind,
                      String brand, String last4, Money expectedTotal) {
        PurchaseOrder order = orders.lock(orderPublicId);
        if (order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
            throw Problems.orderState("The order is " + order.getStatus());
        }
        if (expectedTotal != null && !expectedTotal.equals(order.getTotal())) {
            throw new org.eventcommerce.domain.common.BusinessException("/problems/order-state", 409,
                    "error.totalChanged", "The order's total changed since the payment page was shown",
                    order.getTotal().amount().toPlainString(), order.getTotal().currency().getCurrencyCode());
        }
        List<PaymentTransaction> open = open(order);
        abandonAwaitingBuyer(open);
        if (open.stream().anyMatch(t -> !t.isAwaitingBuyer())) {
            throw Problems.orderState("A payment for this order is already in progress");
        }
        return record(order, config, mode, kind, brand, last4);
    }

    /** What {@link #beginRedirect} decided: a new PENDING attempt, or one still waiting for the buyer to reuse. */
    public record RedirectAttempt(long transactionId, String reusableToken) {

        /** True when the buyer can be sent back to PayPal with {@link #reusableToken()} (no new call needed). */
        public boolean reuse() {
            return reusableToken != null;
        }
    }

    /**
     * Like {@link #begin} for a redirect payment (Express Checkout): an attempt of the same provider and amount still
     * waiting for the buyer whose token is younger than {@code tokenLifetime} is taken up again (the buyer goes
     * back to PayPal with the same token, §3.3); older ones are abandoned (no money moved: nothing is paid before
     * DoExpressCheckoutPayment) and a new PENDING attempt is recorded.
     *
     * @throws org.eventcommerce.domain.common.BusinessException as {@link #begin}
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RedirectAttempt beginRedirect(String orderPublicId, CommerceConfiguration config, OperatingMode mode,
                                         TransactionKind kind, String brand, java.time.Duration tokenLifetime) {
        PurchaseOrder order = orders.lock(orderPublicId);
        if (order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
            throw Problems.orderState("The order is " + order.getStatus());
        }
        List<PaymentTransaction> open = open(order);
        java.time.Instant freshAfter = clock.instant().minus(tokenLifetime);
        for (PaymentTransaction t : open) {
            if (t.isAwaitingBuyer() && t.getProviderType() == config.getProviderType() && t.getMode() == mode
                    && t.getKind() == kind && t.getAmount().equals(order.getTotal())
                    && t.getCreatedAt().isAfter(freshAfter)) {
                return new RedirectAttempt(t.getId(), t.getCheckoutToken());
            }
        }
        abandonAwaitingBuyer(open);
        if (open.stream().anyMatch(t -> !t.isAwaitingBuyer())) {
            throw Problems.orderState("A payment for this order is already in progress");
        }
        return new RedirectAttempt(record(order, config, mode, kind, brand, null), null);
    }

    private List<PaymentTransaction> open(PurchaseOrder order) {
        return em.createQuery("select t from PaymentTransaction t where t.order.id = :o "
                        + "and t.status in :st", PaymentTransaction.class)
                .setParameter("o", order.getId())
                .setParameter("st", List.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN, PaymentStatus.HELD))
                .getResultList();
    }

    /** Closes attempts still waiting for the buyer on PayPal (nothing was paid); the code use stays reserved. */
    private void abandonAwaitingBuyer(List<PaymentTransaction> open) {
        for (PaymentTransaction t : open) {
            if (t.isAwaitingBuyer()) {
                t.settle(PaymentStatus.DECLINED, null, ABANDONED, "Abandoned: another payment attempt was started",
                        clock.instant());
            }
        }
    }

    private long record(PurchaseOrder order, CommerceConfiguration config, OperatingMode mode, TransactionKind kind,
                        String brand, String last4) {
        if (order.getPromotionCode() != null) {
            // The code is checked again when payment is submitted: nothing is charged with a code that was
            // deleted or expired since the order was placed (the attendee removes it and pays the full price).
            PromotionCode code = promotionCodes.find(order.getSite().getId(), order.getPromotionCode())
                    .orElseThrow(PromotionProblems::unknown);
            if (code.isDeleted()) {
                throw PromotionProblems.deleted(code.getCode());
            }
            if (code.isExpired(clock.instant(), order.getSite().getTimeZone())) {
                throw PromotionProblems.expired(code.getCode());
            }
            if (redemptions.reserved(order).isEmpty()) {
                // The use was released by an earlier decline: take a use again, or fail as used up.
                redemptions.reserve(code, order);
            }
        }
        PaymentTransaction t = new PaymentTransaction(order, kind, order.getTotal(), mode,
                config.getProviderType(), Attempt.newAttempt(), brand, last4, clock.instant());
        t.countSend(clock.instant());
        em.persist(t);
        em.flush();
        attemptRecorded.fire(new AttemptRecorded(t.getId()));
        return t.getId();
    }

    /** Result code of an attempt closed because the buyer cancelled on PayPal's page (nothing was paid). */
    public static final String CANCELLED = "CANCELLED";

    /** Result code of an attempt left on PayPal's page and replaced by a new one (nothing was paid). */
    public static final String ABANDONED = "ABANDONED";

    /** Records the Express Checkout token of a PENDING redirect attempt (after SetExpressCheckout). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void redirected(long transactionId, String token) {
        em.find(PaymentTransaction.class, transactionId).redirectedWith(token, clock.instant());
    }

    /**
     * Closes a redirect attempt as DECLINED without any charge (the buyer cancelled, the token expired, PayPal
     * refused to start the checkout). The order's promotion-code use stays reserved for a retry; it lapses with the
     * order (ReservationLapse) when no attempt follows.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction closeUnpaid(long transactionId, String resultCode, String message) {
        PaymentTransaction t = em.find(PaymentTransaction.class, transactionId);
        orders.lock(t.getOrder().getPublicId());
        if (t.getStatus() == PaymentStatus.PENDING) {
            t.settle(PaymentStatus.DECLINED, null, resultCode, message, clock.instant());
        }
        return t;
    }

    /**
     * Marks that the payment call of a redirect attempt is about to be sent with the buyer's {@code payerId}, under a
     * lock on the order. Returns false when the attempt is no longer open (already settled or abandoned): then nothing
     * may be sent.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean completing(long transactionId, String payerId) {
        PaymentTransaction t = em.find(PaymentTransaction.class, transactionId);
        orders.lock(t.getOrder().getPublicId());
        em.refresh(t);
        if (t.getStatus() != PaymentStatus.PENDING && t.getStatus() != PaymentStatus.UNKNOWN) {
            return false;
        }
        t.completing(payerId, clock.instant());
        return true;
    }

    /** After 10486: the attempt stays PENDING, waiting for the buyer to choose other funding on PayPal (§3.4). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void backToPayPal(long transactionId, String resultCode, String message) {
        em.find(PaymentTransaction.class, transactionId).backToPayPal(resultCode, message, clock.instant());
    }

    /** Records the SECURETOKENID of a PENDING hosted-page attempt before CREATESECURETOKEN is sent (§1.7). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void secureTokenId(long transactionId, String secureTokenId) {
        em.find(PaymentTransaction.class, transactionId).useSecureTokenId(secureTokenId, clock.instant());
    }

    /** The hosted-page attempt that sent {@code secureTokenId}, if any. */
    @Transactional
    public java.util.Optional<PaymentTransaction> bySecureTokenId(String secureTokenId) {
        return em.createQuery("select t from PaymentTransaction t where t.secureTokenId = :k", PaymentTransaction.class)
                .setParameter("k", secureTokenId).getResultStream().findFirst();
    }

    /** The attempt of order {@code orderPublicId} that holds Express Checkout token {@code token}, if any. */
    @Transactional
    public java.util.Optional<PaymentTransaction> byCheckoutToken(String orderPublicId, String token) {
        return em.createQuery("select t from PaymentTransaction t where t.checkoutToken = :k "
                        + "and t.order.publicId = :o", PaymentTransaction.class)
                .setParameter("k", token).setParameter("o", orderPublicId).getResultStream().findFirst();
    }

    /** Counts one more send of the same attempt (a resend after an unknown outcome). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void countResend(long transactionId) {
        em.find(PaymentTransaction.class, transactionId).countSend(clock.instant());
    }

    /**
     * Records {@code result}; on APPROVED marks the order paid and grants access (an authorization: marks it
     * AUTHORIZED, grants nothing), all in this transaction. An approval for an order that is no longer awaiting
     * payment is recorded but grants nothing twice. A Payflow {@code DUPLICATE=1} answer that does not match the
     * attempt is recorded as UNKNOWN without its PNREF and raises an alert.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction complete(long transactionId, PaymentResult result) {
        return complete(transactionId, result, List.of(), null);
    }

    /**
     * As {@link #complete(long, PaymentResult)}, also raising an alert for each of {@code disagreements} (what an
     * inquiry after {@code result} contradicted in our record, so that it settled nothing).
     *
     * @param detail what was asked and answered, for the alerts
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction complete(long transactionId, PaymentResult result,
                                       List<org.eventcommerce.domain.payment.reconcile.Disagreement> disagreements,
                                       String detail) {
        PaymentTransaction t = em.find(PaymentTransaction.class, transactionId);
        PurchaseOrder order = orders.lock(t.getOrder().getPublicId());
        em.refresh(t);
        List<org.eventcommerce.domain.payment.reconcile.Disagreement> all = new java.util.ArrayList<>(disagreements);
        if (t.getStatus().isFinal() && result.status() != t.getStatus()) {
            // settled meanwhile (by the reconciler's inquiry) and now answered otherwise: the answer is the truth
            all.add(new org.eventcommerce.domain.payment.reconcile.Disagreement(
                    org.eventcommerce.domain.payment.reconcile.Disagreement.Kind.STATUS, t.getStatus().name(),
                    result.status().name()));
        }
        t.record(result, clock.instant());
        alerts.raiseForAnswer(t, result);
        if (!all.isEmpty()) {
            alerts.raise(t, all, detail != null ? detail : "The provider's answer: " + result.message());
        }
        if (result.status() == PaymentStatus.APPROVED) {
            approve(order, t);
        } else if (result.status() == PaymentStatus.DECLINED || result.status() == PaymentStatus.NOT_SENT) {
            redemptions.release(order);
        }
        return t;
    }

    /** Settles an open transaction from an inquiry's finding made by the payment's own flow. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction settle(long transactionId, PaymentStatus status, String reference, String resultCode,
                                     String message) {
        return settle(transactionId, status, reference, resultCode, message, SettledBy.PAYMENT, List.of());
    }

    /**
     * Settles a transaction from an inquiry's finding, exactly as its own answer would have: APPROVED pays the order
     * (code use confirmed, access granted; an authorization: AUTHORIZED) unless it is no longer awaiting payment;
     * DECLINED and NOT_SENT release the code use; HELD grants nothing. Marked as settled by {@code by}. Each of
     * {@code disagreements} raises an alert, and so does a status that contradicts one we had recorded as final.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction settle(long transactionId, PaymentStatus status, String reference, String resultCode,
                                     String message, SettledBy by,
                                     List<org.eventcommerce.domain.payment.reconcile.Disagreement> disagreements) {
        PaymentTransaction t = em.find(PaymentTransaction.class, transactionId);
        PurchaseOrder order = orders.lock(t.getOrder().getPublicId());
        em.refresh(t);
        apply(t, order, status, reference, resultCode, message, by, disagreements);
        return t;
    }

    /**
     * The reconciler's {@link #settle}: only when the transaction is still one of {@code open} and unchanged since
     * the reconciler read it ({@code readUpdatedAt}), so an answer that arrived meanwhile (a return opened again, a
     * resend) is never overwritten.
     *
     * @return the settled transaction, or empty when it changed meanwhile
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.Optional<PaymentTransaction> settleIfUnchanged(long transactionId, java.time.Instant readUpdatedAt,
            PaymentStatus status, String reference, String resultCode, String message,
            List<org.eventcommerce.domain.payment.reconcile.Disagreement> disagreements) {
        PaymentTransaction t = em.find(PaymentTransaction.class, transactionId);
        PurchaseOrder order = orders.lock(t.getOrder().getPublicId());
        em.refresh(t);
        if (!unchanged(t, readUpdatedAt)) {
            return java.util.Optional.empty();
        }
        apply(t, order, status, reference, resultCode, message, SettledBy.RECONCILER, disagreements);
        return java.util.Optional.of(t);
    }

    /**
     * The reconciler's {@link #closeUnpaid}: a PENDING redirect attempt whose buyer never came back within the token's
     * lifetime is closed as DECLINED with {@code resultCode} (nothing can have been paid), when unchanged since read.
     *
     * @return the closed transaction, or empty when it changed meanwhile
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.Optional<PaymentTransaction> closeUnpaidIfUnchanged(long transactionId,
            java.time.Instant readUpdatedAt, String resultCode, String message) {
        PaymentTransaction t = em.find(PaymentTransaction.class, transactionId);
        orders.lock(t.getOrder().getPublicId());
        em.refresh(t);
        if (t.getStatus() != PaymentStatus.PENDING || !unchanged(t, readUpdatedAt)) {
            return java.util.Optional.empty();
        }
        t.settle(PaymentStatus.DECLINED, null, resultCode, message, clock.instant());
        t.settledBy(SettledBy.RECONCILER, clock.instant());
        return java.util.Optional.of(t);
    }

    /** Raises an alert per disagreement about the transaction, under the lock on its order. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void raiseAlerts(long transactionId,
                            List<org.eventcommerce.domain.payment.reconcile.Disagreement> disagreements, String detail) {
        PaymentTransaction t = em.find(PaymentTransaction.class, transactionId);
        orders.lock(t.getOrder().getPublicId());
        alerts.raise(t, disagreements, detail);
    }

    /** True while {@code t} is open (PENDING, UNKNOWN, HELD) and was not written since {@code readUpdatedAt}. */
    static boolean unchanged(PaymentTransaction t, java.time.Instant readUpdatedAt) {
        return !t.getStatus().isFinal() && (readUpdatedAt == null || !t.getUpdatedAt().isAfter(readUpdatedAt));
    }

    private void apply(PaymentTransaction t, PurchaseOrder order, PaymentStatus status, String reference,
                       String resultCode, String message, SettledBy by,
                       List<org.eventcommerce.domain.payment.reconcile.Disagreement> disagreements) {
        List<org.eventcommerce.domain.payment.reconcile.Disagreement> all = new java.util.ArrayList<>(disagreements);
        if (t.getStatus().isFinal() && status != t.getStatus()) {
            all.add(new org.eventcommerce.domain.payment.reconcile.Disagreement(
                    org.eventcommerce.domain.payment.reconcile.Disagreement.Kind.STATUS,
                    t.getStatus().name() + (t.getResultCode() == null ? "" : " (" + t.getResultCode() + ")"),
                    status.name()));
        }
        if (!all.isEmpty()) {
            alerts.raise(t, all, message);
        }
        t.settle(status, reference, resultCode, message, clock.instant());
        t.settledBy(by, clock.instant());
        if (status == PaymentStatus.APPROVED) {
            approve(order, t);
        } else if (status == PaymentStatus.DECLINED || status == PaymentStatus.NOT_SENT) {
            redemptions.release(order);
        }
    }

    /**
     * Accepts a payment held for review after an inquiry showed PayPal settled or approved it (issue 4 "Held
     * payments"): the transaction becomes APPROVED and, as for a sale's approval, the order is paid, the
     * promotion-code use confirmed and the entitlement granted, all in this transaction.
     *
     * @param message what the inquiry reported, kept as the transaction's message
     * @throws org.eventcommerce.domain.common.BusinessException {@code /problems/transaction-state} when the
     *         transaction is no longer HELD or a void of it is in progress
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction acceptHeld(long transactionId, String message) {
        return acceptHeld(transactionId, message, SettledBy.ADMINISTRATOR);
    }

    /** As {@link #acceptHeld(long, String)}, marked as settled by {@code by} (the reconciler accepts too). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction acceptHeld(long transactionId, String message, SettledBy by) {
        PaymentTransaction t = followOns.locked(transactionId);
        PurchaseOrder order = t.getOrder();
        boolean voiding = !em.createQuery("select v.id from PaymentTransaction v where v.original.id = :o "
                        + "and v.kind = :k and v.status in :st", Long.class).setParameter("o", t.getId())
                .setParameter("k", TransactionKind.VOID)
                .setParameter("st", List.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN, PaymentStatus.APPROVED))
                .setMaxResults(1).getResultList().isEmpty();
        if (t.getStatus() != PaymentStatus.HELD || voiding) {
            throw FollowOnRecorder.transactionState("Transaction " + t.getPublicId()
                    + " is no longer held for review");
        }
        t.settle(PaymentStatus.APPROVED, null, null, message, clock.instant());
        t.settledBy(by, clock.instant());
        approve(order, t);
        return t;
    }

    /** The transaction, detached view for reading. */
    @Transactional
    public PaymentTransaction get(long id) {
        return em.find(PaymentTransaction.class, id);
    }

    /** Transactions of an order, oldest first. */
    @Transactional
    public List<PaymentTransaction> ofOrder(PurchaseOrder order) {
        return em.createQuery("select t from PaymentTransaction t where t.order.id = :o order by t.createdAt, t.id",
                PaymentTransaction.class).setParameter("o", order.getId()).getResultList();
    }

    /**
     * An approved payment {@code t} of {@code order}: a sale pays the order in {@code t}'s mode (code use confirmed,
     * access granted); an authorization only marks it AUTHORIZED (the code use stays reserved, nothing is granted
     * until the capture, {@link FollowOnRecorder#completeCapture}).
     */
    private void approve(PurchaseOrder order, PaymentTransaction t) {
        if (order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
            return;
        }
        if (t.getKind() == TransactionKind.AUTHORIZATION) {
            order.markAuthorized();
            return;
        }
        order.markPaid(clock.instant(), t.getMode());
        redemptions.confirm(order);
        entitlements.grant(order, clock.instant());
    }
}
