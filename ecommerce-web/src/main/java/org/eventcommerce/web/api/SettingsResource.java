package org.eventcommerce.web.api;

import org.eventcommerce.domain.site.ProviderCheck;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.Messages;
import java.util.Locale;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.eventcommerce.domain.site.AccountType;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.ProviderCredentials;
import org.eventcommerce.domain.site.PaymentAction;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.domain.site.SettingsUpdate;
import org.eventcommerce.domain.site.SettingsUpdate.CredentialsInput;
import org.eventcommerce.payments.CardBrand;
import org.eventcommerce.payments.OperatingMode;

/**
 * {@code GET/PUT /api/v1/settings} (API.md "Settings"). Passwords are write-only: accepted by PUT inside each
 * credentials set, never returned. A PUT replaces the settings; fields it leaves out keep their values.
 */
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private static final Set<String> FIELDS = Set.of("services", "mode", "timeZone", "merchantName", "supportInfo",
            "paymentPage", "promotionCodesEnabled", "provider", "promotionMail", "paymentAction");
    private static final Set<String> PROVIDER_FIELDS = Set.of("type", "credentials", "accountType", "acceptedCards",
            "expressCheckout", "paypalEmail", "currency");
    /** {@code passwordSet} is what GET shows; a PUT may send it back and it is ignored. */
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("partnerId", "vendor", "user", "password",
            "passwordSet");

    @Inject
    ApiCaller caller;

    @Inject
    SettingsService settings;

    /** The site's settings. */
    @GET
    public String get() {
        return toJson(settings.get(caller.siteId())).toString();
    }

    /**
     * {@code POST /api/v1/settings/connection-test?mode=TEST|PRODUCTION} (added to API.md's list; issue 4 "Test
     * connection"): asks the provider, with the saved credentials of {@code mode} (default: the site's current
     * mode) and without charging anything, whether they work. 200 {@code {"mode": "TEST", "ok": true,
     * "message": "..."}} (English) whatever the answer; 400 for an unknown mode.
     */
    @POST
    @Path("connection-test")
    public String testConnection(@QueryParam("mode") String modeName) {
        OperatingMode mode;
        if (modeName == null || modeName.isBlank()) {
            mode = settings.get(caller.siteId()).getMode();
        } else {
            try {
                mode = OperatingMode.valueOf(modeName.strip());
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("mode", "validation.mode.required");
            }
        }
        ProviderCheck.Outcome o = settings.testConnection(caller.siteId(), mode);
        return Json.object().add("mode", mode.name()).add("ok", o.ok())
                .add("message", Messages.format(Locale.ENGLISH, o.key(), o.args().toArray())).build().toString();
    }

    /**
     * Validates and saves; 200 with the saved settings, or 400 listing every invalid field. The change is recorded in
     * the audit log by "platform API" with each changed field's old and new value (passwords as "(changed)").
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public String put(String body) {
        SettingsUpdate cur = SettingsUpdate.from(settings.get(caller.siteId()));
        JsonBody b = JsonBody.parse(body, FIELDS);
        boolean events = cur.eventsEnabled();
        boolean training = cur.trainingEnabled();
        JsonBody services = b.object("services", Set.of("EVENTS", "TRAINING"), false);
        if (services != null) {
            events = services.bool("EVENTS", events);
            training = services.bool("TRAINING", training);
        }
        OperatingMode mode = b.has("mode") ? b.enumValue("mode", OperatingMode.class, true) : cur.mode();
        ZoneId zone = cur.timeZone();
        String tz = b.string("timeZone", false);
        if (tz != null) {
            if (ZoneId.getAvailableZoneIds().contains(tz)) {
                zone = ZoneId.of(tz);
            } else {
                b.error("timeZone", "validation.timeZone.unknown");
            }
        }
        String merchant = b.has("merchantName") ? b.string("merchantName", false) : cur.merchantName();
        String support = b.has("supportInfo") ? b.string("supportInfo", false) : cur.supportInfo();
        String header = cur.pageHeader();
        String footer = cur.pageFooter();
        JsonBody page = b.object("paymentPage", Set.of("header", "footer"), false);
        if (page != null) {
            header = page.has("header") ? page.string("header", false) : header;
            footer = page.has("footer") ? page.string("footer", false) : footer;
        }
        boolean codes = b.bool("promotionCodesEnabled", cur.promotionCodesEnabled());
        PaymentAction action = b.has("paymentAction") ? b.enumValue("paymentAction", PaymentAction.class, true)
                : cur.paymentAction();
        ProviderType type = cur.providerType();
        AccountType accountType = cur.accountType();
        Set<CardBrand> cards = cur.acceptedCards();
        boolean express = cur.expressCheckout();
        String paypalEmail = cur.paypalEmail();
        String currency = cur.currency();
        Map<OperatingMode, CredentialsInput> creds = new EnumMap<>(OperatingMode.class);
        creds.putAll(cur.credentials());
        JsonBody p = b.object("provider", PROVIDER_FIELDS, false);
        if (p != null) {
            if (p.has("type")) {
                ProviderType newType = p.enumValue("type", ProviderType.class, true);
                if (newType != null && newType != type && !p.has("currency")) {
                    currency = newType.defaultCurrency();
                }
                type = newType;
            }
            accountType = p.has("accountType") ? p.enumValue("accountType", AccountType.class, true) : accountType;
            if (p.has("acceptedCards")) {
                cards = cards(p);
            }
            express = p.bool("expressCheckout", express);
            paypalEmail = p.has("paypalEmail") ? p.string("paypalEmail", false) : paypalEmail;
            currency = p.has("currency") ? p.string("currency", true) : currency;
            JsonBody c = p.object("credentials", Set.of("TEST", "PRODUCTION"), false);
            if (c != null) {
                for (OperatingMode m : OperatingMode.values()) {
                    JsonBody set = c.object(m.name(), CREDENTIAL_FIELDS, false);
                    if (set != null) {
                        CredentialsInput old = creds.get(m);
                        creds.put(m, new CredentialsInput(
                                set.has("partnerId") ? set.string("partnerId", false) : old.partnerId(),
                                set.has("vendor") ? set.string("vendor", false) : old.vendor(),
                                set.has("user") ? set.string("user", false) : old.user(),
                                set.string("password", false)));
                    }
                }
            }
        }
        JsonBody mail = b.object("promotionMail", Set.of("subject", "text", "html", "testRedirect"), false);
        CommerceConfiguration current = settings.get(caller.siteId());
        String mailSubject = current.getMailSubject();
        String mailText = current.getMailText();
        String mailHtml = current.getMailHtml();
        String redirect = current.getTestMailRedirect();
        if (mail != null) {
            mailSubject = mail.has("subject") ? mail.string("subject", false) : mailSubject;
            mailText = mail.has("text") ? mail.string("text", false) : mailText;
            mailHtml = mail.has("html") ? mail.string("html", false) : mailHtml;
            redirect = mail.keys().contains("testRedirect") ? mail.string("testRedirect", false) : redirect;
        }
        b.finish();
        SettingsService.Saved saved = settings.save(caller.siteId(), new SettingsUpdate(events, training, mode, zone,
                merchant, support, header, footer, codes, type, accountType, cards, express, paypalEmail, currency,
                creds, action), mail == null ? null : new SettingsService.MailInput(mailSubject, mailText, mailHtml, redirect),
                org.eventcommerce.domain.audit.AuditLog.PLATFORM_API);
        // Beyond API.md's shape, only in PUT answers: the unpaid orders a change of currency cancelled, and those
        // it kept because their payment is under way.
        return Json.object(toJson(saved.configuration())).add("cancelledUnpaidOrders", saved.cancelledOrders())
                .add("keptUnpaidOrders", saved.keptOrders()).build().toString();
    }

    private static Set<CardBrand> cards(JsonBody p) {
        JsonValue v = p.raw("acceptedCards");
        Set<CardBrand> out = EnumSet.noneOf(CardBrand.class);
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            p.error("acceptedCards", "validation.type.array");
            return out;
        }
        for (JsonValue item : (JsonArray) v) {
            try {
                out.add(CardBrand.valueOf(((JsonString) item).getString()));
            } catch (ClassCastException | IllegalArgumentException e) {
                p.error("acceptedCards", "validation.enum", java.util.Arrays.toString(CardBrand.values()));
            }
        }
        return out;
    }

    private static JsonObject toJson(CommerceConfiguration c) {
        JsonArrayBuilder cards = Json.array();
        c.getAcceptedCards().forEach(b -> cards.add(b.name()));
        var creds = Json.object();
        for (OperatingMode m : OperatingMode.values()) {
            ProviderCredentials pc = c.credentials(m);
            creds.add(m.name(), Json.object().add("partnerId", Json.string(pc.getPartnerId()))
                    .add("vendor", Json.string(pc.getVendor())).add("user", Json.string(pc.getUser()))
                    .add("passwordSet", pc.hasPassword()));
        }
        return Json.object()
                .add("services", Json.object().add("EVENTS", c.isEnabled(Service.EVENTS))
                        .add("TRAINING", c.isEnabled(Service.TRAINING)))
                .add("mode", c.getMode() == null ? JsonValue.NULL : Json.string(c.getMode().name()))
                .add("timeZone", c.getSite().getTimeZone().getId())
                .add("merchantName", Json.string(c.getMerchantName()))
                .add("supportInfo", Json.string(c.getSupportInfo()))
                .add("paymentPage", Json.object().add("header", Json.string(c.getPageHeader()))
                        .add("footer", Json.string(c.getPageFooter())))
                .add("promotionCodesEnabled", c.isPromotionCodesEnabled())
                .add("paymentAction", c.getPaymentAction().name())
                .add("promotionMail", Json.object()
                        .add("subject", Json.string(c.getMailSubject()))
                        .add("text", Json.string(c.getMailText()))
                        .add("html", Json.string(c.getMailHtml()))
                        .add("testRedirect", Json.string(c.getTestMailRedirect())))
                .add("provider", Json.object().add("type", c.getProviderType().name())
                        .add("credentials", creds)
                        .add("accountType", c.getAccountType() == null ? JsonValue.NULL
                                : Json.string(c.getAccountType().name()))
                        .add("acceptedCards", cards)
                        .add("expressCheckout", c.isExpressCheckout())
                        .add("paypalEmail", Json.string(c.getPaypalEmail()))
                        .add("currency", c.getCurrency().getCurrencyCode()))
                .build();
    }
}
