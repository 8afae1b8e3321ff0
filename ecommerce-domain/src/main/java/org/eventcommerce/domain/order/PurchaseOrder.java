package org.eventcommerce.domain.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.offering.Offering;
import org.eventcommerce.domain.payment.RefundRules;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.money.Money;

/**
 * One attendee buying one offering: list price, discount, total (all in the offering's currency) and the
 * status. At most one open-or-paid order exists per attendee and offering, enforced by the unique
 * {@code open_key} column.
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @Column(name = "public_id", nullable = false)
    private String publicId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "offering_id")
    private Offering offering;

    @ManyToOne(optional = false)
    @JoinColumn(name = "attendee_id")
    private Account attendee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(nullable = false)
    private String currency;

    @Column(name = "list_amount", nullable = false)
    private BigDecimal listAmount;

    @Column(name = "discount_amount", nullable = false)
    private BigDecimal discountAmount;

    @Column(name = "total_amount", nullable = false)
    private BigDecimal totalAmount;

    @Column(name = "refunded_amount", nullable = false)
    private BigDecimal refundedAmount;

    @Column(name = "promotion_code")
    private String promotionCode;

    @Column(name = "open_key")
    private String openKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "paid_mode")
    private OperatingMode paidMode;

    @Version
    private long version;

    protected PurchaseOrder() {
    }

    /**
     * A new order awaiting payment of {@code listPrice - discount} (never below zero).
     *
     * @throws IllegalArgumentException when the discount is negative or in another currency
     */
    public PurchaseOrder(Offering offering, Account attendee, Money listPrice, Money discount, String promotionCode,
                         Instant now) {
        if (discount.amount().signum() < 0) {
            throw new IllegalArgumentException("A discount is never negative: " + discount);
        }
        this.site = offering.getSite();
        this.publicId = UUID.randomUUID().toString();
        this.offering = offering;
        this.attendee = attendee;
        this.status = OrderStatus.AWAITING_PAYMENT;
        this.currency = listPrice.currency().getCurrencyCode();
        Money d = discount.min(listPrice);
        this.listAmount = listPrice.amount();
        this.discountAmount = d.amount();
        this.totalAmount = listPrice.minus(d).amount();
        this.refundedAmount = BigDecimal.ZERO;
        this.promotionCode = promotionCode;
        this.openKey = openKey(offering, attendee);
        this.createdAt = now;
    }

    /**
     * Prices the unpaid order again, keeping its id: {@code listPrice - discount} (never below zero), with
     * {@code promotionCode} (null: none). The payment page does this when the attendee enters or removes a code, so
     * the platform's order id stays the one it holds.
     *
     * @throws IllegalStateException    unless awaiting payment
     * @throws IllegalArgumentException when the discount is negative, or a price is in another currency
     */
    public void reprice(Money listPrice, Money discount, String promotionCode) {
        if (status != OrderStatus.AWAITING_PAYMENT) {
            throw new IllegalStateException("Order " + publicId + " is " + status);
        }
        if (discount.amount().signum() < 0) {
            throw new IllegalArgumentException("A discount is never negative: " + discount);
        }
        if (!listPrice.currency().getCurrencyCode().equals(currency)) {
            throw new IllegalArgumentException("Order " + publicId + " is in " + currency + ", not " + listPrice);
        }
        Money d = discount.min(listPrice);
        this.listAmount = listPrice.amount();
        this.discountAmount = d.amount();
        this.totalAmount = listPrice.minus(d).amount();
        this.promotionCode = promotionCode;
    }

    /** The value of {@code open_key} for an open or paid order of {@code attendee} for {@code offering}. */
    public static String openKey(Offering offering, Account attendee) {
        return offering.getSite().getId() + "/" + attendee.getId() + "/" + offering.getId();
    }

    /**
     * Records the payment at {@code now} in {@code mode}: a sale's approval, or the capture of an authorized order;
     * {@code mode} is the payment's operating mode, or for a zero total paid without a provider call the site's mode
     * at that moment (the revenue report leaves Test-mode orders out).
     *
     * @throws IllegalStateException    unless awaiting payment or authorized
     * @throws IllegalArgumentException when {@code mode} is null
     */
    public void markPaid(Instant now, OperatingMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("An order is paid in Test or Production mode");
        }
        if (status != OrderStatus.AWAITING_PAYMENT && status != OrderStatus.AUTHORIZED) {
            throw new IllegalStateException("Order " + publicId + " is " + status);
        }
        status = OrderStatus.PAID;
        paidAt = now;
        paidMode = mode;
    }

    /**
     * Records an approved authorization: the money is held at PayPal until it is captured ({@link #markPaid}) or
     * voided ({@link #cancel}); the order stays open (no second order for the attendee), nothing is granted.
     *
     * @throws IllegalStateException unless awaiting payment
     */
    public void markAuthorized() {
        if (status != OrderStatus.AWAITING_PAYMENT) {
            throw new IllegalStateException("Order " + publicId + " is " + status);
        }
        status = OrderStatus.AUTHORIZED;
    }

    /** Cancels an unpaid (or only authorized) order, which frees the attendee to order again. */
    public void cancel() {
        if (status != OrderStatus.AWAITING_PAYMENT && status != OrderStatus.AUTHORIZED) {
            throw new IllegalStateException("Order " + publicId + " is " + status);
        }
        status = OrderStatus.CANCELLED;
        openKey = null;
    }

    /** Ends an unpaid order that was abandoned (its promotion-code use lapses); frees the attendee to order again. */
    public void expire() {
        if (status != OrderStatus.AWAITING_PAYMENT) {
            throw new IllegalStateException("Order " + publicId + " is " + status);
        }
        status = OrderStatus.EXPIRED;
        openKey = null;
    }

    /**
     * Records an approved refund (a Payflow credit) of {@code amount}: the refunded total grows and the status
     * becomes {@link OrderStatus#REFUNDED} once it reaches {@code captured} (the attendee may then order again),
     * {@link OrderStatus#PARTIALLY_REFUNDED} before.
     *
     * @param amount   the approved credit, in the order's currency
     * @param captured what was captured for the order (approved sales and captures), in the order's currency
     * @return true when the order is now fully refunded
     * @throws IllegalStateException    unless the order is PAID or PARTIALLY_REFUNDED
     * @throws IllegalArgumentException when a currency differs from the order's
     */
    public boolean recordRefund(Money amount, Money captured) {
        if (status != OrderStatus.PAID && status != OrderStatus.PARTIALLY_REFUNDED) {
            throw new IllegalStateException("Order " + publicId + " is " + status);
        }
        Money refunded = getRefunded().plus(amount);
        refundedAmount = refunded.amount();
        status = RefundRules.statusAfterRefund(captured, refunded);
        if (status == OrderStatus.REFUNDED) {
            openKey = null;
        }
        return status == OrderStatus.REFUNDED;
    }

    public Site getSite() {
        return site;
    }

    public String getPublicId() {
        return publicId;
    }

    public Offering getOffering() {
        return offering;
    }

    public Account getAttendee() {
        return attendee;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public Currency getCurrency() {
        return Currency.getInstance(currency);
    }

    public Money getListPrice() {
        return new Money(listAmount, getCurrency());
    }

    public Money getDiscount() {
        return new Money(discountAmount, getCurrency());
    }

    public Money getTotal() {
        return new Money(totalAmount, getCurrency());
    }

    public Money getRefunded() {
        return new Money(refundedAmount, getCurrency());
    }

    public String getPromotionCode() {
        return promotionCode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    /** The operating mode the order was paid in; null while unpaid. */
    public OperatingMode getPaidMode() {
        return paidMode;
    }
}
