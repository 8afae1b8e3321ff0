package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The revenue report over the API (MISSION.md M12; {@code GET /api/v1/reports/revenue}, JSON and CSV) on the built
 * WAR, with money moved through the API against the PayPal emulator so that every figure is known:
 * <ul>
 * <li>in Test mode: keynote (Live event, Events, 40.00) paid by Ann;</li>
 * <li>in Production (the emulator's live account; the site is put back in Test mode afterwards): keynote paid by Bob
 * with a 5.00 promotion code (35.00) and by Cleo (40.00), 12.50 of Cleo's refunded; recording (a Recording of the
 * Training service, 15.00) paid by Dan; workshop (Training session, 100.00) ordered by Fay with a 100 % code (a zero
 * total, paid without a provider call); a Live event at 1012.00 declined by the emulator (RESULT 12).</li>
 * </ul>
 * Other IT classes leave their own payments in the same database on the same day, so per offering the figures are
 * asserted exactly (the offerings are this run's), and per type, per service and in the totals as the change the
 * run made to the report (the report is read before the first payment and again after; IT classes run one after
 * another, so nothing else moves money in between). The API key acts as the site's administrator (API.md): there is
 * no key with fewer rights, so "not an administrator" is asserted as a missing or unknown key (401).
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class})
@RunAsClient
class RevenueIT {

    private static final String KEY = "demo-platform-key";
    private static final String VISA = "4111111111111111";
    private static final String RUN = "r" + Long.toString(System.currentTimeMillis(), 36);
    private static final String KEYNOTE = "rv-keynote-" + RUN;
    private static final String RECORDING = "rv-recording-" + RUN;
    private static final String WORKSHOP = "rv-workshop-" + RUN;
    private static final String DECLINED = "rv-declined-" + RUN;
    private static final String FIVE_OFF = ("RVE" + RUN).toUpperCase();
    private static final String ALL_OFF = ("RVT" + RUN).toUpperCase();

    /** The report per query before this run's first payment (read once). */
    private static final Map<String, JsonObject> BEFORE = new HashMap<>();
    private static ApiClient admin;
    private static Boolean codesWereEnabled;
    private static LocalDate today;

    @ArquillianResource
    URL deployed;

    private ApiClient api;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void moveMoneyOnce() {
        api = new ApiClient(Deployments.loopback(deployed), KEY);
        if (admin != null) {
            return;
        }
        admin = api;
        JsonObject settings = api.get("api/v1/settings").json();
        today = LocalDate.now(ZoneId.of(settings.getString("timeZone")));
        codesWereEnabled = settings.getBoolean("promotionCodesEnabled");
        for (String q : List.of("groupBy=offeringType", "groupBy=service", "groupBy=offeringType&includeTest=true")) {
            BEFORE.put(q, report(q));
        }
        assertThat(api.put("api/v1/settings", "{\"promotionCodesEnabled\": true}").status()).isEqualTo(200);
        code(FIVE_OFF, "EVENTS", "{\"type\": \"FIXED\", \"amount\": {\"amount\": \"5.00\", \"currency\": \"USD\"}}");
        code(ALL_OFF, "TRAINING", "{\"type\": \"PERCENT\", \"percent\": \"100\"}");
        offering(KEYNOTE, "Revenue keynote " + RUN, "EVENTS", "LIVE_EVENT", "40.00");
        offering(RECORDING, "Revenue recording " + RUN, "TRAINING", "RECORDING", "15.00");
        offering(WORKSHOP, "Revenue workshop " + RUN, "TRAINING", "TRAINING_SESSION", "100.00");
        offering(DECLINED, "Revenue declined " + RUN, "EVENTS", "LIVE_EVENT", "1012.00");

        pay(KEYNOTE, "ann", null, "APPROVED");
        ApiClient.Answer prod = api.put("api/v1/settings", """
                {"mode": "PRODUCTION", "provider": {"credentials": {"PRODUCTION":
                  {"partnerId": "PayPal", "vendor": "livemerchant", "user": "livemerchant", "password": "live-pw-123"}}}}""");
        assertThat(prod.status()).as(prod.body()).isEqualTo(200);
        try {
            pay(KEYNOTE, "bob", FIVE_OFF, "APPROVED");
            String cleo = pay(KEYNOTE, "cleo", null, "APPROVED");
            ApiClient.Answer refund = api.post("api/v1/orders/" + cleo + "/refunds",
                    "{\"amount\": {\"amount\": \"12.50\", \"currency\": \"USD\"}}", "refund-" + cleo);
            assertThat(refund.status()).as(refund.body()).isEqualTo(201);
            assertThat(refund.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
            pay(RECORDING, "dan", null, "APPROVED");
            JsonObject free = order(WORKSHOP, "fay", ALL_OFF);
            assertThat(free.getString("status")).as("a zero total is paid at once").isEqualTo("PAID");
            assertThat(free.getJsonObject("discount").getString("amount")).isEqualTo("100.00");
            pay(DECLINED, "gus", null, "DECLINED");
        } finally {
            assertThat(api.put("api/v1/settings", "{\"mode\": \"TEST\"}").status()).isEqualTo(200);
        }
    }

    @AfterAll
    static void restoreSettings() {
        if (admin != null && codesWereEnabled != null) {
            admin.put("api/v1/settings", "{\"promotionCodesEnabled\": " + codesWereEnabled + "}");
        }
    }

    private void code(String code, String service, String discount) {
        ApiClient.Answer a = api.post("api/v1/promotion-codes", """
                {"service": "%s", "codeType": "CUSTOM", "customCode": "%s", "usage": {"type": "UNLIMITED"},
                 "discount": %s, "expiresOn": "%s", "appliesTo": "ALL", "sendEmail": false}"""
                .formatted(service, code, discount, LocalDate.now().plusYears(1)));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
    }

    private void offering(String id, String title, String service, String type, String fee) {
        String startsAt = type.equals("RECORDING") ? "" : "\"startsAt\": \"2027-03-01T15:00:00+02:00\", ";
        ApiClient.Answer put = api.put("api/v1/offerings/" + id, """
                {"title": "%s", "service": "%s", "type": "%s", "host": "host-%s@example.com", %s
                 "fee": {"amount": "%s", "currency": "USD"}}""".formatted(title, service, type, RUN, startsAt, fee));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
    }

    private JsonObject order(String offering, String who, String code) {
        ApiClient.Answer o = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s-%s@example.com", "name": "Buyer"}%s}"""
                .formatted(offering, who, RUN, code == null ? "" : ", \"promotionCode\": \"" + code + "\""));
        assertThat(o.status()).as(o.body()).isEqualTo(201);
        return o.json();
    }

    /** Places and pays an order by card; returns the order's id. */
    private String pay(String offering, String who, String code, String expected) {
        String order = order(offering, who, code).getString("id");
        ApiClient.Answer paid = api.post("api/v1/orders/" + order + "/payments", """
                {"card": {"number": "%s", "expiry": "1230", "cvv": "123", "holder": "Buyer"}}""".formatted(VISA),
                "pay-" + order);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().getJsonObject("transaction").getString("status")).isEqualTo(expected);
        return order;
    }

    /** The report from yesterday to tomorrow (today in the site's zone, whatever the machine's). */
    private JsonObject report(String query) {
        ApiClient.Answer a = api.get("api/v1/reports/revenue?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&" + query);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        return a.json();
    }

    private static Optional<JsonObject> group(JsonObject report, String key) {
        return report.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getString("key").equals(key) && g.getString("currency").equals("USD")).findFirst();
    }

    /** payments, refunds, net, discounts (USD amounts as strings) and orders of a group or total. */
    private static List<String> figures(JsonObject g) {
        for (String m : List.of("payments", "refunds", "net", "discounts")) {
            assertThat(g.getJsonObject(m).getString("currency")).isEqualTo("USD");
        }
        return List.of(g.getJsonObject("payments").getString("amount"), g.getJsonObject("refunds").getString("amount"),
                g.getJsonObject("net").getString("amount"), g.getJsonObject("discounts").getString("amount"),
                String.valueOf(g.getJsonNumber("orders").longValue()));
    }

    /** What this run added to the USD figures of group {@code key} ({@code null}: the USD totals). */
    private static List<String> change(JsonObject before, JsonObject after, String key) {
        Optional<JsonObject> b = key == null ? usdTotal(before) : group(before, key);
        Optional<JsonObject> a = key == null ? usdTotal(after) : group(after, key);
        assertThat(a).as("a line for " + key).isPresent();
        List<String> x = figures(a.get());
        List<String> y = b.map(RevenueIT::figures).orElse(List.of("0.00", "0.00", "0.00", "0.00", "0"));
        return List.of(diff(x, y, 0), diff(x, y, 1), diff(x, y, 2), diff(x, y, 3),
                String.valueOf(Long.parseLong(x.get(4)) - Long.parseLong(y.get(4))));
    }

    private static String diff(List<String> a, List<String> b, int i) {
        return new BigDecimal(a.get(i)).subtract(new BigDecimal(b.get(i))).toPlainString();
    }

    private static Optional<JsonObject> usdTotal(JsonObject report) {
        return report.getJsonArray("totals").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("currency").equals("USD")).findFirst();
    }

    @Test
    void perOfferingProductionOnlyByDefault() {
        JsonObject r = report("groupBy=offering");
        assertThat(r.getString("from")).isEqualTo(today.minusDays(1).toString());
        assertThat(r.getString("to")).isEqualTo(today.plusDays(1).toString());
        assertThat(r.getString("groupBy")).isEqualTo("offering");
        assertThat(r.getBoolean("includeTest")).isFalse();
        assertThat(r.getString("timeZone")).isNotBlank();
        JsonObject keynote = group(r, KEYNOTE).orElseThrow();
        assertThat(keynote.getString("label")).isEqualTo("Revenue keynote " + RUN);
        // 35.00 (Bob, 5.00 off) + 40.00 (Cleo) in Production; Ann's 40.00 in Test mode left out; 12.50 refunded.
        assertThat(figures(keynote)).containsExactly("75.00", "12.50", "62.50", "5.00", "2");
        assertThat(figures(group(r, RECORDING).orElseThrow())).containsExactly("15.00", "0.00", "15.00", "0.00", "1");
        // The zero total: an order and a discount, no money.
        assertThat(figures(group(r, WORKSHOP).orElseThrow())).containsExactly("0.00", "0.00", "0.00", "100.00", "1");
        assertThat(group(r, DECLINED)).as("a declined payment is no revenue and no paid order").isEmpty();
        // groupBy defaults to offering.
        assertThat(figures(group(report(""), KEYNOTE).orElseThrow())).containsExactly("75.00", "12.50", "62.50",
                "5.00", "2");
    }

    @Test
    void testModeCountsOnlyWhenAsked() {
        JsonObject r = report("groupBy=offering&includeTest=true");
        assertThat(r.getBoolean("includeTest")).isTrue();
        assertThat(figures(group(r, KEYNOTE).orElseThrow())).containsExactly("115.00", "12.50", "102.50", "5.00", "3");
        assertThat(figures(group(r, RECORDING).orElseThrow())).containsExactly("15.00", "0.00", "15.00", "0.00", "1");
        assertThat(change(BEFORE.get("groupBy=offeringType&includeTest=true"),
                report("groupBy=offeringType&includeTest=true"), "LIVE_EVENT"))
                .containsExactly("115.00", "12.50", "102.50", "5.00", "3");
    }

    @Test
    void perOfferingTypeAndPerServiceAndTheTotals() {
        JsonObject types = report("groupBy=offeringType");
        assertThat(types.getString("groupBy")).isEqualTo("offeringType");
        JsonObject before = BEFORE.get("groupBy=offeringType");
        assertThat(change(before, types, "LIVE_EVENT")).containsExactly("75.00", "12.50", "62.50", "5.00", "2");
        assertThat(group(types, "LIVE_EVENT").orElseThrow().getString("label")).isEqualTo("Live event");
        assertThat(change(before, types, "RECORDING")).containsExactly("15.00", "0.00", "15.00", "0.00", "1");
        assertThat(change(before, types, "TRAINING_SESSION")).containsExactly("0.00", "0.00", "0.00", "100.00", "1");
        assertThat(change(before, types, null)).containsExactly("90.00", "12.50", "77.50", "105.00", "4");

        JsonObject services = report("groupBy=service");
        JsonObject beforeServices = BEFORE.get("groupBy=service");
        assertThat(change(beforeServices, services, "EVENTS")).containsExactly("75.00", "12.50", "62.50", "5.00", "2");
        // A recording of the Training service counts under Training: the service is the offering's own.
        assertThat(change(beforeServices, services, "TRAINING"))
                .containsExactly("15.00", "0.00", "15.00", "100.00", "2");
        assertThat(group(services, "TRAINING").orElseThrow().getString("label")).isEqualTo("Training");
        assertThat(change(beforeServices, services, null)).containsExactly("90.00", "12.50", "77.50", "105.00", "4");
        // The totals are the sums of the groups, whatever the grouping.
        assertThat(figures(usdTotal(services).orElseThrow())).isEqualTo(figures(usdTotal(types).orElseThrow()));
    }

    @Test
    void theDaysAreInclusiveAndOutsideThemNothingCounts() {
        JsonObject todayOnly = api.get("api/v1/reports/revenue?from=" + today + "&to=" + today).json();
        assertThat(figures(group(todayOnly, KEYNOTE).orElseThrow())).containsExactly("75.00", "12.50", "62.50",
                "5.00", "2");
        JsonObject before = api.get("api/v1/reports/revenue?from=" + today.minusDays(30) + "&to="
                + today.minusDays(1) + "&includeTest=true").json();
        assertThat(group(before, KEYNOTE)).isEmpty();
        JsonObject after = api.get("api/v1/reports/revenue?from=" + today.plusDays(1) + "&to=" + today.plusDays(1)
                + "&includeTest=true").json();
        assertThat(group(after, KEYNOTE)).isEmpty();
    }

    @Test
    void theRevenueReportAgreesWithTheTransactionsReport() {
        JsonObject tx = api.get("api/v1/transactions?offering=" + KEYNOTE + "&from=" + today.minusDays(1) + "&to="
                + today.plusDays(1)).json();
        JsonObject usd = tx.getJsonArray("totals").getJsonObject(0);
        assertThat(usd.getJsonObject("gross").getString("amount")).isEqualTo("75.00");
        assertThat(usd.getJsonObject("refunds").getString("amount")).isEqualTo("12.50");
        assertThat(usd.getJsonObject("net").getString("amount")).isEqualTo("62.50");
    }

    @Test
    void theCsvHasTheGroupsThenTheTotals() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(Deployments.loopback(deployed)
                        .resolve("api/v1/reports/revenue?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)))
                .header("Authorization", "Bearer " + KEY).header("Accept", "text/csv").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                .contains("revenue-" + today.minusDays(1) + "-" + today.plusDays(1) + ".csv");
        assertThat(r.body()).startsWith("\uFEFF");
        List<String> lines = r.body().substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Key,Offering,Currency,Payments,Refunds,Net,Discounts given,Paid orders");
        assertThat(lines).contains(KEYNOTE + ",Revenue keynote " + RUN + ",USD,75.00,12.50,62.50,5.00,2",
                RECORDING + ",Revenue recording " + RUN + ",USD,15.00,0.00,15.00,0.00,1",
                WORKSHOP + ",Revenue workshop " + RUN + ",USD,0.00,0.00,0.00,100.00,1");
        JsonObject usd = usdTotal(report("groupBy=offering")).orElseThrow();
        List<String> f = figures(usd);
        assertThat(lines.get(lines.size() - 1)).as("the totals come last")
                .isEqualTo("\"\",Total,USD," + String.join(",", f));

        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(Deployments
                        .loopback(deployed).resolve("api/v1/reports/revenue?from=yesterday&to=" + today))
                .header("Authorization", "Bearer " + KEY).header("Accept", "text/csv").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void badParametersAreValidationProblemsOnTheirFields() {
        ApiClient.Answer a = api.get("api/v1/reports/revenue?from=2026-13-01&to=2026-02-30&groupBy=host"
                + "&includeTest=maybe");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().getString("type")).isEqualTo("/problems/validation");
        assertThat(a.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList())
                .containsExactlyInAnyOrder("from", "to", "groupBy", "includeTest");
        ApiClient.Answer backwards = api.get("api/v1/reports/revenue?from=2026-05-02&to=2026-05-01");
        assertThat(backwards.status()).isEqualTo(400);
        JsonObject error = backwards.json().getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("to");
        assertThat(error.getString("message")).isEqualTo("The end date cannot be before the start date.");
        ApiClient.Answer missing = api.get("api/v1/reports/revenue?groupBy=service");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList()).containsExactly("from", "to");
    }

    @Test
    void onlyTheSitesKeyMayReadIt() {
        String path = "api/v1/reports/revenue?from=" + today + "&to=" + today;
        ApiClient.Answer wrong = new ApiClient(Deployments.loopback(deployed), "wrong-key").get(path);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(new ApiClient(Deployments.loopback(deployed), null).get(path).status()).isEqualTo(401);
    }
}
