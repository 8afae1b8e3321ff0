package org.eventcommerce.web.portal.payment;

import jakarta.faces.application.FacesMessage;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.Formats;
import org.eventcommerce.web.portal.PageMessages;

/** The page message telling the administrator what a refund, void or acceptance came to. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * Adds a global message {@code message.outcome.<STATUS>} with the kind's name, the amount and the provider's
     * message: information when approved, a warning when held, pending or unknown, an error otherwise.
     */
    static void show(PaymentTransaction t) {
        String text = Bundle.text("message.outcome." + t.getStatus().name(), Bundle.text("transactionKind." + t.getKind()),
                Formats.money(t.getAmount(), Bundle.locale()), t.getMessage() == null ? "" : t.getMessage());
        FacesMessage.Severity severity = switch (t.getStatus()) {
            case APPROVED -> FacesMessage.SEVERITY_INFO;
            case HELD, PENDING, UNKNOWN -> FacesMessage.SEVERITY_WARN;
            default -> FacesMessage.SEVERITY_ERROR;
        };
        PageMessages.global(severity, text);
    }
}
