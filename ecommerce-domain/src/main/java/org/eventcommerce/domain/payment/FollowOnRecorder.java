package org.eventcommerce.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.entitlement.EntitlementService;
import org.eventcommerce.domain.order.OrderService;
import org.eventcommerce.domain.order.OrderStatus;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.promotion.RedemptionService;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * The database steps of refunds (Payflow credit, TRXTYPE=C) and voids (TRXTYPE=V) [PFP-2009 Table 4.1; pp.38-40],
 * following DESIGN.md "The payment lifecycle" as {@link PaymentRecorder} does for sales: each step in its own
 * transaction under a lock on the order row, so the provider call happens between commits. {@code begin…} records
 * the call as PENDING with a fresh request id and CUSTREF before it is sent; {@code complete…} records the outcome
 * and applies it to the order in the same transaction.
 */
@ApplicationScoped
public class FollowOnRecorder {

    /**
     * Statuses of a credit or void whose money is taken until its outcome is known: sent or about to be (PENDING),
     * unknown, or delayed by PayPal (a classic refund answered {@code REFUNDSTATUS=delayed} is HELD: PayPal will make
     * it [NVP-2013 "RefundTransaction Response Fields"]).
     */
    private static final List<PaymentStatus> IN_FLIGHT = List.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN,
            PaymentStatus.HELD);

    @PersistenceContext
    EntityManager em;

    @Inject
    OrderService orders;

    @Inject
    EntitlementService entitlements;

    @Inject
    RedemptionService redemptions;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<AttemptRecorded> attemptRecorded;

    @Inject
    org.eventcommerce.domain.payment.reconcile.ReconciliationAlerts alerts;

    /**
     * What a {@code begin…} step recorded.
     *
     * @param transactionId     the new PENDING transaction's id
     * @param originalReference the PNREF or PayPal transaction id the call refers to (Payflow ORIGID)
     * @param transaction       the new transaction (detached); {@link PaymentTransaction#getOriginal()} is the payment
     * @param wholeOriginal     for a credit: it is the whole original and nothing of it was refunded or is being
     *                          refunded (classic Express Checkout then sends {@code REFUNDTYPE=Full}); else false
     * @param facts             for a credit: the original's refunds before it, to settle an unknown outcome; else null
     */
    public record Begun(long transactionId, String originalReference, PaymentTransaction transaction,
                        boolean wholeOriginal, FollowOnChannel.CreditFacts facts) {

        /** A begun void or capture. */
        Begun(long transactionId, String originalReference, PaymentTransaction transaction) {
            this(transactionId, originalReference, transaction, false, null);
        }
    }

    /**
     * The refund figures of an order, read without a lock (for showing the default amount).
     *
     * @throws NotFoundException when the order is not in the site
     */
    @Transactional
    public RefundRules.Refundable refundable(long siteId, String orderPublicId) {
        return refundable(orders.get(siteId, orderPublicId));
    }

    /**
     * Locks the order, applies {@link RefundRules} (in-flight credits count as taken) and records a PENDING credit
     * against the approved sale or capture that still holds the amount.
     *
     * @param amount   the amount asked for, or null for the whole remainder
     * @param currency the currency of {@code amount}, null with it
     * @throws NotFoundException   when the order is not in the site
     * @throws BusinessException   {@code /problems/order-not-paid}, {@code /problems/refund-exceeds-refundable},
     *                             {@code /problems/currency-mismatch} (see {@link RefundRules})
     * @throws org.eventcommerce.domain.common.ValidationException a non-positive amount or too many decimals
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Begun beginCredit(long siteId, String orderPublicId, BigDecimal amount, Currency currency) {
        orders.get(siteId, orderPublicId);
        PurchaseOrder order = orders.lock(orderPublicId);
        RefundRules.requireRefundableStatus(order.getStatus());
        Money credit = RefundRules.amountToRefund(amount, currency, refundable(order));
        PaymentTransaction original = captures(order).stream()
                .filter(c -> c.getAmount().minus(taken(c)).compareTo(credit) >= 0).findFirst()
                .orElseThrow(() -> new BusinessException("/problems/refund-exceeds-refundable", 422,
                        "error.refund.splitCaptures", "No single captured payment holds " + credit));
        Money approvedBefore = credits(original, List.of(PaymentStatus.APPROVED));
        boolean othersInFlight = credits(original, IN_FLIGHT).isPositive();
        boolean whole = approvedBefore.isZero() && !othersInFlight && credit.equals(original.getAmount());
        PaymentTransaction t = PaymentTransaction.followOn(original, TransactionKind.CREDIT, credit,
                Attempt.newAttempt(), clock.instant());
        t.countSend(clock.instant());
        em.persist(t);
        em.flush();
        attemptRecorded.fire(new AttemptRecorded(t.getId()));
        return new Begun(t.getId(), original.getReference(), t, whole,
                new FollowOnChannel.CreditFacts(original.getAmount(), approvedBefore, othersInFlight));
    }

    /**
     * Locks the order and records a PENDING void of the transaction {@code transactionPublicId}: an authorization
     * not yet captured (of an AUTHORIZED order), or a card sale held for review (Payflow RESULT 126, §1.6), of an
     * order still awaiting payment.
     *
     * @throws NotFoundException when the transaction is not in the site
     * @throws BusinessException {@code /problems/transaction-state} (409) when it cannot be voided or a void of it
     *                           is already in flight
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Begun beginVoid(long siteId, String transactionPublicId) {
        PaymentTransaction target = transaction(siteId, transactionPublicId);
        PurchaseOrder order = orders.lock(target.getOrder().getPublicId());
        em.refresh(target);
        if (isPendingPayPalSale(target)) {
            throw new BusinessException("/problems/transaction-state", 409, "error.void.pendingPayPalSale",
                    "PayPal does not void a pending sale: it ends when PayPal completes or denies it");
        }
        if (!isVoidable(target)) {
            throw transactionState("Transaction " + target.getPublicId() + " is a " + target.getStatus() + " "
                    + target.getKind() + " of a " + order.getStatus() + " order: it cannot be voided");
        }
        if (hasFollowOnInFlight(target, TransactionKind.VOID) || hasFollowOnInFlight(target, TransactionKind.CAPTURE)) {
            throw transactionState("A void or capture of this transaction is already in progress");
        }
        PaymentTransaction t = PaymentTransaction.followOn(target, TransactionKind.VOID, target.getAmount(),
                Attempt.newAttempt(), clock.instant());
        t.countSend(clock.instant());
        em.persist(t);
        em.flush();
        attemptRecorded.fire(new AttemptRecorded(t.getId()));
        return new Begun(t.getId(), target.getReference(), t);
    }

    /**
     * Locks the order and records a PENDING capture of its approved authorization: the whole of it when
     * {@code amount} is null, else {@code amount} ({@link CaptureRules}).
     *
     * @throws NotFoundException when the order is not in the site
     * @throws BusinessException {@code /problems/order-state} (409) unless the order is AUTHORIZED;
     *                           {@code /problems/transaction-state} (409) when a capture or void of the authorization is
     *                           in flight; {@code /problems/capture-exceeds-authorized}, {@code /problems/currency-mismatch}
     *                           (422)
     * @throws org.eventcommerce.domain.common.ValidationException a non-positive amount or too many decimals
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Begun beginCapture(long siteId, String orderPublicId, BigDecimal amount, Currency currency) {
        orders.get(siteId, orderPublicId);
        PurchaseOrder order = orders.lock(orderPublicId);
        if (order.getStatus() != OrderStatus.AUTHORIZED) {
            throw new BusinessException("/problems/order-state", 409, "error.capture.notAuthorized",
                    "The order is " + order.getStatus() + ": there is no authorized payment to capture",
                    order.getStatus().name());
        }
        PaymentTransaction authorization = authorization(order).orElseThrow(() -> new BusinessException(
                "/problems/order-state", 409, "error.capture.notAuthorized",
                "The order has no approved authorization", order.getStatus().name()));
        if (hasFollowOnInFlight(authorization, TransactionKind.CAPTURE)
                || hasFollowOnInFlight(authorization, TransactionKind.VOID)) {
            throw transactionState("A capture or void of this authorization is already in progress");
        }
        Money capture = CaptureRules.amountToCapture(amount, currency, authorization.getAmount());
        PaymentTransaction t = PaymentTransaction.followOn(authorization, TransactionKind.CAPTURE, capture,
                Attempt.newAttempt(), clock.instant());
        t.countSend(clock.instant());
        em.persist(t);
        em.flush();
        attemptRecorded.fire(new AttemptRecorded(t.getId()));
        return new Begun(t.getId(), authorization.getReference(), t);
    }

    /**
     * The order {@code orderPublicId} of the site.
     *
     * @throws NotFoundException when there is none
     */
    @Transactional
    public PurchaseOrder order(long siteId, String orderPublicId) {
        return orders.get(siteId, orderPublicId);
    }

    /**
     * The order's approved authorization (the latest), if any: what a capture takes and a void cancels.
     */
    @Transactional
    public java.util.Optional<PaymentTransaction> authorization(PurchaseOrder order) {
        return em.createQuery("select t from PaymentTransaction t where t.order.id = :o and t.kind = :k "
                        + "and t.status = :st order by t.createdAt desc, t.id desc", PaymentTransaction.class)
                .setParameter("o", order.getId()).setParameter("k", TransactionKind.AUTHORIZATION)
                .setParameter("st", PaymentStatus.APPROVED).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Records a capture's outcome. On approval the order is paid (the captured amount is what later refunds may
     * give back), the promotion-code use confirmed and the entitlement granted, in this same transaction (DESIGN.md
     * "The payment lifecycle": access exists only after the payment). A decline changes nothing else: the order
     * stays AUTHORIZED and may be captured again or voided; an unknown outcome blocks further captures until
     * resolved.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction completeCapture(long transactionId, PaymentResult result) {
        return completeCapture(transactionId, result, null);
    }

    /** As {@link #completeCapture(long, PaymentResult)}; {@code by} marks an outcome settled by inquiry, or null. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction completeCapture(long transactionId, PaymentResult result, SettledBy by) {
        PaymentTransaction t = locked(transactionId);
        applyCapture(t, result, by);
        return t;
    }

    private void applyCapture(PaymentTransaction t, PaymentResult result, SettledBy by) {
        PurchaseOrder order = t.getOrder();
        record(t, result, by);
        if (result.status() == PaymentStatus.APPROVED && order.getStatus() == OrderStatus.AUTHORIZED) {
            order.markPaid(clock.instant(), t.getMode());
            redemptions.confirm(order);
            entitlements.grant(order, clock.instant());
        }
    }

    /** Records {@code result} on {@code t}, raises the alert of a mismatched duplicate answer, marks {@code by}. */
    private void record(PaymentTransaction t, PaymentResult result, SettledBy by) {
        t.record(result, clock.instant());
        alerts.raiseForAnswer(t, result);
        if (by != null) {
            t.settledBy(by, clock.instant());
        }
    }

    /**
     * The reconciler's completion of a credit, void or capture that was left open: {@code result} is recorded and
     * applied exactly as its own answer would have been ({@link #completeCredit}, {@link #completeVoid},
     * {@link #completeCapture}), marked as settled by the reconciler, only when the transaction is still open and
     * unchanged since the reconciler read it ({@code readUpdatedAt}). Each of {@code disagreements} raises an alert.
     *
     * @return the completed transaction, or empty when it changed meanwhile
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.Optional<PaymentTransaction> completeIfUnchanged(long transactionId,
            java.time.Instant readUpdatedAt, PaymentResult result,
            List<org.eventcommerce.domain.payment.reconcile.Disagreement> disagreements) {
        PaymentTransaction t = locked(transactionId);
        if (!PaymentRecorder.unchanged(t, readUpdatedAt)) {
            return java.util.Optional.empty();
        }
        if (!disagreements.isEmpty()) {
            alerts.raise(t, disagreements, result.message());
        }
        switch (t.getKind()) {
            case CREDIT -> applyCredit(t, result, SettledBy.RECONCILER);
            case VOID -> applyVoid(t, result, SettledBy.RECONCILER);
            case CAPTURE -> applyCapture(t, result, SettledBy.RECONCILER);
            default -> throw new IllegalArgumentException("Not a follow-on: " + t.getKind());
        }
        return java.util.Optional.of(t);
    }

    /**
     * Records a credit's outcome. On approval the order's refunded total grows and its status becomes
     * PARTIALLY_REFUNDED or REFUNDED; a full refund revokes the entitlement and releases the promotion-code use
     * (DESIGN.md vocabulary "Entitlement", "Redemption"), in this same transaction. A decline changes nothing
     * else; an unknown outcome keeps the amount taken until it is resolved.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction completeCredit(long transactionId, PaymentResult result) {
        return completeCredit(transactionId, result, null);
    }

    /** As {@link #completeCredit(long, PaymentResult)}; {@code by} marks an outcome settled by inquiry, or null. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction completeCredit(long transactionId, PaymentResult result, SettledBy by) {
        PaymentTransaction t = locked(transactionId);
        applyCredit(t, result, by);
        return t;
    }

    private void applyCredit(PaymentTransaction t, PaymentResult result, SettledBy by) {
        PurchaseOrder order = t.getOrder();
        record(t, result, by);
        if (result.status() == PaymentStatus.APPROVED
                && (order.getStatus() == OrderStatus.PAID || order.getStatus() == OrderStatus.PARTIALLY_REFUNDED)) {
            boolean full = order.recordRefund(t.getAmount(), captured(order));
            if (full) {
                redemptions.releaseConfirmed(order);
                entitlements.revoke(order, clock.instant()); // last: it locks the site's counter (EntitlementService)
            }
        }
    }

    /**
     * Records a void's outcome. On approval the voided transaction is settled as DECLINED (an inquiry would report
     * it voided, TRANSSTATE ≥ 1000, which the connector maps to DECLINED), the order (awaiting payment or
     * authorized) is cancelled and its promotion-code use released; nothing is granted.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction completeVoid(long transactionId, PaymentResult result) {
        return completeVoid(transactionId, result, null);
    }

    /** As {@link #completeVoid(long, PaymentResult)}; {@code by} marks an outcome settled by inquiry, or null. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction completeVoid(long transactionId, PaymentResult result, SettledBy by) {
        PaymentTransaction t = locked(transactionId);
        applyVoid(t, result, by);
        return t;
    }

    private void applyVoid(PaymentTransaction t, PaymentResult result, SettledBy by) {
        PurchaseOrder order = t.getOrder();
        record(t, result, by);
        if (result.status() == PaymentStatus.APPROVED) {
            t.getOriginal().settle(PaymentStatus.DECLINED, null, null, "Voided by transaction " + t.getPublicId(),
                    clock.instant());
            if (order.getStatus() == OrderStatus.AWAITING_PAYMENT || order.getStatus() == OrderStatus.AUTHORIZED) {
                order.cancel();
                redemptions.release(order);
            }
        }
    }

    /**
     * The transaction {@code transactionId}, read again after its order's row was locked for update (until the
     * caller's transaction ends); {@link PaymentTransaction#getOrder()} is the locked order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentTransaction locked(long transactionId) {
        PaymentTransaction t = em.find(PaymentTransaction.class, transactionId);
        orders.lock(t.getOrder().getPublicId());
        em.refresh(t);
        return t;
    }

    /** Keeps what an inquiry reported about a held transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordInquiry(long transactionId, String origResult, Integer transState, String message) {
        em.find(PaymentTransaction.class, transactionId).recordInquiry(origResult, transState, message,
                clock.instant());
    }

    /**
     * The transaction with {@code publicId} in the site.
     *
     * @throws NotFoundException when there is none
     */
    @Transactional
    public PaymentTransaction transaction(long siteId, String publicId) {
        return em.createQuery("select t from PaymentTransaction t where t.publicId = :p and t.site.id = :s",
                        PaymentTransaction.class).setParameter("p", publicId).setParameter("s", siteId)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Transaction"));
    }

    /** True when a VOID or CREDIT of {@code kind} against {@code original} is PENDING or UNKNOWN. */
    @Transactional
    public boolean hasFollowOnInFlight(PaymentTransaction original, TransactionKind kind) {
        return !em.createQuery("select t.id from PaymentTransaction t where t.original.id = :o and t.kind = :k "
                        + "and t.status in :st", Long.class).setParameter("o", original.getId())
                .setParameter("k", kind).setParameter("st", IN_FLIGHT).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * What a void may cancel: an authorization (approved or held), or a card sale held for review (Payflow RESULT
     * 126). A pending PayPal sale is not voidable: PayPal voids authorizations and orders only ("A Void transaction
     * voids any of the following transaction types: Order, Authorizations" [PFP-EC 2009 ch.3 "Void" p.39]; DoVoid
     * takes an AUTHORIZATIONID [DEV do-void-nvp]).
     */
    public static boolean isVoidable(PaymentTransaction t) {
        OrderStatus order = t.getOrder().getStatus();
        if (order != OrderStatus.AWAITING_PAYMENT && order != OrderStatus.AUTHORIZED) {
            return false; // captured (paid), or already ended
        }
        return (t.getKind() == TransactionKind.SALE && t.getStatus() == PaymentStatus.HELD && !t.isPayPal())
                || (t.getKind() == TransactionKind.AUTHORIZATION
                && (t.getStatus() == PaymentStatus.APPROVED || t.getStatus() == PaymentStatus.HELD));
    }

    /** A PayPal sale still pending at PayPal (HELD): it cannot be voided, only completed or denied by PayPal. */
    public static boolean isPendingPayPalSale(PaymentTransaction t) {
        return t.getKind() == TransactionKind.SALE && t.getStatus() == PaymentStatus.HELD && t.isPayPal();
    }

    private RefundRules.Refundable refundable(PurchaseOrder order) {
        Money zero = Money.zero(order.getCurrency());
        Money refunded = zero;
        Money inFlight = zero;
        for (PaymentTransaction t : ofKind(order, TransactionKind.CREDIT)) {
            if (t.getStatus() == PaymentStatus.APPROVED) {
                refunded = refunded.plus(t.getAmount());
            } else if (IN_FLIGHT.contains(t.getStatus())) {
                inFlight = inFlight.plus(t.getAmount());
            }
        }
        return new RefundRules.Refundable(captured(order), refunded, inFlight);
    }

    private Money captured(PurchaseOrder order) {
        return captures(order).stream().map(PaymentTransaction::getAmount)
                .reduce(Money.zero(order.getCurrency()), Money::plus);
    }

    /** Approved sales and captures of the order, oldest first. */
    private List<PaymentTransaction> captures(PurchaseOrder order) {
        return em.createQuery("select t from PaymentTransaction t where t.order.id = :o and t.kind in :k "
                        + "and t.status = :st order by t.createdAt, t.id", PaymentTransaction.class)
                .setParameter("o", order.getId()).setParameter("k", List.of(TransactionKind.SALE, TransactionKind.CAPTURE))
                .setParameter("st", PaymentStatus.APPROVED).getResultList();
    }

    /** Approved and in-flight credits against {@code capture}. */
    private Money taken(PaymentTransaction capture) {
        java.util.List<PaymentStatus> statuses = new java.util.ArrayList<>(IN_FLIGHT);
        statuses.add(PaymentStatus.APPROVED);
        return credits(capture, statuses);
    }

    /** The sum of the credits against {@code capture} in one of {@code statuses}. */
    private Money credits(PaymentTransaction capture, List<PaymentStatus> statuses) {
        return em.createQuery("select t from PaymentTransaction t where t.original.id = :o and t.kind = :k "
                        + "and t.status in :st", PaymentTransaction.class).setParameter("o", capture.getId())
                .setParameter("k", TransactionKind.CREDIT).setParameter("st", statuses)
                .getResultStream().map(PaymentTransaction::getAmount)
                .reduce(Money.zero(capture.getAmount().currency()), Money::plus);
    }

    private List<PaymentTransaction> ofKind(PurchaseOrder order, TransactionKind kind) {
        return em.createQuery("select t from PaymentTransaction t where t.order.id = :o and t.kind = :k",
                PaymentTransaction.class).setParameter("o", order.getId()).setParameter("k", kind).getResultList();
    }

    /** 409 {@code /problems/transaction-state} ({@code error.transactionState}) with {@code detail}. */
    public static BusinessException transactionState(String detail) {
        return new BusinessException("/problems/transaction-state", 409, "error.transactionState", detail);
    }
}
