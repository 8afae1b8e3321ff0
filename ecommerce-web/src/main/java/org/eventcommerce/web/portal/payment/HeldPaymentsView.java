package org.eventcommerce.web.portal.payment;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.payment.HeldPaymentService;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.domain.payment.RefundService;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.PageMessages;
import org.eventcommerce.web.security.CurrentUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Held payments ({@code /admin/payments/held.xhtml}, issue 4): the site's HELD payments (Payflow RESULT 126, and
 * PayPal payments pending at PayPal) in a lazy table paged in the database, oldest first, each with <b>Inquire</b>
 * (PayPal's state: a Payflow inquiry by PNREF, or GetTransactionDetails, in words), <b>Accept</b> (offered only once an
 * inquiry in this view showed it approved, settling or completed; checked again by {@link HeldPaymentService#accept})
 * and <b>Void</b> (confirmed in a dialog) where PayPal allows it; a pending PayPal sale says instead that PayPal
 * completes or denies it. Nothing is granted before Accept.
 */
@Named
@ViewScoped
public class HeldPaymentsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HeldPaymentService held;

    @Inject
    RefundService refunds;

    @Inject
    CurrentUser currentUser;

    private final Rows rows = new Rows();

    /** Inquiry findings of this view, by transaction public id. */
    private final Map<String, HeldPaymentService.Finding> findings = new HashMap<>();

    /** Asks PayPal the state of the row's payment and shows it. */
    public void inquire(TransactionRow row) {
        try {
            HeldPaymentService.Finding f = held.inquire(currentUser.siteId(), row.getId());
            if (f.settled()) {
                findings.remove(row.getId());
                PageMessages.global(FacesMessage.SEVERITY_WARN, Bundle.text("message.held.refused", row.getAmount(),
                        describe(f)));
                return;
            }
            findings.put(row.getId(), f);
            PageMessages.global(f.acceptable() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                    Bundle.text("message.inquiry", row.getReference(), describe(f)));
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
    }

    /** Accepts the row's payment (order paid, access granted) when PayPal reports it approved or settling. */
    public void accept(TransactionRow row) {
        try {
            held.accept(currentUser.siteId(), row.getId());
            findings.remove(row.getId());
            PageMessages.global(FacesMessage.SEVERITY_INFO, Bundle.text("message.held.accepted", row.getAmount(),
                    row.getAttendee()));
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
    }

    /** Voids the row's payment: the order is cancelled, nothing is granted. */
    public void voidPayment(TransactionRow row) {
        try {
            PaymentTransaction v = refunds.voidPayment(currentUser.siteId(), row.getId());
            findings.remove(row.getId());
            Outcomes.show(v);
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
    }

    /** What the last inquiry of this view found for the row, in words, or what the last stored one said. */
    public String inquiryText(TransactionRow row) {
        HeldPaymentService.Finding f = findings.get(row.getId());
        if (f != null) {
            return describe(f);
        }
        if (row.getInquiredAt() == null || row.getInquiredAt().isEmpty()) {
            return Bundle.text("label.notInquired");
        }
        String said = row.isPayPalStatus() ? payPalState(row.getInquiryResult(), row.getInquiryMessage())
                : state(row.getInquiryResult(), row.getInquiryState());
        return Bundle.text("label.inquiry", said, row.getInquiredAt());
    }

    /** True when an inquiry in this view showed the row's payment approved or settling. */
    public boolean acceptable(TransactionRow row) {
        HeldPaymentService.Finding f = findings.get(row.getId());
        return f != null && f.acceptable();
    }

    public LazyDataModel<TransactionRow> getRows() {
        return rows;
    }

    private static String describe(HeldPaymentService.Finding f) {
        if (!f.found()) {
            return Bundle.text("label.inquiryNotFound", f.message() == null ? "" : f.message());
        }
        if (f.payPalStatus()) {
            return payPalState(f.paymentStatus(), f.pendingReason());
        }
        return state(f.origResult(), f.transState());
    }

    /**
     * "Pending: the payment is an eCheck that has not cleared yet"; PAYMENTSTATUS and PENDINGREASON values of NVP-2013
     * "PaymentInfoType Fields" in words, an unknown value as sent.
     */
    static String payPalState(String paymentStatus, String pendingReason) {
        String status = paymentStatus == null ? Bundle.text("paypalStatus.unknown")
                : known("paypalStatus." + paymentStatus.strip(), paymentStatus.strip());
        if (pendingReason == null || pendingReason.isBlank() || pendingReason.strip().equalsIgnoreCase("none")) {
            return status;
        }
        String reason = pendingReason.strip().toLowerCase(java.util.Locale.ROOT);
        return Bundle.text("label.paypalState", status, known("pendingReason." + reason, reason));
    }

    private static String known(String key, String fallback) {
        String text = Bundle.text(key);
        return text.startsWith("???") ? fallback : text;
    }

    /** "result 126, Authorized (3)"; TRANSSTATE names from PFP-2009 Appendix D, +1000 = voided. */
    static String state(String origResult, Integer transState) {
        String stateText;
        if (transState == null) {
            stateText = Bundle.text("transState.unknown");
        } else if (transState >= 1000) {
            stateText = Bundle.text("transState.voided", named(transState - 1000));
        } else {
            stateText = named(transState);
        }
        return Bundle.text("label.inquiryState", origResult == null ? "?" : origResult, stateText);
    }

    private static String named(int state) {
        String text = Bundle.text("transState." + state);
        return (text.startsWith("???") ? Bundle.text("transState.other") : text) + " (" + state + ")";
    }

    /** The table's rows, a page at a time from {@link HeldPaymentService#page}. */
    final class Rows extends LazyDataModel<TransactionRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, held.count(currentUser.siteId()));
        }

        @Override
        public List<TransactionRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
            ZoneId zone = currentUser.account().getSite().getTimeZone();
            return held.page(currentUser.siteId(), first, pageSize).stream()
                    .map(t -> new TransactionRow(t, zone, Bundle.locale())).toList();
        }

        @Override
        public String getRowKey(TransactionRow row) {
            return row.getId();
        }
    }
}
