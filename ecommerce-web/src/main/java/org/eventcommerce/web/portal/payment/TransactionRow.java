package org.eventcommerce.web.portal.payment;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Locale;
import org.eventcommerce.domain.payment.FollowOnRecorder;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.web.portal.Formats;

/**
 * One payment transaction as the admin pages show it: kind, status, amount (reader's locale, the currency's
 * PayPal decimals), provider reference (PNREF or PayPal transaction id), result, message, creation time in the site's
 * time zone, the order and attendee it belongs to, and what may be done with it (void; PayPal or card).
 */
public final class TransactionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String orderId;
    private final String offering;
    private final String attendee;
    private final String kind;
    private final String status;
    private final String amount;
    private final String reference;
    private final String result;
    private final String message;
    private final String createdAt;
    private final String mode;
    private final Integer inquiryState;
    private final String inquiryResult;
    private final String inquiredAt;
    private final String inquiryMessage;
    private final boolean voidable;
    private final boolean payPal;
    private final boolean payPalStatus;
    private final boolean pendingPayPalSale;

    /** The row for {@code t}; times in {@code zone}, numbers for {@code locale}. */
    public TransactionRow(PaymentTransaction t, ZoneId zone, Locale locale) {
        id = t.getPublicId();
        orderId = t.getOrder().getPublicId();
        offering = t.getOrder().getOffering().getTitle();
        attendee = t.getOrder().getAttendee().getEmail();
        kind = t.getKind().name();
        status = t.getStatus().name();
        amount = Formats.money(t.getAmount(), locale);
        reference = t.getReference();
        result = t.getResultCode();
        message = t.getMessage();
        createdAt = Formats.dateTime(t.getCreatedAt(), zone, locale);
        mode = t.getMode().name();
        inquiryState = t.getInquiryState();
        inquiryResult = t.getInquiryResult();
        inquiredAt = Formats.dateTime(t.getInquiredAt(), zone, locale);
        inquiryMessage = t.getInquiryMessage();
        voidable = FollowOnRecorder.isVoidable(t);
        payPal = t.isPayPal();
        payPalStatus = !t.getProviderType().usesPayflow();
        pendingPayPalSale = FollowOnRecorder.isPendingPayPalSale(t);
    }

    public String getId() {
        return id;
    }

    public String getOrderId() {
        return orderId;
    }

    public String getOffering() {
        return offering;
    }

    public String getAttendee() {
        return attendee;
    }

    public String getKind() {
        return kind;
    }

    public String getStatus() {
        return status;
    }

    public String getAmount() {
        return amount;
    }

    public String getReference() {
        return reference;
    }

    public String getResult() {
        return result;
    }

    public String getMessage() {
        return message;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public String getMode() {
        return mode;
    }

    public Integer getInquiryState() {
        return inquiryState;
    }

    public String getInquiryResult() {
        return inquiryResult;
    }

    public String getInquiredAt() {
        return inquiredAt;
    }

    /** What the last inquiry said in words (Payflow RESPMSG; classic Express Checkout: PENDINGREASON), or null. */
    public String getInquiryMessage() {
        return inquiryMessage;
    }

    /** True for an authorization or a card sale held for review (what a void may cancel). */
    public boolean isVoidable() {
        return voidable;
    }

    /** True for a PayPal payment (Express Checkout, classic or through Payflow): no card is involved. */
    public boolean isPayPal() {
        return payPal;
    }

    /**
     * True when the stored inquiry holds PayPal's PAYMENTSTATUS and PENDINGREASON (classic Express Checkout) instead of
     * Payflow's ORIGRESULT and TRANSSTATE.
     */
    public boolean isPayPalStatus() {
        return payPalStatus;
    }

    /** True for a PayPal sale pending at PayPal: it cannot be voided, PayPal completes or denies it. */
    public boolean isPendingPayPalSale() {
        return pendingPayPalSale;
    }
}
