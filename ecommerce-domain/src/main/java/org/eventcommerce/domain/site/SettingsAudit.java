package org.eventcommerce.domain.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eventcommerce.domain.audit.FieldChange;
import org.eventcommerce.domain.mail.MailTemplate;
import org.eventcommerce.payments.OperatingMode;

/**
 * The e-commerce configuration as audited fields (issue 5 "Security": every configuration change with each changed
 * field's old and new value). Field names are the API's ({@code PUT /api/v1/settings}) paths; values are the API's
 * text: booleans {@code true}/{@code false}, enum names ({@code TEST}, {@code PAYFLOW_PRO}), the time-zone id, card
 * brands in {@code CardBrand} order joined by {@code ", "}, null for no value; a mail template part is null while it
 * is the built-in default (stored as null, or as the default's text, which the mail page saves). Passwords are
 * {@link #SECRETS}: compared by their ciphertext (new whenever another password is stored, AES-GCM with a fresh nonce;
 * the stored password typed again keeps its ciphertext: {@link ProviderCredentials#changePassword}) and written only
 * as "(changed)".
 */
final class SettingsAudit {

    /** The fields whose values are never written. */
    static final Set<String> SECRETS = Set.of(password(OperatingMode.TEST), password(OperatingMode.PRODUCTION));

    private SettingsAudit() {
    }

    /** Every audited field of {@code c} with its value (passwords as their ciphertext: compare only, never write). */
    static Map<String, String> snapshot(CommerceConfiguration c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("services.EVENTS", Boolean.toString(c.isEnabled(Service.EVENTS)));
        m.put("services.TRAINING", Boolean.toString(c.isEnabled(Service.TRAINING)));
        m.put("mode", name(c.getMode()));
        m.put("timeZone", c.getSite().getTimeZone() == null ? null : c.getSite().getTimeZone().getId());
        m.put("merchantName", c.getMerchantName());
        m.put("supportInfo", c.getSupportInfo());
        m.put("paymentPage.header", c.getPageHeader());
        m.put("paymentPage.footer", c.getPageFooter());
        m.put("promotionCodesEnabled", Boolean.toString(c.isPromotionCodesEnabled()));
        m.put("paymentAction", name(c.getPaymentAction()));
        m.put("provider.type", name(c.getProviderType()));
        m.put("provider.accountType", name(c.getAccountType()));
        m.put("provider.acceptedCards", c.getAcceptedCards().stream().map(Enum::name)
                .collect(Collectors.joining(", ")));
        m.put("provider.expressCheckout", Boolean.toString(c.isExpressCheckout()));
        m.put("provider.paypalEmail", c.getPaypalEmail());
        m.put("provider.currency", c.getCurrency().getCurrencyCode());
        for (OperatingMode mode : OperatingMode.values()) {
            String prefix = "provider.credentials." + mode + ".";
            ProviderCredentials p = c.findCredentials(mode).orElse(null);
            m.put(prefix + "partnerId", p == null ? null : p.getPartnerId());
            m.put(prefix + "vendor", p == null ? null : p.getVendor());
            m.put(prefix + "user", p == null ? null : p.getUser());
            m.put(password(mode), p == null ? null : p.getPasswordCiphertext());
        }
        m.put("promotionMail.subject", unlessDefault(c.getMailSubject(), MailTemplate.DEFAULT_SUBJECT));
        m.put("promotionMail.text", unlessDefault(c.getMailText(), MailTemplate.DEFAULT_TEXT));
        m.put("promotionMail.html", unlessDefault(c.getMailHtml(), MailTemplate.DEFAULT_HTML));
        m.put("promotionMail.testRedirect", c.getTestMailRedirect());
        return m;
    }

    /** The changed fields between two snapshots, secrets written as "(changed)" ({@link FieldChange#diff}). */
    static List<FieldChange> changes(Map<String, String> before, Map<String, String> after) {
        return FieldChange.diff(before, after, SECRETS);
    }

    /** The entry's short detail: the changed fields' names, e.g. {@code "merchantName, mode"}. */
    static String detail(List<FieldChange> changes) {
        return changes.stream().map(FieldChange::field).collect(Collectors.joining(", "));
    }

    /**
     * Null for the built-in default, whether it is stored as null or as its text (the mail page saves the text, without
     * its last line break, and a browser sends CR LF line breaks).
     */
    private static String unlessDefault(String value, String builtIn) {
        return value == null || lines(value).equals(lines(builtIn)) ? null : value;
    }

    private static String lines(String s) {
        return s.replace("\r\n", "\n").strip();
    }

    private static String password(OperatingMode mode) {
        return "provider.credentials." + mode + ".password";
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
