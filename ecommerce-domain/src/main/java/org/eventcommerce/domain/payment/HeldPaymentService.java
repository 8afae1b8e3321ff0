package org.eventcommerce.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;

/**
 * Payments held: Payflow RESULT 126, "flagged for review … authorized but requires you to review and manually accept
 * … before it will be allowed to settle" [PFP-2009 Table 6.9; paypal-protocols.md §1.6], and Express Checkout
 * payments PayPal answered {@code Pending} (classic PAYMENTSTATUS=Pending with a PENDINGREASON such as
 * {@code echeck} or {@code paymentreview} [NVP-2013 "PaymentInfoType Fields"]; Payflow TENDER=P with a PENDINGREASON,
 * §1.9). They are listed for the site administrator, who asks PayPal their state, accepts one once PayPal reports it
 * approved, settling or completed, or voids it ({@link RefundService#voidPayment}) where PayPal allows that. Nothing
 * is granted before.
 * <ul>
 *   <li>Payflow (cards, and Express Checkout through Payflow with {@code TENDER=P}): an inquiry by PNREF (§1.8);
 *       acceptable when ORIGRESULT is 0 or TRANSSTATE says settling ({@link #showsAccepted}).</li>
 *   <li>Classic Express Checkout: GetTransactionDetails on the transaction id; acceptable when PAYMENTSTATUS is
 *       {@code Completed} or {@code Processed} (for an authorization: {@code Pending} with reason
 *       {@code authorization}) [NVP-2013 "GetTransactionDetails Response Fields"].</li>
 * </ul>
 * An inquiry that shows the payment finally refused (PayPal {@code Denied}, {@code Failed}, {@code Voided},
 * {@code Expired}, {@code Reversed}; Payflow a declining ORIGRESULT or a voided TRANSSTATE) settles it as DECLINED:
 * nothing was charged, the promotion-code use is released, and the order stays awaiting payment for another try.
 * A pending PayPal sale cannot be voided (PayPal voids authorizations and orders only,
 * {@link FollowOnRecorder#isVoidable}).
 */
@ApplicationScoped
public class HeldPaymentService {

    /**
     * TRANSSTATE values saying the transaction goes on to settle [PFP-2009 Appendix D Tables D.2/D.3 pp.143-144]:
     * 6 settlement pending, 7 settling, 8 settled, 9 authorization captured.
     */
    static final Set<Integer> SETTLING_STATES = Set.of(6, 7, 8, 9);

    @PersistenceContext
    EntityManager em;

    @Inject
    SettingsService settings;

    @Inject
    FollowOnChannels channels;

    @Inject
    FollowOnRecorder followOns;

    @Inject
    PaymentRecorder payments;

    /**
     * What an inquiry reported about a held transaction.
     *
     * @param found         the inquiry found the transaction (Payflow RESULT 0, PayPal ACK Success)
     * @param origResult    Payflow ORIGRESULT, the original's RESULT now (126 while still under review); null for
     *                      classic Express Checkout
     * @param transState    Payflow TRANSSTATE [PFP-2009 Appendix D], or null
     * @param status        the original's status as the connector maps it, or null when not found
     * @param message       RESPMSG / L_LONGMESSAGE0 of the inquiry
     * @param acceptable    true when PayPal reports it approved, settling or completed: it may be accepted
     * @param payPalStatus  true for a classic Express Checkout finding (PAYMENTSTATUS instead of ORIGRESULT and
     *                      TRANSSTATE)
     * @param paymentStatus classic Express Checkout PAYMENTSTATUS ({@code Pending}, {@code Completed},
     *                      {@code Denied}, ...), or null
     * @param pendingReason classic Express Checkout PENDINGREASON ({@code echeck}, {@code paymentreview}, ...), or null
     * @param settled       true when the inquiry showed the payment finally refused and it was recorded as DECLINED
     * @param disagrees     true when PayPal reports another amount, currency or transaction than ours (an alert was
     *                      raised): it is then neither accepted nor recorded as refused
     */
    public record Finding(boolean found, String origResult, Integer transState, PaymentStatus status, String message,
                          boolean acceptable, boolean payPalStatus, String paymentStatus, String pendingReason,
                          boolean settled, boolean disagrees) implements Serializable {

        /** A Payflow finding. */
        public Finding(boolean found, String origResult, Integer transState, PaymentStatus status, String message,
                       boolean acceptable) {
            this(found, origResult, transState, status, message, acceptable, false, null, null, false, false);
        }

        Finding settledAsDeclined() {
            return new Finding(found, origResult, transState, status, message, false, payPalStatus, paymentStatus,
                    pendingReason, true, disagrees);
        }

        /** This finding; when {@code blocking}, one that disagrees with our record and may not be accepted. */
        Finding withDisagreements(boolean blocking) {
            return !blocking ? this : new Finding(found, origResult, transState, status, message, false, payPalStatus,
                    paymentStatus, pendingReason, settled, true);
        }
    }

    /** How many payments (sales, authorizations) of the site are HELD. */
    @Transactional
    public long count(long siteId) {
        return em.createQuery("select count(t) from PaymentTransaction t where t.site.id = :s and t.status = :st"
                        + " and t.kind in :k", Long.class).setParameter("s", siteId)
                .setParameter("st", PaymentStatus.HELD).setParameter("k", PAYMENTS).getSingleResult();
    }

    /** One page of the site's HELD payments, oldest first (paged in the database). */
    @Transactional
    public List<PaymentTransaction> page(long siteId, int first, int size) {
        return em.createQuery("select t from PaymentTransaction t join fetch t.order o join fetch o.offering "
                        + "join fetch o.attendee where t.site.id = :s and t.status = :st and t.kind in :k "
                        + "order by t.createdAt, t.id", PaymentTransaction.class).setParameter("s", siteId)
                .setParameter("st", PaymentStatus.HELD).setParameter("k", PAYMENTS)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, size)).getResultList();
    }

    /** The kinds listed: payments, not a delayed refund. */
    private static final List<TransactionKind> PAYMENTS = List.of(TransactionKind.SALE, TransactionKind.AUTHORIZATION);

    /**
     * Asks PayPal the state of the held transaction (Payflow inquiry by PNREF, or GetTransactionDetails; in its mode
     * and currency) and keeps the answer on the transaction. A payment PayPal reports finally refused is settled as
     * DECLINED (class comment).
     *
     * @throws org.eventcommerce.domain.common.NotFoundException when the transaction is not in the site
     * @throws BusinessException {@code /problems/transaction-state} (409) unless it is HELD;
     *                           {@code /problems/refund-not-supported} (422) when another provider took it;
     *                           {@code /problems/e-commerce-disabled} (422) without usable credentials
     */
    public Finding inquire(long siteId, String transactionPublicId) {
        PaymentTransaction t = followOns.transaction(siteId, transactionPublicId);
        if (t.getStatus() != PaymentStatus.HELD) {
            throw FollowOnRecorder.transactionState("Transaction " + t.getPublicId() + " is " + t.getStatus());
        }
        CommerceConfiguration config = settings.get(siteId);
        FollowOnChannels.requireReachable(config, Set.of(t.getProviderType()));
        FollowOnChannel channel = channels.of(config, t);
        PaymentResult r = channel.inquire(t.getAmount(), t.getReference());
        Finding f = channel.wire() == FollowOnChannel.Wire.EXPRESS_CHECKOUT ? expressFinding(r) : finding(r);
        if (f.found()) {
            java.util.List<org.eventcommerce.domain.payment.reconcile.Disagreement> disagreements =
                    org.eventcommerce.domain.payment.reconcile.Disagreement.between(PaymentService.ours(t), f.status(),
                            r.reference(), r.amount(), r.fields());
            if (!disagreements.isEmpty()) {
                payments.raiseAlerts(t.getId(), disagreements, "The administrator's inquiry on held payment "
                        + t.getReference() + ": " + r.message());
            }
            f = f.withDisagreements(org.eventcommerce.domain.payment.reconcile.Disagreement.blocking(disagreements));
        }
        if (f.payPalStatus()) {
            followOns.recordInquiry(t.getId(), f.paymentStatus(), null, f.pendingReason());
        } else {
            followOns.recordInquiry(t.getId(), f.origResult(), f.transState(), f.message());
        }
        if (f.found() && f.status() == PaymentStatus.DECLINED && !f.disagrees()) {
            String said = f.payPalStatus() ? "PAYMENTSTATUS " + f.paymentStatus()
                    : "ORIGRESULT " + f.origResult() + ", TRANSSTATE " + f.transState();
            payments.settle(t.getId(), PaymentStatus.DECLINED, null, null, "Refused by PayPal; inquiry: " + said,
                    SettledBy.ADMINISTRATOR, java.util.List.of());
            return f.settledAsDeclined();
        }
        return f;
    }

    /**
     * Accepts the held transaction: asks PayPal again and, when it reports the payment approved, settling or
     * completed, marks it APPROVED, the order paid and the entitlement granted in one transaction (as a sale's
     * approval).
     *
     * @return the finding of that inquiry
     * @throws BusinessException {@code /problems/transaction-state} (409, {@code error.held.notSettled} or, for a
     *                           classic Express Checkout payment, {@code error.held.notCompleted}) when PayPal does
     *                           not report it so (nothing changes, unless PayPal refused it: then it is DECLINED), or
     *                           it is no longer HELD
     */
    public Finding accept(long siteId, String transactionPublicId) {
        Finding f = inquire(siteId, transactionPublicId);
        if (f.disagrees()) {
            throw new BusinessException("/problems/transaction-state", 409, "error.held.disagrees",
                    "PayPal reports another amount, currency or transaction than ours: see the reconciliation alerts");
        }
        if (!f.acceptable()) {
            if (f.payPalStatus()) {
                throw new BusinessException("/problems/transaction-state", 409, "error.held.notCompleted",
                        "PayPal does not report this payment completed (PAYMENTSTATUS " + f.paymentStatus()
                                + ", PENDINGREASON " + f.pendingReason() + ")", String.valueOf(f.paymentStatus()),
                        String.valueOf(f.pendingReason()));
            }
            throw new BusinessException("/problems/transaction-state", 409, "error.held.notSettled",
                    "PayPal does not report this payment approved or settling (ORIGRESULT " + f.origResult()
                            + ", TRANSSTATE " + f.transState() + ")", String.valueOf(f.origResult()),
                    String.valueOf(f.transState()));
        }
        PaymentTransaction t = followOns.transaction(siteId, transactionPublicId);
        payments.acceptHeld(t.getId(), f.payPalStatus()
                ? "Accepted; GetTransactionDetails: PAYMENTSTATUS " + f.paymentStatus()
                : "Accepted after review; inquiry: ORIGRESULT " + f.origResult() + ", TRANSSTATE " + f.transState());
        return f;
    }

    /** The finding for a Payflow inquiry's result (by PNREF, on a held payment). */
    public static Finding finding(PaymentResult r) {
        boolean found = r.status() == PaymentStatus.APPROVED;
        String origResult = found ? r.fields().get("ORIGRESULT") : null;
        Integer state = found ? parse(r.fields().get("TRANSSTATE")) : null;
        PaymentStatus status = found ? r.originalStatus() : null;
        return new Finding(found, origResult, state, status, r.message(), found && showsAccepted(status, state));
    }

    /**
     * The finding for a GetTransactionDetails result: acceptable when the payment's status maps to APPROVED
     * ({@code Completed}, {@code Processed}; an authorization's {@code Pending}/{@code authorization}), never for
     * another {@code Pending}.
     */
    public static Finding expressFinding(PaymentResult r) {
        boolean found = r.status() == PaymentStatus.APPROVED;
        String paymentStatus = found ? blankToNull(r.fields().get("PAYMENTSTATUS")) : null;
        String reason = found ? blankToNull(r.fields().get("PENDINGREASON")) : null;
        PaymentStatus status = found ? r.originalStatus() : null;
        return new Finding(found, null, null, status, r.message(), found && status == PaymentStatus.APPROVED, true,
                paymentStatus, reason, false, false);
    }

    /**
     * Whether an inquiry shows a held payment accepted by PayPal: not voided (TRANSSTATE below 1000) and either
     * approved (ORIGRESULT 0) or settling (TRANSSTATE 6, 7, 8 or 9) [PFP-2009 Appendix D].
     *
     * @param originalStatus the original's status as {@code PayflowResultMapper.originalStatus} maps it, or null
     * @param transState     TRANSSTATE, or null
     */
    public static boolean showsAccepted(PaymentStatus originalStatus, Integer transState) {
        if (transState != null && transState >= 1000) {
            return false;
        }
        return originalStatus == PaymentStatus.APPROVED || (transState != null && SETTLING_STATES.contains(transState));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
