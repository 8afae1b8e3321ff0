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
        PurchaseOrder order = orders.lock(orderPublicId);
        if (order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
            throw Problems.orderState("The order is " + order.getStatus());
        }
        List<PaymentTransaction> open = em.createQuery("select t from PaymentTransaction t where t.order.id = :o "
                        + "and t.status in :st", PaymentTransaction.class)
                .setParameter("o", order.getId())
                .setParameter("st", List.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN, PaymentStatus.HELD))
                .getResultList();
        if (!open.isEmpty()) {
            throw Problems.orderState("A payment for this order is already in progress");
        }
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
        PaymentTransaction t = new PaymentTransaction(order, TransactionKind.SALE, order.getTotal(), mode,
                config.getProviderType(), Attempt.newAttempt(), brand, last4, clock.instant());
        t.countSend(clock.instant());
        em.persist(t);
        em.flush();
        return t.getId();
    }

    /** Counts one more send of the same attempt (a resend after an unknown outcome). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void countResend(long transactionId) {
        em.find(PaymentTransaction.class, transactionId).countSend(clock.instant());
    }

    /**
     * Records {@code result}; on APPROVED marks the order paid and grants access, all in this transaction.
     * An approval for an order that is no longer awaiting payment is recorded but grants nothing twice.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction complete(long transactionId, PaymentResult result) {
        PaymentTransaction t = em.find(PaymentTransaction.class, transactionId);
        PurchaseOrder order = orders.lock(t.getOrder().getPublicId());
        t.record(result, clock.instant());
        if (result.status() == PaymentStatus.APPROVED) {
            approve(order);
        } else if (result.status() == PaymentStatus.DECLINED || result.status() == PaymentStatus.NOT_SENT) {
            redemptions.release(order);
        }
        return t;
    }

    /** Settles an open transaction from an inquiry's finding. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentTransaction settle(long transactionId, PaymentStatus status, String reference, String resultCode,
                                     String message) {
        PaymentTransaction t = em.find(PaymentTransaction.class, transactionId);
        PurchaseOrder order = orders.lock(t.getOrder().getPublicId());
        t.settle(status, reference, resultCode, message, clock.instant());
        if (status == PaymentStatus.APPROVED) {
            approve(order);
        } else if (status == PaymentStatus.DECLINED) {
            redemptions.release(order);
        }
        return t;
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
        approve(order);
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

    private void approve(PurchaseOrder order) {
        if (order.getStatus() == OrderStatus.AWAITING_PAYMENT) {
            order.markPaid(clock.instant());
            redemptions.confirm(order);
            entitlements.grant(order, clock.instant());
        }
    }
}
