package org.eventcommerce.web.portal.transaction;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.domain.payment.report.TransactionReport;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.Formats;
import org.eventcommerce.web.security.CurrentUser;

/**
 * One transaction ({@code /admin/transactions/detail.xhtml?id=<transaction public id>}): the provider's references
 * (PNREF, result, message, authorization code, request id, CUSTREF, duplicate answer, sends, original transaction),
 * and the history of its order (every transaction of the order in time order, with when the order was placed and
 * paid). A transaction of another site, or an unknown id, answers 404.
 */
@Named
@ViewScoped
public class TransactionDetailView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TransactionReport report;

    @Inject
    CurrentUser currentUser;

    private String id;
    private transient TransactionReport.Detail detail;

    /** The view action: loads the transaction of the {@code id} parameter, or answers 404. */
    public void load() throws IOException {
        try {
            detail = report.detail(currentUser.account().getSite(), id);
        } catch (NotFoundException e) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().responseSendError(404, Bundle.text(e));
            context.responseComplete();
        }
    }

    public PaymentTransaction getTransaction() {
        return detail == null ? null : detail.transaction();
    }

    public PurchaseOrder getOrder() {
        return detail == null ? null : detail.order();
    }

    /** The order's transactions, oldest first. */
    public List<PaymentTransaction> getHistory() {
        return detail == null ? List.of() : detail.history();
    }

    /** An instant in the site's time zone. */
    public String time(Instant instant) {
        return Formats.dateTime(instant, currentUser.account().getSite().getTimeZone(), Bundle.locale());
    }

    /** An amount in the reader's number format with its currency. */
    public String money(Money m) {
        return Formats.money(m, Bundle.locale());
    }

    /** The card as {@code Visa •••• 1111}, or "" without a card. */
    public String card(PaymentTransaction t) {
        return TransactionReportView.cardText(t.getCardBrand(), t.getCardLast4());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
