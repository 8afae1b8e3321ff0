package org.eventcommerce.web.portal.payment;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.order.OrderService;
import org.eventcommerce.domain.order.OrderStatus;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.payment.CaptureRules;
import org.eventcommerce.domain.payment.FollowOnRecorder;
import org.eventcommerce.domain.payment.PaymentRecorder;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.domain.payment.RefundRules;
import org.eventcommerce.domain.payment.RefundService;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.money.PayPalCurrencies;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.Formats;
import org.eventcommerce.web.portal.PageMessages;
import org.eventcommerce.web.security.CurrentUser;

/**
 * One order for the site administrator ({@code /admin/orders/order.xhtml?id=<order public id>}, issue 4): the
 * order, its payment transactions (times in the site's time zone), <b>Refund</b> with an amount defaulting to the
 * refundable remainder (checked next to the field, then confirmed in a dialog; worded for the card or for the buyer's
 * PayPal account), <b>Capture</b> of an authorized order (the amount defaulting to the authorized one, never more,
 * confirmed; access follows) and <b>Void</b> of an authorization or a card sale held for review (confirmed). The rules
 * live in {@link RefundService}; this bean only shows and asks. An unknown id or an order of another site is "not
 * found" (HTTP 404).
 */
@Named
@ViewScoped
public class OrderDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id: the amount field's client id is {@code order:refundAmount}. */
    static final String AMOUNT_FIELD = "order:refundAmount";

    /** The capture amount field's client id. */
    static final String CAPTURE_FIELD = "order:captureAmount";

    @Inject
    OrderService orders;

    @Inject
    PaymentRecorder payments;

    @Inject
    FollowOnRecorder followOns;

    @Inject
    RefundService refunds;

    @Inject
    CurrentUser currentUser;

    private String id;
    private boolean found;
    private String status;
    private String offering;
    private String attendee;
    private String listPrice;
    private String discount;
    private String total;
    private String refunded;
    private String paidAmount;
    private String promotionCode;
    private String createdAt;
    private String paidAt;
    private String currency;
    private int decimals;
    private Money remainder;
    private boolean refundable;
    private boolean payPal;
    private boolean capturable;
    private Money authorized;
    private BigDecimal captureAmount;
    private String captureQuestion;
    private BigDecimal refundAmount;
    private String refundQuestion;
    private List<TransactionRow> transactions = List.of();

    @PostConstruct
    void init() {
        id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        load();
    }

    /** Reads the order, its transactions and the refundable remainder again (the amount resets to it). */
    void load() {
        found = false;
        if (id == null || id.isBlank()) {
            return;
        }
        long siteId = currentUser.siteId();
        PurchaseOrder o;
        try {
            o = orders.get(siteId, id);
        } catch (NotFoundException e) {
            return;
        }
        found = true;
        Locale locale = Bundle.locale();
        ZoneId zone = o.getSite().getTimeZone();
        status = o.getStatus().name();
        offering = o.getOffering().getTitle();
        attendee = o.getAttendee().getDisplayName() + " <" + o.getAttendee().getEmail() + ">";
        listPrice = Formats.money(o.getListPrice(), locale);
        discount = Formats.money(o.getDiscount(), locale);
        total = Formats.money(o.getTotal(), locale);
        refunded = Formats.money(o.getRefunded(), locale);
        promotionCode = o.getPromotionCode();
        createdAt = Formats.dateTime(o.getCreatedAt(), zone, locale);
        paidAt = Formats.dateTime(o.getPaidAt(), zone, locale);
        Currency c = o.getCurrency();
        currency = c.getCurrencyCode();
        decimals = PayPalCurrencies.decimals(c);
        List<PaymentTransaction> all = payments.ofOrder(o);
        transactions = all.stream().map(t -> new TransactionRow(t, zone, locale)).toList();
        payPal = all.stream().anyMatch(t -> t.getStatus() == PaymentStatus.APPROVED && t.isPayPal()
                && (t.getKind() == TransactionKind.SALE || t.getKind() == TransactionKind.CAPTURE));
        boolean paid = o.getStatus() == OrderStatus.PAID || o.getStatus() == OrderStatus.PARTIALLY_REFUNDED;
        org.eventcommerce.domain.payment.RefundRules.Refundable figures = followOns.refundable(siteId, id);
        // What was actually taken: after a partial capture, less than the total (found by the fresh-user trial).
        paidAmount = Formats.money(figures.captured(), locale);
        remainder = paid ? figures.remainder() : Money.zero(c);
        refundable = paid && remainder.isPositive();
        refundAmount = refundable ? remainder.amount() : null;
        authorized = o.getStatus() == OrderStatus.AUTHORIZED
                ? followOns.authorization(o).map(PaymentTransaction::getAmount).orElse(null) : null;
        capturable = authorized != null;
        captureAmount = capturable ? authorized.amount() : null;
    }

    /**
     * The view action: an unknown id, or an order of another site, is answered with HTTP 404 (as the transaction page
     * does); the page still shows its "not found" notice, never the order.
     */
    public void answerNotFound() {
        if (!found) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    /**
     * Checks the amount (positive, the currency's decimals, at most the remainder) and, when it is fine, prepares the
     * confirmation question; otherwise shows the message next to the field and keeps the dialog closed.
     */
    public void prepareRefund() {
        try {
            Money amount = RefundRules.amountToRefund(refundAmount, Currency.getInstance(currency),
                    followOns.refundable(currentUser.siteId(), id));
            refundQuestion = Bundle.text(payPal ? "question.refund.paypal" : "question.refund",
                    Formats.money(amount, Bundle.locale()), attendee);
        } catch (ValidationException e) {
            PageMessages.fieldErrors(e, field -> AMOUNT_FIELD);
            FacesContext.getCurrentInstance().validationFailed();
        } catch (BusinessException e) {
            PageMessages.field(AMOUNT_FIELD, FacesMessage.SEVERITY_ERROR, Bundle.text(e));
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /**
     * Checks the capture amount (positive, the currency's decimals, at most the authorized amount) and prepares the
     * confirmation question; otherwise shows the message next to the field and keeps the dialog closed.
     */
    public void prepareCapture() {
        try {
            Money amount = CaptureRules.amountToCapture(captureAmount, Currency.getInstance(currency), authorized);
            captureQuestion = Bundle.text("question.capture", Formats.money(amount, Bundle.locale()), attendee);
        } catch (ValidationException e) {
            PageMessages.fieldErrors(e, field -> CAPTURE_FIELD);
            FacesContext.getCurrentInstance().validationFailed();
        } catch (BusinessException e) {
            PageMessages.field(CAPTURE_FIELD, FacesMessage.SEVERITY_ERROR, Bundle.text(e));
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** Captures the amount through PayPal (the order is then paid and access granted) and shows the outcome. */
    public void capture() {
        try {
            Outcomes.show(refunds.capture(currentUser.siteId(), id, captureAmount, Currency.getInstance(currency)));
        } catch (ValidationException e) {
            PageMessages.fieldErrors(e, field -> CAPTURE_FIELD);
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
        load();
    }

    /** Refunds the amount through PayPal and shows the outcome. */
    public void refund() {
        try {
            Outcomes.show(refunds.refund(currentUser.siteId(), id, refundAmount, Currency.getInstance(currency)));
        } catch (ValidationException e) {
            PageMessages.fieldErrors(e, field -> AMOUNT_FIELD);
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
        load();
    }

    /** Voids the transaction of {@code row} (an authorization or a held sale) and shows the outcome. */
    public void voidPayment(TransactionRow row) {
        try {
            PaymentTransaction v = refunds.voidPayment(currentUser.siteId(), row.getId());
            Outcomes.show(v);
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
        load();
    }

    public String getId() {
        return id;
    }

    /** The view parameter; the order was read from the request when the view was created. */
    public void setId(String id) {
        if (id != null && !id.equals(this.id)) {
            this.id = id;
            load();
        }
    }

    public boolean isFound() {
        return found;
    }

    public String getStatus() {
        return status;
    }

    public String getOffering() {
        return offering;
    }

    public String getAttendee() {
        return attendee;
    }

    public String getListPrice() {
        return listPrice;
    }

    public String getDiscount() {
        return discount;
    }

    public String getTotal() {
        return total;
    }

    /** Approved sales and captures, in the reader's format (a partial capture takes less than the total). */
    public String getPaidAmount() {
        return paidAmount;
    }

    public String getRefunded() {
        return refunded;
    }

    public String getPromotionCode() {
        return promotionCode;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public String getPaidAt() {
        return paidAt;
    }

    public String getCurrency() {
        return currency;
    }

    public int getDecimals() {
        return decimals;
    }

    /** The refundable remainder, formatted for the reader. */
    public String getRemainder() {
        return remainder == null ? "" : Formats.money(remainder, Bundle.locale());
    }

    public boolean isRefundable() {
        return refundable;
    }

    /** True when the order was paid through PayPal (Express Checkout): a refund goes to the buyer's PayPal account. */
    public boolean isPayPal() {
        return payPal;
    }

    public BigDecimal getRefundAmount() {
        return refundAmount;
    }

    public void setRefundAmount(BigDecimal refundAmount) {
        this.refundAmount = refundAmount;
    }

    public String getRefundQuestion() {
        return refundQuestion;
    }

    public List<TransactionRow> getTransactions() {
        return transactions;
    }

    /** True when the order is AUTHORIZED: its payment can be captured (or voided in the transactions table). */
    public boolean isCapturable() {
        return capturable;
    }

    /** The authorized amount, formatted for the reader. */
    public String getAuthorized() {
        return authorized == null ? "" : Formats.money(authorized, Bundle.locale());
    }

    public BigDecimal getCaptureAmount() {
        return captureAmount;
    }

    public void setCaptureAmount(BigDecimal captureAmount) {
        this.captureAmount = captureAmount;
    }

    public String getCaptureQuestion() {
        return captureQuestion;
    }
}
