package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 "Security": every change of the e-commerce configuration is one audit entry with who, when and each changed
 * field's exact old and new value, passwords only as "(changed)" (never the password, in the entry or anywhere in the
 * log); through {@code PUT /api/v1/settings} ("platform API"), the E-Commerce form and the promotion-code e-mail page
 * (the signed-in administrator's e-mail), read back through {@code GET /api/v1/audit-log} and on
 * {@code /admin/audit-log.xhtml} (English and Romanian, times in the site's time zone, filter by action). Over HTTP
 * (portal forms posted as the browser posts them). Every change is put back.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class})
@RunAsClient
class AuditLogIT {

    @ArquillianResource
    URL deployed;

    private URI base;
    private ApiClient api;
    private final String run = Long.toString(System.nanoTime(), 36);

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void setUp() {
        base = Deployments.loopback(deployed);
        api = new ApiClient(base, "demo-platform-key");
    }

    /** The newest entries of {@code action}. */
    private List<JsonObject> entries(String action, int limit) {
        ApiClient.Answer a = api.get("api/v1/audit-log?limit=" + limit + "&action=" + action);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private JsonObject newestSettingsChange() {
        return entries("settings.update", 1).get(0);
    }

    /** The changes of an entry as "field: old -> new" (null written as null). */
    private static List<String> changes(JsonObject entry) {
        List<String> out = new ArrayList<>();
        for (JsonObject c : entry.getJsonArray("changes").getValuesAs(JsonObject.class)) {
            out.add(c.getString("field") + ": " + text(c.get("old")) + " -> " + text(c.get("new")));
        }
        return out;
    }

    private static String text(JsonValue v) {
        return v.getValueType() == JsonValue.ValueType.NULL ? "null" : ((jakarta.json.JsonString) v).getString();
    }

    /** The string field {@code name} of {@code o}, or null when it is JSON null. */
    private static String text(JsonObject o, String name) {
        return o.isNull(name) ? null : o.getString(name);
    }

    /** {@code s} as a JSON string to put a value back; no value as "" (the API keeps a field sent as null). */
    private static String quoted(String s) {
        return s == null ? "\"\"" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void aChangeThroughTheApiIsOneEntryWithExactOldAndNewValuesAndNoSecret() {
        JsonObject before = api.get("api/v1/settings").json();
        JsonObject prodBefore = before.getJsonObject("provider").getJsonObject("credentials")
                .getJsonObject("PRODUCTION");
        String merchantBefore = text(before, "merchantName");
        String redirectBefore = text(before.getJsonObject("promotionMail"), "testRedirect");
        String secret = "Secret-" + run;
        OffsetDateTime started = OffsetDateTime.now().minusSeconds(5);

        ApiClient.Answer put = api.put("api/v1/settings", """
                {"merchantName": "Audit Merchant %s", "provider": {"credentials": {"PRODUCTION": {"partnerId": "PayPal",
                  "vendor": "audit-%s", "user": "audit-user-%s", "password": "%s"}}},
                 "promotionMail": {"testRedirect": "audit-%s@example.com"}}""".formatted(run, run, run, secret, run));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        try {
            JsonObject entry = newestSettingsChange();
            assertThat(entry.getString("actor")).isEqualTo("platform API");
            assertThat(entry.getString("action")).isEqualTo("settings.update");
            assertThat(OffsetDateTime.parse(entry.getString("at"))).isAfter(started)
                    .isBefore(OffsetDateTime.now().plusSeconds(5));
            List<String> expected = new ArrayList<>();
            expected.add("merchantName: " + merchantBefore + " -> Audit Merchant " + run);
            if (!"PayPal".equals(text(prodBefore, "partnerId"))) {
                expected.add("provider.credentials.PRODUCTION.partnerId: " + text(prodBefore, "partnerId")
                        + " -> PayPal");
            }
            expected.add("provider.credentials.PRODUCTION.vendor: " + text(prodBefore, "vendor") + " -> audit-" + run);
            expected.add("provider.credentials.PRODUCTION.user: " + text(prodBefore, "user") + " -> audit-user-"
                    + run);
            expected.add("provider.credentials.PRODUCTION.password: "
                    + (prodBefore.getBoolean("passwordSet") ? "(set)" : "(not set)") + " -> (changed)");
            expected.add("promotionMail.testRedirect: " + redirectBefore + " -> audit-" + run + "@example.com");
            assertThat(changes(entry)).containsExactlyElementsOf(expected);
            assertThat(entry.getString("detail")).isEqualTo(String.join(", ", expected.stream()
                    .map(s -> s.substring(0, s.indexOf(':'))).toList()));
            // The password is nowhere in the log.
            assertThat(api.get("api/v1/audit-log?limit=500").body()).doesNotContain(secret);

            // The same values again change nothing: no new entry.
            assertThat(api.put("api/v1/settings", "{\"merchantName\": \"Audit Merchant " + run + "\"}").status())
                    .isEqualTo(200);
            assertThat(newestSettingsChange()).isEqualTo(entry);
            // Nor do the stored passwords sent again (a fresh user's trial found "(set) -> (changed)" every time).
            ApiClient.Answer same = api.put("api/v1/settings", """
                    {"provider": {"credentials": {"TEST": {"password": "emulator-pw1"},
                      "PRODUCTION": {"password": "%s"}}}}""".formatted(secret));
            assertThat(same.status()).as(same.body()).isEqualTo(200);
            assertThat(newestSettingsChange()).isEqualTo(entry);
        } finally {
            ApiClient.Answer back = api.put("api/v1/settings", """
                    {"merchantName": %s, "provider": {"credentials": {"PRODUCTION": {"partnerId": %s, "vendor": %s,
                      "user": %s, "password": "live-pw-123"}}}, "promotionMail": {"testRedirect": %s}}"""
                    .formatted(quoted(merchantBefore), quoted(text(prodBefore, "partnerId")),
                            quoted(text(prodBefore, "vendor")), quoted(text(prodBefore, "user")),
                            quoted(redirectBefore)));
            assertThat(back.status()).as(back.body()).isEqualTo(200);
        }
        // Putting it back is recorded too, the other way round.
        assertThat(changes(newestSettingsChange())).contains("merchantName: Audit Merchant " + run + " -> "
                        + merchantBefore, "provider.credentials.PRODUCTION.vendor: audit-" + run + " -> "
                        + text(prodBefore, "vendor"),
                "provider.credentials.PRODUCTION.password: (set) -> (changed)");
    }

    @Test
    void aChangeThroughThePortalFormIsRecordedWithTheAdministratorsEmail() {
        JsonObject before = api.get("api/v1/settings").json();
        String merchantBefore = text(before, "merchantName");
        boolean productionSet = before.getJsonObject("provider").getJsonObject("credentials")
                .getJsonObject("PRODUCTION").getBoolean("passwordSet");
        String actionBefore = before.getString("paymentAction");
        String actionAfter = "SALE".equals(actionBefore) ? "AUTHORIZATION" : "SALE";
        PortalClient admin = PortalClient.signedIn(base, "admin@demo.example", "admin-demo-1");
        HttpResponse<String> page = admin.get("admin/ecommerce.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        List<Map.Entry<String, String>> form = PortalClient.form(page.body(), "settings");
        form = PortalClient.with(form, "settings:merchantName", "Portal Merchant " + run);
        form = PortalClient.with(form, "settings:paymentAction", actionAfter);
        // Typing the stored Test password again is no change (a fresh user's trial found "(set) → (changed)" every
        // time); typing another Production password is a change of a secret: recorded as "(changed)" only.
        form = PortalClient.with(form, "settings:testPassword", "emulator-pw1");
        form = PortalClient.with(form, "settings:prodPassword", "Portal-pw-" + run);
        form = PortalClient.with(form, "settings:update", "");
        HttpResponse<String> saved = admin.post("admin/ecommerce.xhtml", form);
        try {
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.body()).contains("Settings saved");
            JsonObject entry = newestSettingsChange();
            assertThat(entry.getString("actor")).isEqualTo("admin@demo.example");
            assertThat(changes(entry)).containsExactly("merchantName: " + merchantBefore + " -> Portal Merchant " + run,
                    "paymentAction: " + actionBefore + " -> " + actionAfter,
                    "provider.credentials.PRODUCTION.password: " + (productionSet ? "(set)" : "(not set)")
                            + " -> (changed)");

            // The administrator reads it on the audit-log page, in the site's time zone, without the password.
            String timeZone = api.get("api/v1/settings").json().getString("timeZone");
            String log = admin.get("admin/audit-log.xhtml").body();
            assertThat(log).contains("Audit log", "admin@demo.example", "Settings changed", "Merchant name",
                    "Portal Merchant " + run, "Payment action", "Sale: take the payment at once",
                    "Authorization: hold the payment, capture it later", "Production credentials: Password",
                    "(changed)",
                    "Times in the site's time zone (" + timeZone + ")", "(" + timeZone + ")");
            assertThat(log).doesNotContain("emulator-pw1").doesNotContain("Portal-pw-" + run);
            assertThat(log.indexOf("Portal Merchant " + run)).isLessThan(log.indexOf("entries:1:"));
            String ro = admin.get("admin/audit-log.xhtml?lang=ro").body();
            assertThat(ro).contains("Jurnal de audit", "Setări modificate", "Numele comerciantului", "Acțiune de plată",
                    "Date de autentificare pentru Producție: Parolă", "(modificată)");
            admin.get("admin/audit-log.xhtml?lang=en");
        } finally {
            assertThat(api.put("api/v1/settings", "{\"merchantName\": " + quoted(merchantBefore)
                    + ", \"paymentAction\": \"" + actionBefore + "\", \"provider\": {\"credentials\": "
                    + "{\"PRODUCTION\": {\"password\": \"live-pw-123\"}}}}").status()).isEqualTo(200);
        }
    }

    @Test
    void theMailTemplatePageIsAuditedAndThePageFiltersByAction() {
        JsonObject mail = api.get("api/v1/settings").json().getJsonObject("promotionMail");
        PortalClient admin = PortalClient.signedIn(base, "admin@demo.example", "admin-demo-1");
        HttpResponse<String> page = admin.get("admin/promotion-codes/mail-template.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        List<Map.Entry<String, String>> form = PortalClient.form(page.body(), "mailTemplate");
        String subject = "Your code from Audit " + run;
        form = PortalClient.with(form, "mailTemplate:subject", subject);
        HttpResponse<String> saved = admin.ajax("admin/promotion-codes/mail-template.xhtml", form,
                "mailTemplate:save", null, "mailTemplate", "mailTemplate");
        try {
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.body()).contains("partial-response");
            JsonObject entry = newestSettingsChange();
            assertThat(entry.getString("actor")).isEqualTo("admin@demo.example");
            // The page saves the whole template; the parts left as they were are no change (the built-in default
            // counts as no value whether it is stored as null or as its text).
            assertThat(changes(entry)).containsExactly("promotionMail.subject: " + text(mail, "subject") + " -> "
                    + subject);

            // A promotion-code extension of the run, so the filter has two actions to tell apart.
            String code = ("AUD" + run).toUpperCase();
            boolean codesOn = api.get("api/v1/settings").json().getBoolean("promotionCodesEnabled");
            api.put("api/v1/settings", "{\"promotionCodesEnabled\": true}");
            try {
                assertThat(api.post("api/v1/promotion-codes", """
                        {"service": "EVENTS", "codeType": "CUSTOM", "customCode": "%s", "usage": {"type": "UNLIMITED"},
                         "discount": {"type": "PERCENT", "percent": "10"}, "expiresOn": "2031-01-01",
                         "appliesTo": "ALL", "sendEmail": false}""".formatted(code)).status()).isEqualTo(201);
                assertThat(api.post("api/v1/promotion-codes/extension", """
                        {"codes": ["%s"], "expiresOn": "2032-01-01"}""".formatted(code)).status()).isEqualTo(200);
            } finally {
                api.put("api/v1/settings", "{\"promotionCodesEnabled\": " + codesOn + "}");
            }
            JsonObject extension = entries("promotion-codes.extend", 1).get(0);
            assertThat(extension.getString("detail")).isEqualTo(code + ": 2031-01-01 -> 2032-01-01");
            assertThat(changes(extension)).containsExactly(code + ": 2031-01-01 -> 2032-01-01");

            // The page, filtered by the action chosen in its menu (an ajax request), and by ?action=; each code with
            // its old and new date in the reader's format.
            HttpResponse<String> logPage = admin.get("admin/audit-log.xhtml");
            assertThat(logPage.body()).contains(subject, code, "1/1/2031", "1/1/2032");
            String ro = admin.get("admin/audit-log.xhtml?lang=ro").body();
            assertThat(ro).contains("01.01.2031", "01.01.2032", "API-ul platformei")
                    .doesNotContain("2031-01-01").doesNotContain(">platform API<");
            admin.get("admin/audit-log.xhtml?lang=en");
            List<Map.Entry<String, String>> filter = PortalClient.with(PortalClient.form(logPage.body(), "audit"),
                    "audit:action_input", "promotion-codes.extend");
            HttpResponse<String> filtered = admin.ajax("admin/audit-log.xhtml", filter, "audit:action", "change",
                    "audit:action", "audit:entries");
            assertThat(filtered.statusCode()).isEqualTo(200);
            assertThat(filtered.body()).contains(code, "1/1/2032", "Promotion codes extended")
                    .doesNotContain(subject).doesNotContain("Settings changed");
            String byParameter = admin.get("admin/audit-log.xhtml?action=settings.update").body();
            assertThat(byParameter).contains(subject).doesNotContain(code);
        } finally {
            ApiClient.Answer back = api.put("api/v1/settings", "{\"promotionMail\": {\"subject\": "
                    + quoted(text(mail, "subject")) + "}}");
            assertThat(back.status()).as(back.body()).isEqualTo(200);
        }
    }

    @Test
    void extensionsAndDeletionsAreCountedAndLoggedOnlyWhenTheyChangeSomething() {
        String code = ("AUX" + run).toUpperCase();
        boolean codesOn = api.get("api/v1/settings").json().getBoolean("promotionCodesEnabled");
        api.put("api/v1/settings", "{\"promotionCodesEnabled\": true}");
        try {
            assertThat(api.post("api/v1/promotion-codes", """
                    {"service": "EVENTS", "codeType": "CUSTOM", "customCode": "%s", "usage": {"type": "UNLIMITED"},
                     "discount": {"type": "PERCENT", "percent": "10"}, "expiresOn": "2031-12-31",
                     "appliesTo": "ALL", "sendEmail": false}""".formatted(code)).status()).isEqualTo(201);
            JsonObject newest = api.get("api/v1/audit-log?limit=1").json().getJsonArray("items").getJsonObject(0);

            // The date the code already has: nothing extended, nothing logged.
            ApiClient.Answer same = api.post("api/v1/promotion-codes/extension", """
                    {"codes": ["%s"], "expiresOn": "2031-12-31"}""".formatted(code));
            assertThat(same.status()).as(same.body()).isEqualTo(200);
            assertThat(same.json().getInt("extended")).isZero();
            // An earlier date is no extension: refused on expiresOn, naming the code and its date.
            ApiClient.Answer earlier = api.post("api/v1/promotion-codes/extension", """
                    {"codes": ["%s"], "expiresOn": "2030-12-01"}""".formatted(code));
            assertThat(earlier.status()).as(earlier.body()).isEqualTo(400);
            JsonObject error = earlier.json().getJsonArray("errors").getJsonObject(0);
            assertThat(error.getString("field")).isEqualTo("expiresOn");
            assertThat(error.getString("message")).contains(code, "12/31/2031");
            assertThat(api.get("api/v1/promotion-codes?code=" + code).json().getJsonArray("items").getJsonObject(0)
                    .getString("expiresOn")).isEqualTo("2031-12-31");
            assertThat(api.get("api/v1/audit-log?limit=1").json().getJsonArray("items").getJsonObject(0))
                    .isEqualTo(newest);

            // Deleted once: counted and logged once.
            assertThat(api.post("api/v1/promotion-codes/deletion", "{\"codes\": [\"" + code + "\"]}").json()
                    .getInt("deleted")).isEqualTo(1);
            JsonObject deletion = api.get("api/v1/audit-log?limit=1").json().getJsonArray("items").getJsonObject(0);
            assertThat(deletion.getString("action")).isEqualTo("promotion-codes.delete");
            assertThat(deletion.getString("detail")).isEqualTo(code);
            assertThat(api.post("api/v1/promotion-codes/deletion", "{\"codes\": [\"" + code + "\"]}").json()
                    .getInt("deleted")).isZero();
            assertThat(api.get("api/v1/audit-log?limit=1").json().getJsonArray("items").getJsonObject(0))
                    .isEqualTo(deletion);
        } finally {
            api.put("api/v1/settings", "{\"promotionCodesEnabled\": " + codesOn + "}");
        }
    }

    @Test
    void aLimitThatIsNotAWholeNumberInRangeIsAValidationProblemOnLimit() {
        for (String limit : List.of("abc", "1.5", "99999999999", "0", "501")) {
            ApiClient.Answer a = api.get("api/v1/audit-log?limit=" + limit);
            assertThat(a.status()).as(limit + ": " + a.body()).isEqualTo(400);
            JsonObject error = a.json().getJsonArray("errors").getJsonObject(0);
            assertThat(error.getString("field")).isEqualTo("limit");
            assertThat(error.getString("message")).doesNotContain("page");
        }
    }

    @Test
    void aBrokenMailSettingIsReportedOnTheRequestsFieldName() {
        ApiClient.Answer a = api.put("api/v1/settings", """
                {"promotionMail": {"testRedirect": "x", "html": "<p>no code</p>"}}""");
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .containsExactlyInAnyOrder("promotionMail.testRedirect", "promotionMail.html");
    }
}
