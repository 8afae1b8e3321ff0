package org.eventcommerce.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.site.AccountType;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.ProviderCheck;
import org.eventcommerce.domain.site.PaymentAction;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.domain.common.Messages;
import org.eventcommerce.domain.config.PayPalPlatformConfig;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.domain.site.SettingsUpdate;
import org.eventcommerce.payments.CardBrand;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.web.security.CurrentUser;

/**
 * The site administrator's E-Commerce page ({@code /admin/ecommerce.xhtml}, MISSION.md M1, M3, M4, M8, M10, M11):
 * services, operating mode, time zone, company information, promotion codes on or off, payment page texts and the
 * provider, saved with Update through {@link SettingsService#save} (recorded in the audit log by the signed-in
 * administrator's e-mail). Passwords are write-only: the fields start
 * empty and an empty field keeps the stored password.
 */
@Named("eCommerceSettings")
@ViewScoped
public class ECommerceSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id: component client ids are {@code settings:<id>}. */
    static final String FORM = "settings";

    /** The providers that can be chosen today; the others are listed as coming soon. */
    static final Set<ProviderType> AVAILABLE = SettingsService.AVAILABLE_PROVIDERS;

    private static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    /** API field names (ValidationException.FieldError#field) to component ids of this page. */
    private static final Map<String, String> FIELD_IDS = fieldIds();

    @Inject
    SettingsService settings;

    @Inject
    CurrentUser currentUser;

    @Inject
    PayPalPlatformConfig platform;

    private boolean eventsEnabled;
    private boolean trainingEnabled;
    private OperatingMode mode;
    private String timeZone;
    private String merchantName;
    private String supportInfo;
    private String pageHeader;
    private String pageFooter;
    private ProviderType providerType;
    private AccountType accountType;
    private CardBrand[] acceptedCards = new CardBrand[0];
    private boolean expressCheckout;
    private final Credentials test = new Credentials();
    private final Credentials production = new Credentials();

    private boolean promotionCodesEnabled;

    private PaymentAction paymentAction = PaymentAction.SALE;

    private String paypalEmail;
    private String currency;
    /** The last connection test's outcome, shown next to its button; null before any test. */
    private String connectionResult;
    private boolean connectionOk;

    @PostConstruct
    void load() {
        show(settings.get(currentUser.siteId()));
    }

    /** Saves every field with one Update; shows each broken rule next to its field, and saves nothing then. */
    public void update() {
        if (save()) {
            PageMessages.global(FacesMessage.SEVERITY_INFO, Bundle.text("message.settings.saved"));
        }
    }



    /**
     * Saves (as {@link #update()}), then runs the provider's connection test for the chosen mode with the saved
     * credentials and shows, in words, whether they work (issue 4, "Test connection"). Nothing is charged.
     */
    public void testConnection() {
        connectionResult = null;
        if (!save()) {
            return;
        }
        ProviderCheck.Outcome o = settings.testConnection(currentUser.siteId(), mode);
        connectionOk = o.ok();
        connectionResult = Messages.format(Bundle.locale(), o.key(), o.args().toArray());
    }

    private boolean save() {
        try {
            SettingsService.Saved saved = settings.save(currentUser.siteId(), toUpdate(), null,
                    currentUser.account().getEmail());
            show(saved.configuration());
            if (saved.cancelledOrders() > 0) {
                PageMessages.global(FacesMessage.SEVERITY_WARN,
                        Bundle.text("message.settings.ordersCancelled", saved.cancelledOrders(), currency));
            }
            if (saved.keptOrders() > 0) {
                PageMessages.global(FacesMessage.SEVERITY_WARN,
                        Bundle.text("message.settings.ordersKept", saved.keptOrders()));
            }
            return true;
        } catch (ValidationException e) {
            PageMessages.fieldErrors(e, field -> {
                String id = FIELD_IDS.get(field);
                return id == null ? null : FORM + ":" + id;
            });
            return false;
        } catch (jakarta.transaction.TransactionalException e) {
            if (!org.eventcommerce.web.api.LostRace.is(e)) {
                throw e;
            }
            // Another administrator saved meanwhile: nothing of this save was written; what was typed stays on the
            // form, so saving again applies it over theirs.
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text("message.settings.lostRace"));
            return false;
        } finally {
            test.password = null;
            production.password = null;
        }
    }

    /**
     * After another provider is chosen: keeps the account type when the new provider offers it (otherwise its
     * card-field type), takes the provider's default currency, and moves the partner to the provider's default.
     */
    public void providerChanged() {
        List<AccountType> offered = getAccountTypes();
        if (!offered.contains(accountType)) {
            accountType = offered.isEmpty() ? null : offered.get(offered.size() > 1 ? 1 : 0);
        }
        if (providerType != null) {
            currency = providerType.defaultCurrency(); // GBP for the UK, CAD for Canada (still changeable)
        }
        if (providerType != ProviderType.PAYFLOW_PRO) {
            expressCheckout = false;
        }
        // The partner follows the provider while it still holds the other one's default (still editable).
        for (Credentials c : List.of(test, production)) {
            c.partnerId = SettingsService.followingPartner(providerType, c.partnerId);
        }
    }

    /** The card brands the chosen account type offers with the chosen provider (empty: no card field). */
    public List<CardBrand> getCardBrands() {
        return accountType == null ? List.of() : accountType.brands(providerType);
    }

    /** True for the providers configured with Payflow credentials (Payflow Pro, Website Payments Pro UK). */
    public boolean isPayflow() {
        return providerType != null && providerType.usesPayflow();
    }

    /** True for Express Checkout (US, Canada): a PayPal e-mail and API permission instead of credentials. */
    public boolean isExpress() {
        return providerType != null && !providerType.usesPayflow();
    }

    /** True where the "Pay with PayPal" checkbox applies: Payflow Pro only (M4). */
    public boolean isExpressCheckoutOffered() {
        return providerType == ProviderType.PAYFLOW_PRO;
    }

    /** The currencies the chosen provider can be configured with (ISO 4217 codes). */
    public List<String> getCurrencies() {
        return providerType == null ? List.of() : providerType.currencies();
    }

    /** The name of account type {@code t} with the chosen provider (the UK names its Payflow edition apart). */
    public String accountTypeLabel(AccountType t) {
        return t == null ? "" : Bundle.text(t.labelKey(providerType));
    }

    /**
     * The platform's API user name merchants grant permission to, for {@code mode} (server configuration), or
     * null when the server has none.
     */
    public String apiUsername(OperatingMode m) {
        return platform.apiUsername(m).orElse(null);
    }

    public String getConnectionResult() {
        return connectionResult;
    }

    public boolean isConnectionOk() {
        return connectionOk;
    }

    /** True when the chosen account type shows a card field, so accepted cards can be chosen. */
    public boolean isCardField() {
        return accountType != null && accountType.hasCardField();
    }

    /** Provider choices: those not available yet are disabled and labelled "coming soon". */
    public List<SelectItem> getProviderTypes() {
        return Arrays.stream(ProviderType.values()).map(t -> {
            String name = Bundle.text("provider." + t.name());
            boolean available = AVAILABLE.contains(t);
            SelectItem item = new SelectItem(t, available ? name : Bundle.text("label.comingSoon", name));
            item.setDisabled(!available);
            return item;
        }).toList();
    }

    /** The account types the chosen provider offers (none for Express Checkout). */
    public List<AccountType> getAccountTypes() {
        return AccountType.offeredBy(providerType);
    }

    public List<OperatingMode> getModes() {
        return List.of(OperatingMode.values());
    }

    /** The payment actions: Sale (take the money at once) and Authorization (capture it later). */
    public List<PaymentAction> getPaymentActions() {
        return List.of(PaymentAction.values());
    }

    public PaymentAction getPaymentAction() {
        return paymentAction;
    }

    public void setPaymentAction(PaymentAction paymentAction) {
        this.paymentAction = paymentAction == null ? PaymentAction.SALE : paymentAction;
    }

    public List<String> getTimeZones() {
        return TIME_ZONES;
    }

    private SettingsUpdate toUpdate() {
        Map<OperatingMode, SettingsUpdate.CredentialsInput> credentials = new EnumMap<>(OperatingMode.class);
        credentials.put(OperatingMode.TEST, test.toInput());
        credentials.put(OperatingMode.PRODUCTION, production.toInput());
        ZoneId zone = timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone) ? null : ZoneId.of(timeZone);
        return new SettingsUpdate(eventsEnabled, trainingEnabled, mode, zone, merchantName, supportInfo, pageHeader,
                pageFooter, promotionCodesEnabled, providerType, accountType,
                Set.copyOf(Arrays.asList(getAcceptedCards())), expressCheckout, paypalEmail, currency, credentials,
                paymentAction);
    }

    private void show(CommerceConfiguration c) {
        SettingsUpdate u = SettingsUpdate.from(c);
        eventsEnabled = u.eventsEnabled();
        trainingEnabled = u.trainingEnabled();
        mode = u.mode();
        timeZone = u.timeZone() == null ? null : u.timeZone().getId();
        merchantName = u.merchantName();
        supportInfo = u.supportInfo();
        pageHeader = u.pageHeader();
        pageFooter = u.pageFooter();
        providerType = u.providerType();
        accountType = u.accountType();
        acceptedCards = u.acceptedCards().stream().sorted().toArray(CardBrand[]::new);
        expressCheckout = u.expressCheckout();
        promotionCodesEnabled = u.promotionCodesEnabled();
        paymentAction = u.paymentAction();
        paypalEmail = u.paypalEmail();
        currency = u.currency();
        test.show(u.credentials().get(OperatingMode.TEST), c.credentials(OperatingMode.TEST).hasPassword());
        production.show(u.credentials().get(OperatingMode.PRODUCTION),
                c.credentials(OperatingMode.PRODUCTION).hasPassword());
    }

    private static Map<String, String> fieldIds() {
        Map<String, String> ids = new HashMap<>();
        ids.put("eventsEnabled", "events");
        ids.put("trainingEnabled", "training");
        ids.put("mode", "mode");
        ids.put("timeZone", "timeZone");
        ids.put("merchantName", "merchantName");
        ids.put("supportInfo", "supportInfo");
        ids.put("promotionCodesEnabled", "promotionCodesEnabled");
        ids.put("paymentAction", "paymentAction");
        ids.put("paymentPage.header", "pageHeader");
        ids.put("paymentPage.footer", "pageFooter");
        ids.put("provider.type", "providerType");
        ids.put("provider.accountType", "accountType");
        ids.put("provider.acceptedCards", "acceptedCards");
        ids.put("provider.expressCheckout", "expressCheckout");
        ids.put("provider.currency", "currency");
        ids.put("provider.paypalEmail", "paypalEmail");
        for (OperatingMode m : OperatingMode.values()) {
            String prefix = m == OperatingMode.TEST ? "test" : "prod";
            ids.put("provider.credentials." + m + ".partnerId", prefix + "PartnerId");
            ids.put("provider.credentials." + m + ".vendor", prefix + "Vendor");
            ids.put("provider.credentials." + m + ".user", prefix + "User");
            ids.put("provider.credentials." + m + ".password", prefix + "Password");
        }
        return Map.copyOf(ids);
    }

    /** One mode's credentials as edited on the page; {@link #getPassword()} is always empty when shown. */
    public static class Credentials implements Serializable {

        private static final long serialVersionUID = 1L;

        private String partnerId;
        private String vendor;
        private String user;
        private String password;
        private boolean passwordStored;

        void show(SettingsUpdate.CredentialsInput in, boolean stored) {
            partnerId = in == null ? null : in.partnerId();
            vendor = in == null ? null : in.vendor();
            user = in == null ? null : in.user();
            password = null;
            passwordStored = stored;
        }

        SettingsUpdate.CredentialsInput toInput() {
            return new SettingsUpdate.CredentialsInput(partnerId, vendor, user, password);
        }

        public String getPartnerId() {
            return partnerId;
        }

        public void setPartnerId(String partnerId) {
            this.partnerId = partnerId;
        }

        public String getVendor() {
            return vendor;
        }

        public void setVendor(String vendor) {
            this.vendor = vendor;
        }

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        /** Always null when shown: passwords are write-only. */
        public String getPassword() {
            return null;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        /** True when a password is stored for this mode (the page says so; it never shows it). */
        public boolean isPasswordStored() {
            return passwordStored;
        }
    }

    public Credentials getTest() {
        return test;
    }

    public Credentials getProduction() {
        return production;
    }

    public boolean isEventsEnabled() {
        return eventsEnabled;
    }

    public void setEventsEnabled(boolean eventsEnabled) {
        this.eventsEnabled = eventsEnabled;
    }

    public boolean isTrainingEnabled() {
        return trainingEnabled;
    }

    public void setTrainingEnabled(boolean trainingEnabled) {
        this.trainingEnabled = trainingEnabled;
    }

    public OperatingMode getMode() {
        return mode;
    }

    public void setMode(OperatingMode mode) {
        this.mode = mode;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getMerchantName() {
        return merchantName;
    }

    public void setMerchantName(String merchantName) {
        this.merchantName = merchantName;
    }

    public String getSupportInfo() {
        return supportInfo;
    }

    public void setSupportInfo(String supportInfo) {
        this.supportInfo = supportInfo;
    }

    public String getPageHeader() {
        return pageHeader;
    }

    public void setPageHeader(String pageHeader) {
        this.pageHeader = pageHeader;
    }

    public String getPageFooter() {
        return pageFooter;
    }

    public void setPageFooter(String pageFooter) {
        this.pageFooter = pageFooter;
    }

    public ProviderType getProviderType() {
        return providerType;
    }

    public void setProviderType(ProviderType providerType) {
        this.providerType = providerType;
    }

    public AccountType getAccountType() {
        return accountType;
    }

    public void setAccountType(AccountType accountType) {
        this.accountType = accountType;
    }

    /**
     * The accepted cards among those the chosen account type offers. The choice made for another account
     * type is kept while the page is open, so switching back shows it again; Update saves only these.
     */
    public CardBrand[] getAcceptedCards() {
        List<CardBrand> offered = getCardBrands();
        return Arrays.stream(acceptedCards).filter(offered::contains).toArray(CardBrand[]::new);
    }

    public void setAcceptedCards(CardBrand[] acceptedCards) {
        this.acceptedCards = acceptedCards == null ? new CardBrand[0] : acceptedCards.clone();
    }

    public boolean isExpressCheckout() {
        return expressCheckout;
    }

    public void setExpressCheckout(boolean expressCheckout) {
        this.expressCheckout = expressCheckout;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getPaypalEmail() {
        return paypalEmail;
    }

    public void setPaypalEmail(String paypalEmail) {
        this.paypalEmail = paypalEmail;
    }

    /** True when promotion codes may be created and redeemed on the site (MISSION.md M8). */
    public boolean isPromotionCodesEnabled() {
        return promotionCodesEnabled;
    }

    public void setPromotionCodesEnabled(boolean promotionCodesEnabled) {
        this.promotionCodesEnabled = promotionCodesEnabled;
    }
}
