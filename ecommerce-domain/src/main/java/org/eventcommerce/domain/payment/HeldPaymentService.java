package org.eventcommerce.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;

/**
 * Payments held for review (Payflow RESULT 126, "flagged for review … authorized but requires you to review and
 * manually accept … before it will be allowed to settle" [PFP-2009 Table 6.9; paypal-protocols.md §1.6]): listed
 * for the site administrator, who asks PayPal their state (an inquiry by PNREF, §1.8), accepts one once PayPal
 * reports it approved or settling, or voids it ({@link RefundService#voidPayment}). Nothing is granted before.
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
    RefundService refunds;

    @Inject
    FollowOnRecorder followOns;

    @Inject
    PaymentRecorder payments;

    /**
     * What an inquiry reported about a held transaction.
     *
     * @param found       the inquiry found the transaction (RESULT 0)
     * @param origResult  ORIGRESULT, the original's RESULT now (126 while still under review), or null
     * @param transState  TRANSSTATE [PFP-2009 Appendix D], or null
     * @param status      the original's status as the connector maps it, or null when not found
     * @param message     RESPMSG of the inquiry
     * @param acceptable  true when PayPal reports it approved or settling: it may be accepted
     */
    public record Finding(boolean found, String origResult, Integer transState, PaymentStatus status, String message,
                          boolean acceptable) {
    }

    /** How many transactions of the site are HELD. */
    @Transactional
    public long count(long siteId) {
        return em.createQuery("select count(t) from PaymentTransaction t where t.site.id = :s and t.status = :st",
                Long.class).setParameter("s", siteId).setParameter("st", PaymentStatus.HELD).getSingleResult();
    }

    /** One page of the site's HELD transactions, oldest first (paged in the database). */
    @Transactional
    public List<PaymentTransaction> page(long siteId, int first, int size) {
        return em.createQuery("select t from PaymentTransaction t join fetch t.order o join fetch o.offering "
                        + "join fetch o.attendee where t.site.id = :s and t.status = :st order by t.createdAt, t.id",
                        PaymentTransaction.class).setParameter("s", siteId).setParameter("st", PaymentStatus.HELD)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, size)).getResultList();
    }

    /**
     * Asks PayPal the state of the held transaction (inquiry by PNREF, in its mode and currency) and keeps the
     * answer on the transaction.
     *
     * @throws org.eventcommerce.domain.common.NotFoundException when the transaction is not in the site
     * @throws BusinessException {@code /problems/transaction-state} (409) unless it is HELD;
     *                           {@code /problems/e-commerce-disabled} (422) without usable credentials
     */
    public Finding inquire(long siteId, String transactionPublicId) {
        PaymentTransaction t = followOns.transaction(siteId, transactionPublicId);
        if (t.getStatus() != PaymentStatus.HELD) {
            throw FollowOnRecorder.transactionState("Transaction " + t.getPublicId() + " is " + t.getStatus());
        }
        PaymentResult r = refunds.gateway(settings.get(siteId), t.getMode())
                .execute(PaymentRequest.inquiryByReference(Attempt.newAttempt(), t.getAmount(), t.getReference()));
        Finding f = finding(r);
        followOns.recordInquiry(t.getId(), f.origResult(), f.transState(), f.message());
        return f;
    }

    /**
     * Accepts the held transaction: asks PayPal again and, when it reports the payment approved or settling,
     * marks it APPROVED, the order paid and the entitlement granted in one transaction (as a sale's approval).
     *
     * @return the finding of that inquiry
     * @throws BusinessException {@code /problems/transaction-state} (409, {@code error.held.notSettled}) when PayPal
     *                           does not report it approved or settling (nothing changes), or it is no longer HELD
     */
    public Finding accept(long siteId, String transactionPublicId) {
        Finding f = inquire(siteId, transactionPublicId);
        if (!f.acceptable()) {
            throw new BusinessException("/problems/transaction-state", 409, "error.held.notSettled",
                    "PayPal does not report this payment approved or settling (ORIGRESULT " + f.origResult()
                            + ", TRANSSTATE " + f.transState() + ")", String.valueOf(f.origResult()),
                    String.valueOf(f.transState()));
        }
        PaymentTransaction t = followOns.transaction(siteId, transactionPublicId);
        payments.acceptHeld(t.getId(), "Accepted after review; inquiry: ORIGRESULT " + f.origResult()
                + ", TRANSSTATE " + f.transState());
        return f;
    }

    /** The finding for an inquiry's result. */
    static Finding finding(PaymentResult r) {
        boolean found = r.status() == PaymentStatus.APPROVED;
        String origResult = found ? r.fields().get("ORIGRESULT") : null;
        Integer state = found ? parse(r.fields().get("TRANSSTATE")) : null;
        PaymentStatus status = found ? r.originalStatus() : null;
        return new Finding(found, origResult, state, status, r.message(), found && showsAccepted(status, state));
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

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
