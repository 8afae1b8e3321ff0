package org.eventcommerce.web.portal.promotion;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.mail.MailMessage;
import org.eventcommerce.domain.mail.MailTemplate;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.PageMessages;
import org.eventcommerce.web.security.CurrentUser;

/**
 * The promotion-code e-mail template ({@code /admin/promotion-codes/mail-template.xhtml}, issue 3): subject,
 * plain-text and HTML parts with their variables, and the Test-mode redirect address. Save goes through
 * {@link SettingsService#updateMail}, which checks {@link MailTemplate#validate} and the address; each broken rule
 * is shown next to its field and nothing is saved then. Preview renders the template with sample values.
 */
@Named
@ViewScoped
public class PromotionMailTemplate implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id: component client ids are {@code mailTemplate:<id>}. */
    static final String FORM = "mailTemplate";

    /** Template field names (ValidationException.FieldError#field) to component ids of this page. */
    private static final Map<String, String> FIELD_IDS = Map.of("mail.subject", "subject", "mail.text", "text",
            "mail.html", "html", "mail.testRedirect", "testRedirect");

    @Inject
    SettingsService settings;

    @Inject
    CurrentUser currentUser;

    private String subject;
    private String text;
    private String html;
    private String testRedirect;
    private boolean testMode;
    private Preview preview;

    /** A rendered sample message. */
    public record Preview(String to, String subject, String text, String html) implements Serializable {
    }

    @PostConstruct
    void load() {
        show(settings.get(currentUser.siteId()));
    }

    /** Saves the template and the redirect address; broken rules show next to their fields. */
    public void save() {
        try {
            show(settings.updateMail(currentUser.siteId(), subject, text, html, testRedirect,
                    currentUser.account().getEmail()));
            PageMessages.global(FacesMessage.SEVERITY_INFO, Bundle.text("message.mailTemplate.saved"));
        } catch (ValidationException e) {
            PageMessages.fieldErrors(e, field -> {
                String id = FIELD_IDS.get(field);
                return id == null ? null : FORM + ":" + id;
            });
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
    }

    /** Puts the built-in template back in the fields (saved only with Save). */
    public void restoreDefaults() {
        subject = MailTemplate.DEFAULT_SUBJECT;
        text = MailTemplate.DEFAULT_TEXT;
        html = MailTemplate.DEFAULT_HTML;
        preview = null;
    }

    /**
     * Renders the template as typed with sample values, the way the mails are rendered (the date as in
     * {@code CodeIssuing}: long US English), with the site's merchant name and support information. Nothing is
     * saved or sent.
     */
    public void preview() {
        CommerceConfiguration c = settings.get(currentUser.siteId());
        Map<String, String> values = MailTemplate.values(Bundle.text("sample.attendeeName"), "SPRING2026", "15%",
                LocalDate.now(currentUser.account().getSite().getTimeZone()).plusMonths(1)
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.US)),
                c.getMerchantName(), c.getSupportInfo());
        MailMessage m = MailTemplate.of(subject, text, html).toMessage(Bundle.text("sample.attendeeEmail"), values);
        preview = new Preview(m.to(), m.subject(), m.text(), m.html());
    }

    private void show(CommerceConfiguration c) {
        MailTemplate t = MailTemplate.of(c);
        subject = t.subject();
        text = t.text();
        html = t.html();
        testRedirect = c.getTestMailRedirect();
        testMode = c.getMode() == OperatingMode.TEST;
    }

    /** The variables, without their percent signs, in the order the issue lists them. */
    public List<String> getVariables() {
        return MailTemplate.VARIABLES;
    }

    public int getSubjectMax() {
        return MailTemplate.SUBJECT_MAX;
    }

    public int getTextMax() {
        return MailTemplate.TEXT_MAX;
    }

    public int getHtmlMax() {
        return MailTemplate.HTML_MAX;
    }

    public Preview getPreview() {
        return preview;
    }

    public boolean isTestMode() {
        return testMode;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getHtml() {
        return html;
    }

    public void setHtml(String html) {
        this.html = html;
    }

    public String getTestRedirect() {
        return testRedirect;
    }

    public void setTestRedirect(String testRedirect) {
        this.testRedirect = testRedirect;
    }
}
