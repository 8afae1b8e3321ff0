package org.eventcommerce.domain.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventcommerce.domain.common.Messages;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.common.Texts;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.security.SecretCipher;
import org.eventcommerce.payments.CardBrand;
import org.eventcommerce.payments.OperatingMode;

/**
 * Reads and changes a site's commerce configuration (MISSION.md M1, M3, M4, M10, M11). Every rule is
 * checked before anything is written; a broken rule throws {@link ValidationException} naming each field
 * (field names follow the API body: {@code merchantName}, {@code provider.credentials.TEST.vendor}, ...).
 */
@ApplicationScoped
public class SettingsService {

    /** PayPal's PWD length rule [PFP-2009 Table 4.1: 6–32 characters]. */
    static final int PASSWORD_MIN = 6;
    static final int PASSWORD_MAX = 32;

    /** The providers this version can take payments with (the others come with their connectors). */
    static final java.util.Set<ProviderType> AVAILABLE_PROVIDERS = java.util.EnumSet.of(ProviderType.PAYFLOW_PRO);

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    Clock clock;

    /** @throws NotFoundException when the site has no configuration */
    @Transactional
    public CommerceConfiguration get(long siteId) {
        return em.createQuery("select c from CommerceConfiguration c where c.site.id = :s", CommerceConfiguration.class)
                .setParameter("s", siteId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Commerce configuration"));
    }

    /**
     * Validates and saves {@code u}; passwords are encrypted, a null/empty password keeps the stored one.
     *
     * @return the saved configuration
     * @throws ValidationException listing every broken rule; nothing is written
     */
    @Transactional
    public CommerceConfiguration update(long siteId, SettingsUpdate u) {
        CommerceConfiguration c = get(siteId);
        validate(c, u);
        c.apply(u, clock.instant());
        for (Map.Entry<OperatingMode, SettingsUpdate.CredentialsInput> e : u.credentials().entrySet()) {
            ProviderCredentials pc = c.credentials(e.getKey());
            SettingsUpdate.CredentialsInput in = e.getValue();
            pc.update(in.partnerId(), in.vendor(), in.user());
            if (in.password() != null && !in.password().isEmpty()) {
                pc.replacePasswordCiphertext(cipher.encrypt(in.password()));
            }
        }
        return c;
    }

    /** The promotion-code mail settings as typed (see {@link #updateMail}). */
    public record MailInput(String subject, String text, String html, String testRedirect) {
    }

    /**
     * {@link #update} and, when {@code mail} is not null, {@link #updateMail}, in one transaction: a broken
     * rule in either saves nothing of both.
     */
    @Transactional
    public CommerceConfiguration update(long siteId, SettingsUpdate u, MailInput mail) {
        CommerceConfiguration c = update(siteId, u);
        return mail == null ? c : updateMail(siteId, mail.subject(), mail.text(), mail.html(), mail.testRedirect());
    }

    /**
     * Saves the promotion-code mail template and the Test-mode redirect address. Blank template parts
     * restore the defaults; a blank redirect keeps Test-mode mail in the outbox.
     *
     * @throws ValidationException with fields {@code mail.subject}, {@code mail.text}, {@code mail.html},
     *                             {@code mail.testRedirect}; nothing is saved
     */
    @Transactional
    public CommerceConfiguration updateMail(long siteId, String subject, String text, String html,
                                            String testRedirect) {
        CommerceConfiguration c = get(siteId);
        String s = Texts.clean(subject);
        String t = Texts.clean(text);
        String h = Texts.clean(html);
        String r = Texts.clean(testRedirect);
        List<FieldError> errors = new ArrayList<>();
        for (FieldError e : org.eventcommerce.domain.mail.MailTemplate.validate(
                s == null ? org.eventcommerce.domain.mail.MailTemplate.DEFAULT_SUBJECT : s,
                t == null ? org.eventcommerce.domain.mail.MailTemplate.DEFAULT_TEXT : t,
                h == null ? org.eventcommerce.domain.mail.MailTemplate.DEFAULT_HTML : h)) {
            errors.add(e.field().startsWith("mail.") ? e : new FieldError("mail." + e.field(), e.key(), e.args()));
        }
        if (r != null && !Texts.isEmail(r)) {
            errors.add(new FieldError("mail.testRedirect", "validation.email.format"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        c.changeMail(s, t, h, r, clock.instant());
        return c;
    }

    private void validate(CommerceConfiguration current, SettingsUpdate u) {
        List<FieldError> errors = new ArrayList<>();
        if (u.mode() == null) {
            errors.add(new FieldError("mode", "validation.mode.required"));
        }
        if (u.timeZone() == null) {
            errors.add(new FieldError("timeZone", "validation.timeZone.required"));
        }
        length(errors, "merchantName", u.merchantName(), 200);
        String support = Texts.clean(u.supportInfo());
        if (support != null && !Texts.isEmail(support) && !Texts.isPhone(support)) {
            errors.add(new FieldError("supportInfo", "validation.supportInfo.format"));
        }
        length(errors, "paymentPage.header", u.pageHeader(), 2000);
        length(errors, "paymentPage.footer", u.pageFooter(), 2000);
        boolean anyService = u.eventsEnabled() || u.trainingEnabled();
        if (anyService && Texts.clean(u.merchantName()) == null) {
            errors.add(new FieldError("merchantName", "validation.merchantName.required"));
        }
        if (u.providerType() == null) {
            errors.add(new FieldError("provider.type", "validation.provider.required"));
        } else if (!AVAILABLE_PROVIDERS.contains(u.providerType())) {
            errors.add(new FieldError("provider.type", "validation.provider.unavailable"));
        } else {
            if (u.currency() == null || !u.providerType().currencies().contains(u.currency())) {
                errors.add(new FieldError("provider.currency", "validation.currency.provider",
                        String.join(", ", u.providerType().currencies())));
            }
            if (u.providerType().usesPayflow()) {
                validatePayflow(current, u, anyService, errors);
            } else if (u.paypalEmail() != null && !Texts.isEmail(u.paypalEmail())) {
                errors.add(new FieldError("provider.paypalEmail", "validation.paypalEmail.format"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private void validatePayflow(CommerceConfiguration current, SettingsUpdate u, boolean anyService,
                                 List<FieldError> errors) {
        if (u.accountType() == null) {
            errors.add(new FieldError("provider.accountType", "validation.accountType.required"));
            return;
        }
        for (CardBrand b : u.acceptedCards()) {
            if (!u.accountType().brands().contains(b)) {
                errors.add(new FieldError("provider.acceptedCards", "validation.acceptedCards.notOffered", b,
                        u.accountType()));
            }
        }
        if (u.accountType().hasCardField() && anyService && u.acceptedCards().isEmpty()) {
            errors.add(new FieldError("provider.acceptedCards", "validation.acceptedCards.required"));
        }
        for (OperatingMode m : OperatingMode.values()) {
            SettingsUpdate.CredentialsInput in = u.credentials().get(m);
            String prefix = "provider.credentials." + m + ".";
            String pw = in == null ? null : in.password();
            if (pw != null && !pw.isEmpty() && (pw.length() < PASSWORD_MIN || pw.length() > PASSWORD_MAX)) {
                errors.add(new FieldError(prefix + "password", "validation.password.length"));
            }
            if (in != null) {
                length(errors, prefix + "partnerId", in.partnerId(), 64);
                length(errors, prefix + "vendor", in.vendor(), 64);
                length(errors, prefix + "user", in.user(), 64);
            }
            // The set of the mode being switched on must be complete when a service takes payments.
            if (anyService && m == u.mode()) {
                if (in == null || Texts.clean(in.partnerId()) == null) {
                    errors.add(new FieldError(prefix + "partnerId", "validation.partnerId.required", label(m)));
                }
                if (in == null || Texts.clean(in.vendor()) == null) {
                    errors.add(new FieldError(prefix + "vendor", "validation.vendor.required", label(m)));
                }
                boolean hasStored = current.findCredentials(m).map(ProviderCredentials::hasPassword).orElse(false);
                if ((pw == null || pw.isEmpty()) && !hasStored) {
                    errors.add(new FieldError(prefix + "password", "validation.password.required", label(m)));
                }
            }
        }
    }

    private static Messages.Key label(OperatingMode m) {
        return new Messages.Key("mode." + m.name());
    }

    private static void length(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "validation.length.max", max));
        }
    }
}
