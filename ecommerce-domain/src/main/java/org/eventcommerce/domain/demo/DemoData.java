package org.eventcommerce.domain.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.account.ApiKeyService;
import org.eventcommerce.domain.account.Role;
import org.eventcommerce.domain.audit.AuditLog;
import org.eventcommerce.domain.offering.Offering;
import org.eventcommerce.domain.offering.OfferingType;
import org.eventcommerce.domain.site.AccountType;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.domain.site.SettingsUpdate;
import org.eventcommerce.domain.site.SettingsUpdate.CredentialsInput;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.CardBrand;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.money.Money;

/**
 * The demo (README "Demo accounts"): one site in America/New_York with Events and Training, a site
 * administrator, a host and an attendee, three offerings with USD fees, Test mode with Payflow Pro pointing
 * at the PayPal emulator's test account, and the platform API key {@code demo-platform-key}. Loads only
 * when asked for and only into a database without any site.
 *
 * <p>For the integration tests ({@code ecommerce.demo.second-site=true}, never set by {@code run.sh}) a second, small
 * site ({@link #loadSecondSiteIfMissing}) with its own administrator, host, attendee, offering and API key, so that
 * the tests can prove nothing crosses sites.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = System.getLogger(DemoData.class.getName());

    public static final String SITE_SLUG = "demo";
    public static final String API_KEY = "demo-platform-key";
    public static final String ADMIN = "admin@demo.example";
    public static final String HOST = "host@demo.example";
    public static final String ATTENDEE = "attendee@demo.example";
    public static final String ADMIN_PASSWORD = "admin-demo-1";
    public static final String HOST_PASSWORD = "host-demo-1";
    public static final String ATTENDEE_PASSWORD = "attendee-demo-1";
    /** The second site (tests only): slug, API key, people and their passwords, its one offering. */
    public static final String SECOND_SITE_SLUG = "second";
    public static final String SECOND_API_KEY = "second-platform-key";
    public static final String SECOND_ADMIN = "admin@second.example";
    public static final String SECOND_HOST = "host@second.example";
    public static final String SECOND_ATTENDEE = "attendee@second.example";
    public static final String SECOND_ADMIN_PASSWORD = "admin-second-1";
    public static final String SECOND_HOST_PASSWORD = "host-second-1";
    public static final String SECOND_ATTENDEE_PASSWORD = "attendee-second-1";
    public static final String SECOND_OFFERING = "second-webinar";

    /** The PayPal emulator's test account (ecommerce-it EmulatorAccounts). */
    public static final CredentialsInput EMULATOR_ACCOUNT =
            new CredentialsInput("PayPal", "demomerchant", "demomerchant", "emulator-pw1");

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    SettingsService settings;

    @Inject
    ApiKeyService apiKeys;

    @Inject
    Clock clock;

    /** Loads the demo unless a site exists. @return true when loaded */
    @Transactional
    public boolean loadIfEmpty() {
        long sites = em.createQuery("select count(s) from Site s", Long.class).getSingleResult();
        if (sites > 0) {
            LOG.log(Level.INFO, "Demo not loaded: the database already has {0} site(s)", sites);
            return false;
        }
        ZoneId zone = ZoneId.of("America/New_York");
        Site site = new Site(SITE_SLUG, "Demo Training Co.", zone, clock.instant());
        em.persist(site);
        em.persist(new CommerceConfiguration(site, clock.instant()));
        em.flush();
        account(site, ADMIN, "Ada Admin", ADMIN_PASSWORD, Role.SITE_ADMIN);
        Account host = account(site, HOST, "Hugo Host", HOST_PASSWORD, Role.HOST);
        account(site, ATTENDEE, "Anna Attendee", ATTENDEE_PASSWORD, Role.ATTENDEE);
        settings.update(site.getId(), new SettingsUpdate(true, true, OperatingMode.TEST, zone, "Demo Training Co.",
                "support@demo.example", "Secure payment for Demo Training Co. events and courses.",
                "Payments are processed by PayPal. Questions? Write to support@demo.example.", false,
                ProviderType.PAYFLOW_PRO, AccountType.PAYFLOW_PRO, Set.of(CardBrand.values()).stream()
                .filter(AccountType.PAYFLOW_PRO.brands()::contains).collect(java.util.stream.Collectors.toSet()),
                false, null, "USD", Map.of(OperatingMode.TEST, EMULATOR_ACCOUNT,
                OperatingMode.PRODUCTION, new CredentialsInput(null, null, null, null)),
                org.eventcommerce.domain.site.PaymentAction.SALE), AuditLog.DEMO_DATA);
        ZonedDateTime nextWeek = ZonedDateTime.now(clock.withZone(zone)).plusDays(7).withHour(15).withMinute(0)
                .withSecond(0).withNano(0);
        offering(site, "live-keynote", "Annual Keynote (live)", Service.EVENTS, OfferingType.LIVE_EVENT, host,
                nextWeek, "25.00");
        offering(site, "java-workshop", "Java Workshop: Payments Done Right", Service.TRAINING,
                OfferingType.TRAINING_SESSION, host, nextWeek.plusDays(1), "150.00");
        offering(site, "keynote-recording", "Last Year's Keynote (recording)", Service.EVENTS, OfferingType.RECORDING,
                host, null, "9.99");
        apiKeys.register(site, API_KEY, "demo platform");
        LOG.log(Level.INFO, "Demo loaded. Sign in at /login.xhtml as {0} / {1} (site administrator), {2} / {3} "
                        + "(host), {4} / {5} (attendee). Platform API key: {6}", ADMIN, ADMIN_PASSWORD, HOST,
                HOST_PASSWORD, ATTENDEE, ATTENDEE_PASSWORD, API_KEY);
        return true;
    }

    /** Whether the database holds any site (the demo's or another). */
    @Transactional
    public boolean anySite() {
        return em.createQuery("select count(s) from Site s", Long.class).getSingleResult() > 0;
    }

    /**
     * Loads the second site unless a site with the slug {@value #SECOND_SITE_SLUG} exists: Europe/Bucharest, Events
     * only, Test mode with Payflow Pro on the emulator's test account (USD), administrator {@value #SECOND_ADMIN},
     * host {@value #SECOND_HOST}, attendee {@value #SECOND_ATTENDEE}, the live event {@value #SECOND_OFFERING}
     * ("Second Site Webinar", 12.00 USD) and the API key {@value #SECOND_API_KEY}. Only for tests.
     *
     * @return true when loaded
     */
    @Transactional
    public boolean loadSecondSiteIfMissing() {
        long existing = em.createQuery("select count(s) from Site s where s.slug = :s", Long.class)
                .setParameter("s", SECOND_SITE_SLUG).getSingleResult();
        if (existing > 0) {
            return false;
        }
        ZoneId zone = ZoneId.of("Europe/Bucharest");
        Site site = new Site(SECOND_SITE_SLUG, "Second Site Ltd.", zone, clock.instant());
        em.persist(site);
        em.persist(new CommerceConfiguration(site, clock.instant()));
        em.flush();
        account(site, SECOND_ADMIN, "Sam Second-Admin", SECOND_ADMIN_PASSWORD, Role.SITE_ADMIN);
        Account host = account(site, SECOND_HOST, "Sid Second-Host", SECOND_HOST_PASSWORD, Role.HOST);
        account(site, SECOND_ATTENDEE, "Sue Second-Attendee", SECOND_ATTENDEE_PASSWORD, Role.ATTENDEE);
        settings.update(site.getId(), new SettingsUpdate(true, false, OperatingMode.TEST, zone, "Second Site Ltd.",
                "support@second.example", null, null, false, ProviderType.PAYFLOW_PRO, AccountType.PAYFLOW_PRO,
                Set.of(CardBrand.VISA, CardBrand.MASTERCARD), false, null, "USD", Map.of(OperatingMode.TEST,
                EMULATOR_ACCOUNT, OperatingMode.PRODUCTION, new CredentialsInput(null, null, null, null)),
                org.eventcommerce.domain.site.PaymentAction.SALE), AuditLog.DEMO_DATA);
        offering(site, SECOND_OFFERING, "Second Site Webinar", Service.EVENTS, OfferingType.LIVE_EVENT, host,
                ZonedDateTime.now(clock.withZone(zone)).plusDays(10).withHour(11).withMinute(0).withSecond(0)
                        .withNano(0), "12.00");
        apiKeys.register(site, SECOND_API_KEY, "second site platform");
        LOG.log(Level.INFO, "Second demo site loaded (tests): {0}, {1}, {2}, API key {3}", SECOND_ADMIN, SECOND_HOST,
                SECOND_ATTENDEE, SECOND_API_KEY);
        return true;
    }

    private Account account(Site site, String email, String name, String password, Role role) {
        Account a = new Account(site, email, name, clock.instant());
        a.setPasswordHash(passwordHash.generate(password.toCharArray()));
        a.grant(role);
        em.persist(a);
        return a;
    }

    private void offering(Site site, String id, String title, Service service, OfferingType type, Account host,
                          ZonedDateTime startsAt, String fee) {
        Offering o = new Offering(site, id, clock.instant());
        o.describe(title, service, type, host, startsAt == null ? null : startsAt.toInstant(), Money.of(fee, "USD"),
                clock.instant());
        em.persist(o);
    }
}
