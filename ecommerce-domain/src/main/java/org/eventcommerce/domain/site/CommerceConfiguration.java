package org.eventcommerce.domain.site;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.payments.CardBrand;
import org.eventcommerce.payments.OperatingMode;

/**
 * The site's single commerce configuration, shared by every enabled service (MISSION.md M1: a change made
 * for Events applies to Training and the other way round, because there is only this one row).
 * Holds M1 services, M3 mode, M10 merchant and support, M11 payment page texts and the provider settings.
 */
@Entity
@Table(name = "commerce_configuration")
public class CommerceConfiguration extends BaseEntity {

    @OneToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @Column(name = "events_enabled", nullable = false)
    private boolean eventsEnabled;

    @Column(name = "training_enabled", nullable = false)
    private boolean trainingEnabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "operating_mode")
    private OperatingMode mode;

    @Column(name = "merchant_name")
    private String merchantName;

    @Column(name = "support_info")
    private String supportInfo;

    @Column(name = "page_header")
    private String pageHeader;

    @Column(name = "page_footer")
    private String pageFooter;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_type")
    private ProviderType providerType;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type")
    private AccountType accountType;

    /** Comma-separated {@link CardBrand} names. */
    @Column(name = "accepted_cards")
    private String acceptedCards;

    @Column(name = "express_checkout", nullable = false)
    private boolean expressCheckout;

    @Column(name = "paypal_email")
    private String paypalEmail;

    @Column(nullable = false)
    private String currency;

    @Column(name = "promotion_codes_enabled", nullable = false)
    private boolean promotionCodesEnabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_action", nullable = false)
    private PaymentAction paymentAction = PaymentAction.SALE;

    /** Promotion-code e-mail template (null: the built-in default of the mail package). */
    @Column(name = "mail_subject")
    private String mailSubject;

    @Column(name = "mail_text")
    private String mailText;

    @Column(name = "mail_html")
    private String mailHtml;

    /** In Test mode, every mail goes to this one address instead (null: mail stays in the outbox). */
    @Column(name = "test_mail_redirect")
    private String testMailRedirect;

    @OneToMany(mappedBy = "configuration", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ProviderCredentials> credentials = new ArrayList<>();

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CommerceConfiguration() {
    }

    /** A new configuration: every service off, mode Test, Payflow Pro in USD. */
    public CommerceConfiguration(Site site, Instant now) {
        this.site = site;
        this.mode = OperatingMode.TEST;
        this.providerType = ProviderType.PAYFLOW_PRO;
        this.accountType = AccountType.PAYFLOW_PRO;
        this.currency = "USD";
        this.acceptedCards = "";
        this.updatedAt = now;
        credentials.add(new ProviderCredentials(this, OperatingMode.TEST));
        credentials.add(new ProviderCredentials(this, OperatingMode.PRODUCTION));
    }

    public Site getSite() {
        return site;
    }

    public boolean isEnabled(Service service) {
        return service == Service.EVENTS ? eventsEnabled : trainingEnabled;
    }

    public Set<Service> enabledServices() {
        EnumSet<Service> s = EnumSet.noneOf(Service.class);
        if (eventsEnabled) {
            s.add(Service.EVENTS);
        }
        if (trainingEnabled) {
            s.add(Service.TRAINING);
        }
        return s;
    }

    /**
     * The operating mode.
     *
     * @throws IllegalStateException when unset: an unset mode is an error, never silently Test or Production
     */
    public OperatingMode requireMode() {
        if (mode == null) {
            throw new IllegalStateException("Operating mode is not set for site " + site.getSlug());
        }
        return mode;
    }

    public OperatingMode getMode() {
        return mode;
    }

    public String getMerchantName() {
        return merchantName;
    }

    public String getSupportInfo() {
        return supportInfo;
    }

    public String getPageHeader() {
        return pageHeader;
    }

    public String getPageFooter() {
        return pageFooter;
    }

    public ProviderType getProviderType() {
        return providerType;
    }

    public AccountType getAccountType() {
        return accountType;
    }

    /** The accepted brands, in the order of {@link CardBrand}. */
    public List<CardBrand> getAcceptedCards() {
        if (acceptedCards == null || acceptedCards.isBlank()) {
            return List.of();
        }
        return Arrays.stream(acceptedCards.split(",")).map(CardBrand::valueOf).sorted().toList();
    }

    public boolean isExpressCheckout() {
        return expressCheckout;
    }

    public String getPaypalEmail() {
        return paypalEmail;
    }

    public Currency getCurrency() {
        return Currency.getInstance(currency);
    }

    public boolean isPromotionCodesEnabled() {
        return promotionCodesEnabled;
    }

    /** Sale (take the money at once, the default) or Authorization (hold it until the organizer captures it). */
    public PaymentAction getPaymentAction() {
        return paymentAction == null ? PaymentAction.SALE : paymentAction;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The credential set for {@code mode} (both sets always exist). */
    public ProviderCredentials credentials(OperatingMode mode) {
        return credentials.stream().filter(c -> c.getMode() == mode).findFirst().orElseThrow();
    }

    /** Finds the set for {@code mode}, if present. */
    public Optional<ProviderCredentials> findCredentials(OperatingMode mode) {
        return credentials.stream().filter(c -> c.getMode() == mode).findFirst();
    }

    public String getMailSubject() {
        return mailSubject;
    }

    public String getMailText() {
        return mailText;
    }

    public String getMailHtml() {
        return mailHtml;
    }

    public String getTestMailRedirect() {
        return testMailRedirect;
    }

    /**
     * Replaces the promotion-code mail template and the Test-mode redirect address (already validated by the
     * mail package; null restores the default / keeps mail in the outbox).
     */
    public void changeMail(String subject, String text, String html, String testRedirect, Instant now) {
        this.mailSubject = subject;
        this.mailText = text;
        this.mailHtml = html;
        this.testMailRedirect = testRedirect;
        this.updatedAt = now;
    }

    /** Applies an already validated update (see {@link SettingsService#update}). */
    void apply(SettingsUpdate u, Instant now) {
        this.eventsEnabled = u.eventsEnabled();
        this.trainingEnabled = u.trainingEnabled();
        this.mode = u.mode();
        this.merchantName = u.merchantName();
        this.supportInfo = u.supportInfo();
        this.pageHeader = u.pageHeader();
        this.pageFooter = u.pageFooter();
        this.providerType = u.providerType();
        this.accountType = u.accountType();
        this.acceptedCards = u.acceptedCards().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.expressCheckout = u.expressCheckout();
        this.paypalEmail = u.paypalEmail();
        this.currency = u.currency();
        this.promotionCodesEnabled = u.promotionCodesEnabled();
        this.paymentAction = u.paymentAction();
        this.site.changeTimeZone(u.timeZone());
        this.updatedAt = now;
    }
}
