package org.eventcommerce.domain.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * One call to a provider (DESIGN.md "The payment lifecycle"): written as {@link PaymentStatus#PENDING} with
 * the attempt's request id and CUSTREF before the call, updated with the outcome after. Holds the card's
 * brand and last four digits only.
 */
@Entity
@Table(name = "payment_transaction")
public class PaymentTransaction extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private PurchaseOrder order;

    @Column(name = "public_id", nullable = false)
    private String publicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransactionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "operating_mode", nullable = false)
    private OperatingMode mode;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_type", nullable = false)
    private ProviderType providerType;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Column(name = "cust_ref", nullable = false)
    private String custRef;

    /** The provider's reference (Payflow PNREF). */
    private String reference;

    @ManyToOne
    @JoinColumn(name = "original_id")
    private PaymentTransaction original;

    @Column(name = "result_code")
    private String resultCode;

    private String message;

    @Column(name = "auth_code")
    private String authCode;

    @Column(name = "card_brand")
    private String cardBrand;

    @Column(name = "card_last4")
    private String cardLast4;

    @Column(name = "duplicate_answer", nullable = false)
    private boolean duplicateAnswer;

    @Column(name = "send_count", nullable = false)
    private int sendCount;

    /** ORIGRESULT of the last inquiry on this transaction (held payments), or null. */
    @Column(name = "inquiry_result")
    private String inquiryResult;

    /** TRANSSTATE of the last inquiry on this transaction [PFP-2009 Appendix D], or null. */
    @Column(name = "inquiry_state")
    private Integer inquiryState;

    @Column(name = "inquiry_message")
    private String inquiryMessage;

    @Column(name = "inquired_at")
    private Instant inquiredAt;

    /** The Express Checkout token of a redirect attempt (classic NVP or Payflow TENDER=P), or null. */
    @Column(name = "checkout_token")
    private String checkoutToken;

    /** The PayerID PayPal returned once the buyer approved; set just before the payment call is sent. */
    @Column(name = "payer_id")
    private String payerId;

    /** The SECURETOKENID of a hosted-page attempt (paypal-protocols.md §1.7), or null. */
    @Column(name = "secure_token_id")
    private String secureTokenId;

    /** When the reconciler may look at this open transaction again (its back-off), or null: not looked at yet. */
    @Column(name = "reconcile_due_at")
    private Instant reconcileDueAt;

    /** Until when an instance's reconciler holds its claim on this transaction, or null. */
    @Column(name = "reconcile_lease_until")
    private Instant reconcileLeaseUntil;

    /** The reconciler instance holding or last holding the claim. */
    @Column(name = "reconcile_owner")
    private String reconcileOwner;

    @Column(name = "reconcile_attempts", nullable = false)
    private int reconcileAttempts;

    @Column(name = "reconcile_tried_at")
    private Instant reconcileTriedAt;

    /** Why the reconciler could not settle it yet (English, for the administrator), or null. */
    @Column(name = "reconcile_reason")
    private String reconcileReason;

    /** Who settled it by an inquiry or a rule of the reconciler, or null when its own answer did. */
    @Enumerated(EnumType.STRING)
    @Column(name = "settled_by")
    private SettledBy settledBy;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PaymentTransaction() {
    }

    /** A pending transaction for a new attempt. */
    public PaymentTransaction(PurchaseOrder order, TransactionKind kind, Money amount, OperatingMode mode,
                              ProviderType providerType, Attempt attempt, String cardBrand, String cardLast4,
                              Instant now) {
        this.site = order.getSite();
        this.order = order;
        this.publicId = UUID.randomUUID().toString();
        this.kind = kind;
        this.status = PaymentStatus.PENDING;
        this.amount = amount.amount();
        this.currency = amount.currency().getCurrencyCode();
        this.mode = mode;
        this.providerType = providerType;
        this.requestId = attempt.requestId();
        this.custRef = attempt.custRef();
        this.cardBrand = cardBrand;
        this.cardLast4 = cardLast4;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A pending follow-on call (CREDIT, VOID, CAPTURE) against {@code original}: same order, mode, provider
     * and card, a fresh attempt, and {@code original} as the transaction it refers to (its PNREF goes as ORIGID).
     *
     * @param amount for CREDIT/CAPTURE the amount moved; for VOID the original's amount (names the currency)
     */
    public static PaymentTransaction followOn(PaymentTransaction original, TransactionKind kind, Money amount,
                                              Attempt attempt, Instant now) {
        PaymentTransaction t = new PaymentTransaction(original.order, kind, amount, original.mode,
                original.providerType, attempt, original.cardBrand, original.cardLast4, now);
        t.original = original;
        return t;
    }

    /**
     * Keeps what an inquiry reported about this transaction (shown on the held-payments page).
     *
     * @param origResult ORIGRESULT as sent, or null
     * @param transState TRANSSTATE as sent, or null when absent or not a number
     * @param message    RESPMSG or a description; cut to 500 characters
     */
    public void recordInquiry(String origResult, Integer transState, String message, Instant now) {
        this.inquiryResult = origResult == null ? null : origResult.substring(0, Math.min(16, origResult.length()));
        this.inquiryState = transState;
        this.inquiryMessage = message == null ? null : message.substring(0, Math.min(500, message.length()));
        this.inquiredAt = now;
        this.updatedAt = now;
    }

    /** Records one more send of this attempt. */
    public void countSend(Instant now) {
        sendCount++;
        updatedAt = now;
    }

    /**
     * Records the provider's answer. Message is cut to 500 characters. The PNREF and authorization code of a
     * {@code DUPLICATE=1} answer that does not match the attempt belong to another transaction
     * ({@link org.eventcommerce.payments.payflow.PayflowResultMapper#isDuplicateMismatch}) and are not kept.
     */
    public void record(PaymentResult r, Instant now) {
        boolean foreign = org.eventcommerce.payments.payflow.PayflowResultMapper.isDuplicateMismatch(r);
        this.status = r.status();
        if (r.resultCode() != null) {
            this.resultCode = r.resultCode();
        }
        this.message = r.message() == null ? null : r.message().substring(0, Math.min(500, r.message().length()));
        if (r.reference() != null && !foreign) {
            this.reference = r.reference();
        }
        if (r.authCode() != null && !foreign) {
            this.authCode = r.authCode();
        }
        this.duplicateAnswer = this.duplicateAnswer || r.duplicate();
        this.updatedAt = now;
    }

    /** Settles the status after an inquiry found the attempt. */
    public void settle(PaymentStatus status, String reference, String resultCode, String message, Instant now) {
        this.status = status;
        if (reference != null) {
            this.reference = reference;
        }
        if (resultCode != null) {
            this.resultCode = resultCode;
        }
        this.message = message;
        this.updatedAt = now;
    }

    /**
     * Marks the status as settled by {@code by} (an inquiry during the payment, the reconciler, the administrator's
     * inquiry): the transaction leaves the reconciler's list of unresolved ones and joins the list of those settled by
     * inquiry. A settlement by the reconciler also counts as one of its attempts.
     */
    public void settledBy(SettledBy by, Instant now) {
        this.settledBy = by;
        this.settledAt = now;
        if (by == SettledBy.RECONCILER) {
            reconcileAttempts++;
            reconcileTriedAt = now;
        }
        this.reconcileReason = null;
        this.reconcileDueAt = null;
        this.reconcileLeaseUntil = null;
    }

    /**
     * The reconciler looked at this open transaction and could not settle it: one more attempt, {@code reason} (cut
     * to 500 characters), the next look not before {@code dueAt}, and its claim released.
     */
    public void reconcileLater(String reason, Instant dueAt, Instant now) {
        this.reconcileAttempts++;
        this.reconcileTriedAt = now;
        this.reconcileReason = reason == null ? null : reason.substring(0, Math.min(500, reason.length()));
        this.reconcileDueAt = dueAt;
        this.reconcileLeaseUntil = null;
    }

    /**
     * Records the Express Checkout token PayPal issued for this attempt (SetExpressCheckout, §3.3 step 1 / §1.9
     * ACTION=S); the attempt stays PENDING while the buyer is on PayPal's page.
     */
    public void redirectedWith(String token, Instant now) {
        this.checkoutToken = token;
        this.updatedAt = now;
    }

    /** Records the SECURETOKENID sent with CREATESECURETOKEN (§1.7) before the call. */
    public void useSecureTokenId(String id, Instant now) {
        this.secureTokenId = id;
        this.updatedAt = now;
    }

    /**
     * Records that the buyer approved ({@code payerId}) and the payment call is about to be sent: from now on the
     * attempt is no longer {@link #isAwaitingBuyer() awaiting the buyer} and is never abandoned.
     */
    public void completing(String payerId, Instant now) {
        this.payerId = payerId;
        countSend(now);
    }

    /**
     * Keeps the attempt open after PayPal answered 10486 (funding failure): the buyer goes back to PayPal with the
     * same token and returns to the same RETURNURL (§3.4), so the PayerID is forgotten until then.
     */
    public void backToPayPal(String resultCode, String message, Instant now) {
        this.payerId = null;
        this.resultCode = resultCode;
        this.message = message == null ? null : message.substring(0, Math.min(500, message.length()));
        this.updatedAt = now;
    }

    /**
     * True while an Express Checkout attempt waits for the buyer on PayPal's page: PENDING, a token, no PayerID
     * yet. No money can have moved (the payment needs DoExpressCheckoutPayment, which is sent only after
     * {@link #completing}), so such an attempt may be taken up again or abandoned.
     */
    public boolean isAwaitingBuyer() {
        return status == PaymentStatus.PENDING && checkoutToken != null && payerId == null;
    }

    /**
     * True while the attempt is with the buyer on one of PayPal's pages rather than with the provider: an Express
     * Checkout {@link #isAwaitingBuyer() awaiting the buyer}, or a PENDING hosted-page attempt (§1.7), whose outcome
     * arrives with the buyer's return or the Silent POST, or is found by an inquiry.
     */
    public boolean isWithBuyer() {
        return isAwaitingBuyer() || status == PaymentStatus.PENDING && secureTokenId != null;
    }

    /**
     * True for a payment made through PayPal's Express Checkout, classic NVP (the Express Checkout providers) or
     * through Payflow ({@code TENDER=P}, card brand {@value ExpressCheckoutService#BRAND}): a refund goes back to the
     * buyer's PayPal account, follow-ons go with the PayPal tender, and a pending sale cannot be voided.
     */
    public boolean isPayPal() {
        return !providerType.usesPayflow() || ExpressCheckoutService.BRAND.equals(cardBrand);
    }

    public Attempt attempt() {
        return new Attempt(requestId, custRef);
    }

    public Site getSite() {
        return site;
    }

    public PurchaseOrder getOrder() {
        return order;
    }

    public String getPublicId() {
        return publicId;
    }

    public TransactionKind getKind() {
        return kind;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public Money getAmount() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public OperatingMode getMode() {
        return mode;
    }

    public ProviderType getProviderType() {
        return providerType;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getCustRef() {
        return custRef;
    }

    public String getReference() {
        return reference;
    }

    /** The transaction this one refers to (a capture's authorization, a credit's or void's original), or null. */
    public PaymentTransaction getOriginal() {
        return original;
    }

    public String getInquiryResult() {
        return inquiryResult;
    }

    public Integer getInquiryState() {
        return inquiryState;
    }

    public String getInquiryMessage() {
        return inquiryMessage;
    }

    public Instant getInquiredAt() {
        return inquiredAt;
    }

    public String getResultCode() {
        return resultCode;
    }

    public String getMessage() {
        return message;
    }

    public String getAuthCode() {
        return authCode;
    }

    public String getCardBrand() {
        return cardBrand;
    }

    public String getCardLast4() {
        return cardLast4;
    }

    public boolean isDuplicateAnswer() {
        return duplicateAnswer;
    }

    public int getSendCount() {
        return sendCount;
    }

    /** The Express Checkout token, or null. */
    public String getCheckoutToken() {
        return checkoutToken;
    }

    /** The PayPal PayerID, or null. */
    public String getPayerId() {
        return payerId;
    }

    /** The hosted page's SECURETOKENID, or null. */
    public String getSecureTokenId() {
        return secureTokenId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When the reconciler may look again, or null when it has not looked yet. */
    public Instant getReconcileDueAt() {
        return reconcileDueAt;
    }

    /** Until when an instance's reconciler holds it, or null. */
    public Instant getReconcileLeaseUntil() {
        return reconcileLeaseUntil;
    }

    public String getReconcileOwner() {
        return reconcileOwner;
    }

    /** How many times the reconciler looked at it (settlement included). */
    public int getReconcileAttempts() {
        return reconcileAttempts;
    }

    public Instant getReconcileTriedAt() {
        return reconcileTriedAt;
    }

    /** Why the reconciler could not settle it (English), or null. */
    public String getReconcileReason() {
        return reconcileReason;
    }

    /** Who settled it by an inquiry or a reconciler rule, or null. */
    public SettledBy getSettledBy() {
        return settledBy;
    }

    public Instant getSettledAt() {
        return settledAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
