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
import org.eventcommerce.domain.audit.AuditLog;
import org.eventcommerce.domain.audit.FieldChange;
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
 * (field names follow the API body: {@code merchantName}, {@code provider.credentials.TEST.vendor}, ...). Every
 * change is recorded in the site's audit log with who made it and each changed field's old and new value (issue 5).
 */
@ApplicationScoped
public class SettingsService {

    /** PayPal's PWD length rule [PFP-2009 Table 4.1: 6–32 characters]. */
    static final int PASSWORD_MIN = 6;
    static final int PASSWORD_MAX = 32;

    /**
     * The providers this version can take payments with: every provider of the seed (the Payflow-based ones with
     * their card field or hosted page, Express Checkout (US, Canada) through PayPal's pages).
     */
    public static final java.util.Set<ProviderType> AVAILABLE_PROVIDERS = java.util.EnumSet.of(
            ProviderType.PAYFLOW_PRO, ProviderType.WEBSITE_PAYMENTS_PRO_UK, ProviderType.EXPRESS_CHECKOUT_US,
            ProviderType.EXPRESS_CHECKOUT_CA);

    /** The PARTNER of Website Payments Pro (UK) accounts, filled in when left blank [paypal-protocols.md §2]. */
    public static final String UK_PARTNER = "PayPalUK";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    Clock clock;

    @Inject
    ProviderCheck providerCheck;

    @Inject
    jakarta.enterprise.event.Event<CurrencyChanged> currencyChanged;

    @Inject
    AuditLog audit;

    /**
     * What a save did.
     *
     * @param configuration   the saved configuration
     * @param cancelledOrders unpaid orders cancelled because the payment currency changed (0 when it did not)
     * @param keptOrders      unpaid orders in the old currency kept because their payment is under way
     */
    public record Saved(CommerceConfiguration configuration, int cancelledOrders, int keptOrders) {
    }

    /**
     * Validates and saves {@code u} and, when {@code mail} is not null, the promotion-code mail settings
     * ({@link #updateMail}), in one transaction: a broken rule in either saves nothing of both. Tells how many unpaid
     * orders a change of the payment currency cancelled ({@link CurrencyChanged}), so the page and the API can say so.
     * The change is recorded in the audit log as one {@link AuditLog#SETTINGS_UPDATE} entry by {@code actor} with each
     * changed field's old and new value (passwords as "(changed)"); nothing is recorded when nothing changed.
     *
     * @param actor who saves: the signed-in administrator's e-mail, {@link AuditLog#PLATFORM_API} or
     *              {@link AuditLog#DEMO_DATA}
     * @throws ValidationException as {@link #update}
     */
    @Transactional
    public Saved save(long siteId, SettingsUpdate u, MailInput mail, String actor) {
        CommerceConfiguration c = get(siteId);
        Map<String, String> before = SettingsAudit.snapshot(c);
        Saved s = apply(siteId, u);
        if (mail != null) {
            applyMail(c, mail.subject(), mail.text(), mail.html(), mail.testRedirect(), API_MAIL_FIELDS);
        }
        recordChanges(c, before, actor);
        return s;
    }

    /**
     * The site with {@code siteId} (as the API key filter found it).
     *
     * @throws NotFoundException when there is none (deleted meanwhile)
     */
    @Transactional
    public Site site(long siteId) {
        Site site = em.find(Site.class, siteId);
        if (site == null) {
            throw new NotFoundException("Site");
        }
        return site;
    }

    /** @throws NotFoundException when the site has no configuration */
    @Transactional
    public CommerceConfiguration get(long siteId) {
        return em.createQuery("select c from CommerceConfiguration c where c.site.id = :s", CommerceConfiguration.class)
                .setParameter("s", siteId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Commerce configuration"));
    }

    /**
     * Validates and saves {@code u}; passwords are encrypted, a null/empty password or the stored one typed again keeps
     * the stored one ({@link ProviderCredentials#changePassword}). Audited as
     * {@link #save}.
     *
     * @return the saved configuration
     * @throws ValidationException listing every broken rule; nothing is written
     */
    @Transactional
    public CommerceConfiguration update(long siteId, SettingsUpdate given, String actor) {
        return save(siteId, given, null, actor).configuration();
    }

    /** Records the fields of {@code c} that differ from {@code before} as one entry by {@code actor}, if any. */
    private void recordChanges(CommerceConfiguration c, Map<String, String> before, String actor) {
        List<FieldChange> changes = SettingsAudit.changes(before, SettingsAudit.snapshot(c));
        if (!changes.isEmpty()) {
            audit.record(c.getSite(), actor, AuditLog.SETTINGS_UPDATE, SettingsAudit.detail(changes), changes);
        }
    }

    private Saved apply(long siteId, SettingsUpdate given) {
        CommerceConfiguration c = get(siteId);
        SettingsUpdate u = withDefaults(followPartner(c, given));
        List<FieldError> errors = errors(c, u);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        boolean checkProduction = u.mode() == OperatingMode.PRODUCTION && (u.eventsEnabled() || u.trainingEnabled())
                && productionChanges(c, u);
        java.util.Currency before = c.getCurrency();
        c.apply(u, clock.instant());
        int cancelled = 0;
        int kept = 0;
        if (!before.equals(c.getCurrency())) {
            CurrencyChanged change = new CurrencyChanged(siteId, before, c.getCurrency());
            currencyChanged.fire(change);
            cancelled = change.cancelledOrders();
            kept = change.keptOrders();
        }
        for (Map.Entry<OperatingMode, SettingsUpdate.CredentialsInput> e : u.credentials().entrySet()) {
            ProviderCredentials pc = c.credentials(e.getKey());
            SettingsUpdate.CredentialsInput in = e.getValue();
            pc.update(in.partnerId(), in.vendor(), in.user());
            if (in.password() != null && !in.password().isEmpty()) {
                pc.changePassword(in.password(), cipher);
            }
        }
        if (checkProduction) {
            // Switching to Production runs the connection test with the Production set against the Production
            // endpoint, and is refused (the whole update rolls back) when it fails (issue 4, "Test connection").
            ProviderCheck.Outcome o = providerCheck.check(c, OperatingMode.PRODUCTION);
            if (!o.ok()) {
                throw new ValidationException(List.of(new FieldError("mode", "validation.mode.productionCheck",
                        new Messages.Key(o.key(), o.args().toArray()))));
            }
        }
        return new Saved(c, cancelled, kept);
    }

    /**
     * Runs the connection test for {@code mode} on the saved configuration of {@code siteId}.
     *
     * @return what the check found, never null
     */
    @Transactional
    public ProviderCheck.Outcome testConnection(long siteId, OperatingMode mode) {
        return providerCheck.check(get(siteId), mode);
    }

    /** {@code u} with the defaults a blank field stands for: the UK partner {@value #UK_PARTNER}. */
    private static SettingsUpdate withDefaults(SettingsUpdate u) {
        if (u.providerType() != ProviderType.WEBSITE_PAYMENTS_PRO_UK) {
            return u;
        }
        Map<OperatingMode, SettingsUpdate.CredentialsInput> creds = new java.util.EnumMap<>(OperatingMode.class);
        u.credentials().forEach((m, in) -> creds.put(m, Texts.clean(in.partnerId()) != null ? in
                : new SettingsUpdate.CredentialsInput(UK_PARTNER, in.vendor(), in.user(), in.password())));
        return u.withCredentials(creds);
    }

    /** The PARTNER of accounts PayPal sells directly (Payflow Pro) [paypal-protocols.md §1.4]. */
    public static final String US_PARTNER = "PayPal";

    /**
     * The partner that goes with provider {@code to} when the one held is the other Payflow provider's default (or
     * blank): {@value #UK_PARTNER} for Website Payments Pro (UK), {@value #US_PARTNER} for Payflow Pro; any other
     * partner (a reseller's) is kept. The E-Commerce page applies it when another provider is chosen.
     */
    public static String followingPartner(ProviderType to, String partner) {
        boolean blank = partner == null || partner.isBlank();
        if (to == ProviderType.WEBSITE_PAYMENTS_PRO_UK && (blank || US_PARTNER.equals(partner))) {
            return UK_PARTNER;
        }
        if (to == ProviderType.PAYFLOW_PRO && (blank || UK_PARTNER.equals(partner))) {
            return US_PARTNER;
        }
        return partner;
    }

    /**
     * {@code u} switching provider from {@code c}'s, with each mode's partner that the request left as stored moved
     * to the new provider's ({@link #followingPartner}); the API then behaves as the page (a fresh-user trial switched
     * UK → Payflow Pro by the API and kept "PayPalUK" for the US account).
     */
    static SettingsUpdate followPartner(CommerceConfiguration c, SettingsUpdate u) {
        if (u.providerType() == null || u.providerType() == c.getProviderType() || !u.providerType().usesPayflow()) {
            return u;
        }
        Map<OperatingMode, SettingsUpdate.CredentialsInput> creds = new java.util.EnumMap<>(OperatingMode.class);
        u.credentials().forEach((m, in) -> {
            String stored = c.findCredentials(m).map(ProviderCredentials::getPartnerId).orElse(null);
            creds.put(m, !java.util.Objects.equals(in.partnerId(), stored) ? in
                    : new SettingsUpdate.CredentialsInput(followingPartner(u.providerType(), in.partnerId()),
                    in.vendor(), in.user(), in.password()));
        });
        return u.withCredentials(creds);
    }

    /** True when {@code u} switches to Production, or changes what Production payments would use. */
    private static boolean productionChanges(CommerceConfiguration c, SettingsUpdate u) {
        if (c.getMode() != OperatingMode.PRODUCTION || c.getProviderType() != u.providerType()
                || !java.util.Objects.equals(c.getPaypalEmail(), u.paypalEmail())) {
            return true;
        }
        SettingsUpdate.CredentialsInput in = u.credentials().get(OperatingMode.PRODUCTION);
        if (in == null) {
            return false;
        }
        ProviderCredentials pc = c.credentials(OperatingMode.PRODUCTION);
        return !java.util.Objects.equals(pc.getPartnerId(), in.partnerId())
                || !java.util.Objects.equals(pc.getVendor(), in.vendor())
                || !java.util.Objects.equals(pc.getUser(), in.user())
                || in.password() != null && !in.password().isEmpty();
    }

    /** The promotion-code mail settings as typed (see {@link #updateMail}). */
    public record MailInput(String subject, String text, String html, String testRedirect) {
    }

    /**
     * Saves the promotion-code mail template and the Test-mode redirect address. Blank template parts
     * restore the defaults; a blank redirect keeps Test-mode mail in the outbox. Audited as {@link #save}.
     *
     * @throws ValidationException with fields {@code mail.subject}, {@code mail.text}, {@code mail.html},
     *                             {@code mail.testRedirect} (the page's names; {@link #save} names them
     *                             {@code promotionMail.*}, as the API's request); nothing is saved
     */
    @Transactional
    public CommerceConfiguration updateMail(long siteId, String subject, String text, String html,
                                            String testRedirect, String actor) {
        CommerceConfiguration c = get(siteId);
        Map<String, String> before = SettingsAudit.snapshot(c);
        applyMail(c, subject, text, html, testRedirect, PAGE_MAIL_FIELDS);
        recordChanges(c, before, actor);
        return c;
    }

    /** The prefix of the mail fields' names in errors of {@code PUT /api/v1/settings}: the request's object. */
    static final String API_MAIL_FIELDS = "promotionMail.";

    /** The prefix of the mail fields' names in errors of the mail template page ({@link #updateMail}). */
    static final String PAGE_MAIL_FIELDS = "mail.";

    private void applyMail(CommerceConfiguration c, String subject, String text, String html, String testRedirect,
                           String fieldPrefix) {
        List<FieldError> errors = mailErrors(fieldPrefix, subject, text, html, testRedirect);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        c.changeMail(Texts.clean(subject), Texts.clean(text), Texts.clean(html), Texts.clean(testRedirect),
                clock.instant());
    }

    /**
     * The broken rules of the promotion-code mail settings (blank template parts stand for the defaults), each on its
     * field named {@code fieldPrefix} + {@code subject}, {@code text}, {@code html} or {@code testRedirect}: the
     * request's names, {@code promotionMail.*} for the API and {@code mail.*} for the mail template page.
     */
    static List<FieldError> mailErrors(String fieldPrefix, String subject, String text, String html,
                                       String testRedirect) {
        String s = Texts.clean(subject);
        String t = Texts.clean(text);
        String h = Texts.clean(html);
        String r = Texts.clean(testRedirect);
        List<FieldError> errors = new ArrayList<>();
        for (FieldError e : org.eventcommerce.domain.mail.MailTemplate.validate(
                s == null ? org.eventcommerce.domain.mail.MailTemplate.DEFAULT_SUBJECT : s,
                t == null ? org.eventcommerce.domain.mail.MailTemplate.DEFAULT_TEXT : t,
                h == null ? org.eventcommerce.domain.mail.MailTemplate.DEFAULT_HTML : h)) {
            String name = e.field().startsWith("mail.") ? e.field().substring("mail.".length()) : e.field();
            errors.add(new FieldError(fieldPrefix + name, e.key(), e.args()));
        }
        if (r != null && !Texts.isEmail(r)) {
            errors.add(new FieldError(fieldPrefix + "testRedirect", "validation.email.format"));
        }
        return errors;
    }

    /**
     * Every broken rule of {@code u} against the stored {@code current} (empty when {@code u} may be saved). Fields
     * the chosen provider does not use (the PayPal e-mail under Payflow, the credentials under Express Checkout) are
     * still stored, so they are checked whatever the provider.
     */
    static List<FieldError> errors(CommerceConfiguration current, SettingsUpdate u) {
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
            if (u.expressCheckout() && u.providerType() != ProviderType.PAYFLOW_PRO) {
                errors.add(new FieldError("provider.expressCheckout", "validation.expressCheckout.payflowOnly"));
            }
            if (u.providerType().usesPayflow()) {
                validatePayflow(current, u, anyService, errors);
            } else if (anyService && Texts.clean(u.paypalEmail()) == null) {
                errors.add(new FieldError("provider.paypalEmail", "validation.paypalEmail.required"));
            }
        }
        if (u.paypalEmail() != null && Texts.clean(u.paypalEmail()) != null && !Texts.isEmail(u.paypalEmail())) {
            errors.add(new FieldError("provider.paypalEmail", "validation.paypalEmail.format"));
        }
        credentialErrors(u, errors);
        return errors;
    }

    /** Lengths of every mode's credentials as typed, whatever the provider (they are stored either way). */
    private static void credentialErrors(SettingsUpdate u, List<FieldError> errors) {
        for (Map.Entry<OperatingMode, SettingsUpdate.CredentialsInput> e : u.credentials().entrySet()) {
            SettingsUpdate.CredentialsInput in = e.getValue();
            String prefix = "provider.credentials." + e.getKey() + ".";
            String pw = in.password();
            if (pw != null && !pw.isEmpty() && (pw.length() < PASSWORD_MIN || pw.length() > PASSWORD_MAX)) {
                errors.add(new FieldError(prefix + "password", "validation.password.length"));
            }
            length(errors, prefix + "partnerId", in.partnerId(), 64);
            length(errors, prefix + "vendor", in.vendor(), 64);
            length(errors, prefix + "user", in.user(), 64);
        }
    }

    private static void validatePayflow(CommerceConfiguration current, SettingsUpdate u, boolean anyService,
                                 List<FieldError> errors) {
        if (u.accountType() == null) {
            errors.add(new FieldError("provider.accountType", "validation.accountType.required"));
            return;
        }
        if (!AccountType.offeredBy(u.providerType()).contains(u.accountType())) {
            errors.add(new FieldError("provider.accountType", "validation.accountType.notOffered",
                    new Messages.Key(u.accountType().labelKey(u.providerType())),
                    new Messages.Key("provider." + u.providerType().name())));
            return;
        }
        for (CardBrand b : u.acceptedCards()) {
            if (!u.accountType().brands(u.providerType()).contains(b)) {
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
