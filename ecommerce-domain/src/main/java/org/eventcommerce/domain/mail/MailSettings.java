package org.eventcommerce.domain.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.domain.common.Texts;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;

/**
 * The site's promotion-code e-mail template and Test-mode redirect address, as the template editor reads and
 * saves them (stored on {@link CommerceConfiguration}).
 */
@ApplicationScoped
public class MailSettings {

    @Inject
    SettingsService settings;

    @Inject
    Clock clock;

    /** The site's template, with the built-in default for every part it has not saved. */
    @Transactional
    public MailTemplate template(long siteId) {
        return MailTemplate.of(settings.get(siteId));
    }

    /** The site's Test-mode redirect address, or null (Test-mode mail is held in the outbox). */
    @Transactional
    public String testRedirect(long siteId) {
        return settings.get(siteId).getTestMailRedirect();
    }

    /**
     * Validates ({@link MailTemplate#validate}, {@link MailTemplate#validateRedirect}) and saves the template and the
     * redirect address. Line ends become LF. A part equal to the built-in default is stored as null, so later
     * improvements of the default reach sites that never changed it; a blank redirect is stored as null.
     *
     * @throws ValidationException listing every broken rule; nothing is written
     * @throws org.eventcommerce.domain.common.NotFoundException when the site has no configuration
     */
    @Transactional
    public void change(long siteId, String subject, String text, String html, String testRedirect) {
        List<FieldError> errors = new ArrayList<>(MailTemplate.validate(subject, text, html));
        errors.addAll(MailTemplate.validateRedirect(testRedirect));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        CommerceConfiguration c = settings.get(siteId);
        c.changeMail(unlessDefault(subject.strip(), MailTemplate.DEFAULT_SUBJECT),
                unlessDefault(lf(text), MailTemplate.DEFAULT_TEXT), unlessDefault(lf(html), MailTemplate.DEFAULT_HTML),
                Texts.clean(testRedirect), clock.instant());
    }

    /** Browsers post text areas with CRLF; stored with LF (SMTP turns line ends into CRLF on the wire anyway). */
    private static String lf(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String unlessDefault(String value, String fallback) {
        return value.equals(fallback) ? null : value;
    }
}
