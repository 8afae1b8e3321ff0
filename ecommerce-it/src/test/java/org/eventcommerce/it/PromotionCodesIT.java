package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Promotion codes over the API (API.md "Promotion codes", "Quotes") on the built WAR: creation with every
 * rule, mail through a real SMTP server (GreenMail) in Test mode, redemption that can never over-use a code
 * even with many simultaneous orders, the report, extension and deletion.
 */
@ExtendWith({EmulatorExtension.class, SmtpExtension.class, ArquillianExtension.class})
@RunAsClient
class PromotionCodesIT {

    private static final String VISA = "4111111111111111";

    @ArquillianResource
    URL deployed;

    private ApiClient api;
    private final String run = Long.toString(System.nanoTime(), 36);
    private final String nextYear = LocalDate.now().plusYears(1).toString();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void enableCodes() {
        api = new ApiClient(Deployments.loopback(deployed), "demo-platform-key");
        ApiClient.Answer a = api.put("api/v1/settings", """
                {"promotionCodesEnabled": true, "promotionMail": {"testRedirect": "qa-%s@demo.example"}}"""
                .formatted(run));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    private String offering(String id, String type, String fee) {
        ApiClient.Answer put = api.put("api/v1/offerings/" + id, """
                {"title": "Offering %s", "service": "EVENTS", "type": "%s", "host": "host-%s@example.com",
                 "fee": {"amount": "%s", "currency": "USD"}}""".formatted(id, type, run, fee));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        return id;
    }

    private JsonObject createCodes(String json) {
        ApiClient.Answer a = api.post("api/v1/promotion-codes", json);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json();
    }

    private String customCode(String code, String usage, String discount, String appliesTo) {
        createCodes("""
                {"service": "EVENTS", "codeType": "CUSTOM", "customCode": "%s", "usage": %s, "discount": %s,
                 "expiresOn": "%s", "appliesTo": "%s", "sendEmail": false}"""
                .formatted(code, usage, discount, nextYear, appliesTo));
        return code.toUpperCase();
    }

    @Test
    void generatedCodesAreMailedOnePerRecipientToTheTestRedirect() throws Exception {
        JsonObject created = createCodes("""
                {"service": "EVENTS", "recipients": [
                   {"email": "ann.%1$s@example.com", "name": "Ann <b>O'Brien</b>"},
                   {"email": "bob.%1$s@example.com"}],
                 "codeType": "GENERATED", "quantity": 2,
                 "usage": {"type": "ONCE"}, "discount": {"type": "PERCENT", "percent": "15"},
                 "expiresOn": "%2$s", "appliesTo": "ALL", "sendEmail": true}""".formatted(run, nextYear));
        List<JsonObject> codes = created.getJsonArray("codes").getValuesAs(JsonObject.class);
        assertThat(codes).hasSize(4);
        for (JsonObject c : codes) {
            // No codeLength: 8, as on the create page (a fresh-user trial was told "4 to 32 characters").
            assertThat(c.getString("code")).hasSize(8).matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}");
            assertThat(c.getJsonArray("recipients")).hasSize(1);
        }
        // Test mode with a redirect: every mail goes to the one redirect address, none to a recipient.
        String redirect = "qa-" + run + "@demo.example";
        List<MimeMessage> mine = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (mine.size() < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            mine.clear();
            for (MimeMessage m : SmtpExtension.smtp().getReceivedMessages()) {
                String to = Arrays.toString(m.getRecipients(Message.RecipientType.TO));
                assertThat(to).doesNotContain("ann." + run).doesNotContain("bob." + run);
                if (to.contains(redirect)) {
                    mine.add(m);
                }
            }
        }
        assertThat(mine).hasSize(4);
        String annCode = codes.stream().filter(c -> c.getJsonArray("recipients").getJsonObject(0).getString("email")
                .startsWith("ann")).findFirst().orElseThrow().getString("code");
        MimeMessage annMail = mine.stream().filter(m -> body(m).contains(annCode)).findFirst().orElseThrow();
        String body = body(annMail);
        assertThat(body).contains("Ann <b>O'Brien</b>");                 // the text part, as written
        assertThat(body).contains("Ann &lt;b&gt;O&#39;Brien&lt;/b&gt;");  // the HTML part, escaped
        assertThat(body).contains("15%");
        // Each message carries only its own recipient's code.
        long otherCodes = codes.stream().map(c -> c.getString("code")).filter(c -> !c.equals(annCode))
                .filter(body::contains).count();
        assertThat(otherCodes).isZero();
    }

    @Test
    void testModeWithoutRedirectKeepsMailInTheOutboxAndProductionMailsTheRecipient() throws Exception {
        api.put("api/v1/settings", "{\"promotionMail\": {\"testRedirect\": null}}");
        String held = "held." + run + "@example.com";
        createCodes("""
                {"service": "EVENTS", "recipients": [{"email": "%s", "name": "Held"}], "codeType": "GENERATED",
                 "codeLength": 10, "usage": {"type": "ONCE"}, "discount": {"type": "PERCENT", "percent": "5"},
                 "expiresOn": "%s", "appliesTo": "ALL", "sendEmail": true}""".formatted(held, nextYear));
        String live = "live." + run + "@example.com";
        ApiClient.Answer prod = api.put("api/v1/settings", """
                {"mode": "PRODUCTION", "provider": {"credentials": {"PRODUCTION":
                  {"partnerId": "PayPal", "vendor": "livemerchant", "user": "livemerchant", "password": "live-pw-123"}}}}""");
        assertThat(prod.status()).as(prod.body()).isEqualTo(200);
        try {
            createCodes("""
                    {"service": "EVENTS", "recipients": [{"email": "%s", "name": "Live Person"}],
                     "codeType": "GENERATED", "codeLength": 10, "usage": {"type": "ONCE"},
                     "discount": {"type": "PERCENT", "percent": "5"}, "expiresOn": "%s", "appliesTo": "ALL",
                     "sendEmail": true}""".formatted(live, nextYear));
            long deadline = System.currentTimeMillis() + 30_000;
            boolean delivered = false;
            while (!delivered && System.currentTimeMillis() < deadline) {
                for (MimeMessage m : SmtpExtension.smtp().getReceivedMessages()) {
                    delivered |= Arrays.toString(m.getRecipients(Message.RecipientType.TO)).contains(live);
                }
                Thread.sleep(200);
            }
            assertThat(delivered).as("the Production mail reached its recipient").isTrue();
        } finally {
            assertThat(api.put("api/v1/settings", "{\"mode\": \"TEST\"}").status()).isEqualTo(200);
        }
        for (MimeMessage m : SmtpExtension.smtp().getReceivedMessages()) {
            assertThat(Arrays.toString(m.getRecipients(Message.RecipientType.TO))).doesNotContain(held);
        }
    }

    @Test
    void aCodeDeletedAfterTheOrderChargesNothing() {
        String offering = offering("late-" + run, "LIVE_EVENT", "30.00");
        String code = customCode("Late" + tail(), "{\"type\": \"UNLIMITED\"}",
                "{\"type\": \"PERCENT\", \"percent\": \"50\"}", "ALL");
        JsonObject order = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "late-%s@example.com"}, "promotionCode": "%s"}"""
                .formatted(offering, run, code)).json();
        assertThat(order.getJsonObject("total").getString("amount")).isEqualTo("15.00");
        api.post("api/v1/promotion-codes/deletion", "{\"codes\": [\"" + code + "\"]}");
        int before = EmulatorExtension.emulator().transactions().size();
        ApiClient.Answer pay = api.post("api/v1/orders/" + order.getString("id") + "/payments", card(), "l-" + run);
        assertThat(pay.status()).isEqualTo(422);
        assertThat(pay.json().getString("type")).isEqualTo("/problems/promotion-code-deleted");
        assertThat(EmulatorExtension.emulator().transactions()).hasSize(before);
    }

    @Test
    void aBrokenRuleCreatesNothingAtAll() {
        String marker = "nothing-" + run;
        ApiClient.Answer bad = api.post("api/v1/promotion-codes", """
                {"service": "EVENTS", "recipients": [{"email": "ok.%1$s@example.com"}, {"email": "not-an-address"}],
                 "codeType": "GENERATED", "quantity": 1, "codeLength": 3,
                 "usage": {"type": "LIMITED", "limit": 0}, "discount": {"type": "PERCENT", "percent": "120"},
                 "expiresOn": "2001-01-01", "appliesTo": "ALL", "sendEmail": true}""".formatted(marker));
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = bad.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertThat(fields).contains("recipients[1].email", "codeLength", "usage.limit", "discount.percent",
                "expiresOn");
        assertThat(api.get("api/v1/promotion-codes?recipient=ok." + marker).json().getInt("total")).isZero();
    }

    @Test
    void aCustomCodeIsNeverReusedEvenAfterDeletion() {
        String code = customCode("Reuse" + run.substring(0, Math.min(run.length(), 8)), "{\"type\": \"UNLIMITED\"}",
                "{\"type\": \"PERCENT\", \"percent\": \"10\"}", "ALL");
        ApiClient.Answer again = api.post("api/v1/promotion-codes", """
                {"service": "EVENTS", "codeType": "CUSTOM", "customCode": " %s ", "usage": {"type": "ONCE"},
                 "discount": {"type": "PERCENT", "percent": "5"}, "expiresOn": "%s", "appliesTo": "ALL"}"""
                .formatted(code.toLowerCase(), nextYear));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().getJsonArray("errors").getJsonObject(0).getString("message")).contains(code);
        assertThat(api.post("api/v1/promotion-codes/deletion", "{\"codes\": [\"" + code + "\"]}").json()
                .getInt("deleted")).isEqualTo(1);
        assertThat(api.post("api/v1/promotion-codes", """
                {"service": "EVENTS", "codeType": "CUSTOM", "customCode": "%s", "usage": {"type": "ONCE"},
                 "discount": {"type": "PERCENT", "percent": "5"}, "expiresOn": "%s", "appliesTo": "ALL"}"""
                .formatted(code, nextYear)).status()).isEqualTo(400);
        String offering = offering("deleted-" + run, "LIVE_EVENT", "20.00");
        ApiClient.Answer q = api.get("api/v1/quotes?offering=" + offering + "&promotionCode=" + code);
        assertThat(q.status()).isEqualTo(422);
        assertThat(q.json().getString("type")).isEqualTo("/problems/promotion-code-deleted");
    }

    @Test
    void quotesApplyTheDiscountExactly() {
        String offering = offering("quote-" + run, "LIVE_EVENT", "25.00");
        String pct = customCode("Pct" + tail(), "{\"type\": \"UNLIMITED\"}",
                "{\"type\": \"PERCENT\", \"percent\": \"15\"}", "LIVE_EVENT");
        // The code is typed with spaces (a non-breaking one too) and lower case: it is normalized.
        JsonObject q = api.get("api/v1/quotes?offering=" + offering + "&promotionCode=%C2%A0" + pct.toLowerCase()
                + "%20").json();
        assertThat(q.getJsonObject("discount").getString("amount")).isEqualTo("3.75");
        assertThat(q.getJsonObject("total").getString("amount")).isEqualTo("21.25");

        String big = customCode("Big" + tail(), "{\"type\": \"UNLIMITED\"}",
                "{\"type\": \"FIXED\", \"amount\": {\"amount\": \"40.00\", \"currency\": \"USD\"}}", "ALL");
        JsonObject free = api.get("api/v1/quotes?offering=" + offering + "&promotionCode=" + big).json();
        assertThat(free.getJsonObject("discount").getString("amount")).isEqualTo("25.00");
        assertThat(free.getJsonObject("total").getString("amount")).isEqualTo("0.00");

        String cad = customCode("Cad" + tail(), "{\"type\": \"UNLIMITED\"}",
                "{\"type\": \"FIXED\", \"amount\": {\"amount\": \"5.00\", \"currency\": \"CAD\"}}", "ALL");
        assertThat(api.get("api/v1/quotes?offering=" + offering + "&promotionCode=" + cad).json().getString("type"))
                .isEqualTo("/problems/promotion-code-currency-mismatch");
        String rec = customCode("Rec" + tail(), "{\"type\": \"UNLIMITED\"}",
                "{\"type\": \"PERCENT\", \"percent\": \"50\"}", "RECORDING");
        JsonObject notHere = api.get("api/v1/quotes?offering=" + offering + "&promotionCode=" + rec).json();
        assertThat(notHere.getString("type")).isEqualTo("/problems/promotion-code-not-applicable");
        // The detail says why (the fresh-user trial: "does not apply" alone left the reason to guess).
        assertThat(notHere.getString("detail")).isEqualTo("The promotion code " + rec
                + " applies to recordings only.");
        assertThat(api.get("api/v1/quotes?offering=" + offering + "&promotionCode=NOSUCH" + tail()).json()
                .getString("type")).isEqualTo("/problems/promotion-code-unknown");
    }

    @Test
    void noPriceIsQuotedForAServiceThatTakesNoPayments() {
        // Found by the fresh-user trial: with Events switched off the quote answered 200 and the full price, while
        // the order for it is refused; both answer /problems/e-commerce-disabled now.
        String offering = offering("off-" + run, "LIVE_EVENT", "20.00");
        JsonObject settings = api.get("api/v1/settings").json();
        JsonObject off = jakarta.json.Json.createObjectBuilder(settings).add("services",
                jakarta.json.Json.createObjectBuilder(settings.getJsonObject("services")).add("EVENTS", false)).build();
        assertThat(api.put("api/v1/settings", off.toString()).status()).isEqualTo(200);
        try {
            for (String path : List.of("api/v1/quotes?offering=" + offering,
                    "api/v1/quotes?offering=" + offering + "&promotionCode=NOSUCH" + tail())) {
                ApiClient.Answer q = api.get(path);
                assertThat(q.status()).as(path + " " + q.body()).isEqualTo(422);
                assertThat(q.json().getString("type")).isEqualTo("/problems/e-commerce-disabled");
            }
            ApiClient.Answer order = api.post("api/v1/orders", """
                    {"offering": "%s", "attendee": {"email": "off-%s@example.com"}}""".formatted(offering, run));
            assertThat(order.status()).as(order.body()).isEqualTo(422);
            assertThat(order.json().getString("type")).isEqualTo("/problems/e-commerce-disabled");
        } finally {
            assertThat(api.put("api/v1/settings", settings.toString()).status()).isEqualTo(200);
        }
        assertThat(api.get("api/v1/quotes?offering=" + offering).status()).isEqualTo(200);
    }

    @Test
    void aDeclineReleasesTheUseAndAnApprovalConfirmsIt() {
        String offering = offering("redeem-" + run, "LIVE_EVENT", "30.00");
        String code = customCode("Once" + tail(), "{\"type\": \"ONCE\"}",
                "{\"type\": \"FIXED\", \"amount\": {\"amount\": \"10.00\", \"currency\": \"USD\"}}", "ALL");
        JsonObject order = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "r1-%s@example.com"}, "promotionCode": "%s"}"""
                .formatted(offering, run, code)).json();
        assertThat(order.getJsonObject("total").getString("amount")).isEqualTo("20.00");
        assertThat(order.getString("promotionCode")).isEqualTo(code);
        assertThat(usage(code).getInt("reserved")).isEqualTo(1);

        EmulatorExtension.emulator().control().forceResult(12, 1);
        JsonObject declined = api.post("api/v1/orders/" + order.getString("id") + "/payments", card(), "d-" + run)
                .json();
        assertThat(declined.getJsonObject("transaction").getString("status")).isEqualTo("DECLINED");
        assertThat(usage(code).getInt("reserved")).isZero();

        JsonObject paid = api.post("api/v1/orders/" + order.getString("id") + "/payments", card(), "p-" + run).json();
        assertThat(paid.getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        assertThat(paid.getJsonObject("transaction").getJsonObject("amount").getString("amount")).isEqualTo("20.00");
        JsonObject u = usage(code);
        assertThat(u.getInt("used")).isEqualTo(1);
        assertThat(u.getInt("reserved")).isZero();

        ApiClient.Answer second = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "r2-%s@example.com"}, "promotionCode": "%s"}"""
                .formatted(offering, run, code));
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.json().getString("type")).isEqualTo("/problems/promotion-code-used-up");
    }

    @Test
    void aQuantityOutOfRangeIsOneMessageOnQuantity() {
        // Fresh-user trial (issue 5): quantity 100000 gave two messages on the field.
        ApiClient.Answer a = api.post("api/v1/promotion-codes", """
                {"service": "EVENTS", "codeType": "GENERATED", "quantity": 100000, "usage": {"type": "ONCE"},
                 "discount": {"type": "PERCENT", "percent": "10"}, "expiresOn": "%s", "appliesTo": "ALL",
                 "sendEmail": false}""".formatted(nextYear));
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).containsExactly("quantity");
    }

    @Test
    void simultaneousOrdersNeverOverUseACode() throws Exception {
        String offering = offering("race-" + run, "LIVE_EVENT", "50.00");
        String once = customCode("Race" + tail(), "{\"type\": \"ONCE\"}",
                "{\"type\": \"PERCENT\", \"percent\": \"20\"}", "ALL");
        String five = customCode("Five" + tail(), "{\"type\": \"LIMITED\", \"limit\": 5}",
                "{\"type\": \"PERCENT\", \"percent\": \"20\"}", "ALL");
        assertThat(race(offering, once, 20)).isEqualTo(1);
        assertThat(race(offering, five, 20)).isEqualTo(5);
        assertThat(usage(once).getInt("reserved")).isEqualTo(1);
        assertThat(usage(five).getInt("reserved")).isEqualTo(5);
        // Those uses are held, not spent: the next attendee is told so (a fresh-user trial read "used as many times
        // as allowed" while the report said ACTIVE).
        ApiClient.Answer held = api.get("api/v1/quotes?offering=" + offering + "&promotionCode=" + once);
        assertThat(held.status()).as(held.body()).isEqualTo(422);
        assertThat(held.json().getString("type")).isEqualTo("/problems/promotion-code-used-up");
        assertThat(held.json().getString("detail")).contains("held by an order awaiting payment");
    }

    /** {@code n} orders with {@code code}, released together by a barrier; returns how many were accepted. */
    private int race(String offering, String code, int n) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String email = "race-" + code + "-" + i + "@example.com";
                answers.add(pool.submit(() -> {
                    barrier.await();
                    return api.post("api/v1/orders", """
                            {"offering": "%s", "attendee": {"email": "%s"}, "promotionCode": "%s"}"""
                            .formatted(offering, email, code)).status();
                }));
            }
            int accepted = 0;
            for (Future<Integer> f : answers) {
                int status = f.get();
                assertThat(status).isIn(201, 422);
                accepted += status == 201 ? 1 : 0;
            }
            return accepted;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCodeFilterIsAnExactPrefixAtTheEdgesOfItsRange() {
        // The filter is a range on the (site, code) index plus LIKE: codes ending in the last characters of the
        // alphabet, the prefix itself, and the next prefix must land on the right side of it.
        String prefix = "Edg" + tail() + "K"; // ends in K, so the sibling below (…ZZZZ) cannot start with it
        String once = "{\"type\": \"ONCE\"}";
        String pct = "{\"type\": \"PERCENT\", \"percent\": \"5\"}";
        String exact = customCode(prefix, once, pct, "ALL");
        String z = customCode(prefix + "Z", once, pct, "ALL");
        String zz9 = customCode(prefix + "ZZZZZZZZ9", once, pct, "ALL");
        String digit = customCode(prefix + "0", once, pct, "ALL");
        String shorter = prefix.substring(0, prefix.length() - 1);
        String sibling = customCode(shorter + "ZZZZ", once, pct, "ALL");
        assertThat(codesMatching(prefix)).containsExactlyInAnyOrder(exact, z, zz9, digit);
        assertThat(codesMatching(prefix + "z")).containsExactlyInAnyOrder(z, zz9);
        assertThat(codesMatching(shorter)).contains(exact, z, zz9, digit, sibling);
        assertThat(codesMatching(prefix + "%")).isEmpty();
    }

    private List<String> codesMatching(String filter) {
        return api.get("api/v1/promotion-codes?size=100&code=" + java.net.URLEncoder.encode(filter,
                        java.nio.charset.StandardCharsets.UTF_8)).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(o -> o.getString("code")).toList();
    }

    @Test
    void theReportFindsExtendsAndDeletes() {
        String prefix = "Rep" + tail();
        String a = customCode(prefix + "A", "{\"type\": \"ONCE\"}", "{\"type\": \"PERCENT\", \"percent\": \"5\"}",
                "ALL");
        String b = customCode(prefix + "B", "{\"type\": \"ONCE\"}", "{\"type\": \"PERCENT\", \"percent\": \"5\"}",
                "ALL");
        JsonObject found = api.get("api/v1/promotion-codes?code=" + prefix.toLowerCase() + "&status=ACTIVE").json();
        assertThat(found.getInt("total")).isEqualTo(2);
        // Sorted in the database by the asked column.
        assertThat(api.get("api/v1/promotion-codes?code=" + prefix + "&sort=CODE,asc").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(o -> o.getString("code")).containsExactly(a, b);
        assertThat(api.get("api/v1/promotion-codes?code=" + prefix + "&sort=CODE,desc").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(o -> o.getString("code")).containsExactly(b, a);
        assertThat(api.get("api/v1/promotion-codes?sort=PRICE").status()).isEqualTo(400);
        String later = LocalDate.now().plusYears(2).toString();
        assertThat(api.post("api/v1/promotion-codes/extension", """
                {"codes": ["%s", "%s"], "expiresOn": "%s"}""".formatted(a, b, later)).json().getInt("extended"))
                .isEqualTo(2);
        assertThat(api.get("api/v1/promotion-codes?code=" + a).json().getJsonArray("items").getJsonObject(0)
                .getString("expiresOn")).isEqualTo(later);
        // Both actions are in the audit log: who, which codes, old and new dates.
        JsonObject last = api.get("api/v1/audit-log?limit=5").json().getJsonArray("items").getJsonObject(0);
        assertThat(last.getString("actor")).isEqualTo("platform API");
        assertThat(last.getString("action")).isEqualTo("promotion-codes.extend");
        assertThat(last.getString("detail")).contains(a + ": " + nextYear + " -> " + later)
                .contains(b + ": " + nextYear + " -> " + later);
        ApiClient.Answer past = api.post("api/v1/promotion-codes/extension", """
                {"codes": ["%s"], "expiresOn": "2001-01-01"}""".formatted(a));
        assertThat(past.status()).isEqualTo(400);
        api.post("api/v1/promotion-codes/deletion", "{\"codes\": [\"" + b + "\"]}");
        assertThat(api.get("api/v1/promotion-codes?code=" + prefix + "&status=DELETED").json().getInt("total"))
                .isEqualTo(1);
        JsonObject deletion = api.get("api/v1/audit-log?limit=1").json().getJsonArray("items").getJsonObject(0);
        assertThat(deletion.getString("action")).isEqualTo("promotion-codes.delete");
        assertThat(deletion.getString("detail")).isEqualTo(b);
        // Extending a set that holds a deleted code is refused whole.
        ApiClient.Answer mixed = api.post("api/v1/promotion-codes/extension", """
                {"codes": ["%s", "%s"], "expiresOn": "%s"}""".formatted(a, b, later));
        assertThat(mixed.status()).isEqualTo(400);
    }

    @Test
    void anUploadedFileIsPreviewedLineByLine() throws Exception {
        byte[] file = ("\uFEFFemail;name\r\nana@example.ro;\"Popescu, Ana\"\r\n\r\nnot-an-address\r\n"
                + "ANA@example.ro;Again\r\no'brien+tag@example.ie").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        Deployments.loopback(deployed).resolve("api/v1/promotion-codes/recipients"))
                .header("Authorization", "Bearer demo-platform-key").header("Content-Type", "text/csv")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject preview = jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readObject();
        List<JsonObject> ok = preview.getJsonArray("recipients").getValuesAs(JsonObject.class);
        assertThat(ok).extracting(o -> o.getString("email")).containsExactly("ana@example.ro", "o'brien+tag@example.ie");
        assertThat(ok.get(0).getString("name")).isEqualTo("Popescu, Ana");
        assertThat(ok.get(1).getString("name")).isEqualTo("o'brien+tag");
        List<JsonObject> errors = preview.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertThat(errors).extracting(o -> o.getInt("line")).containsExactly(4, 5);
    }

    private JsonObject usage(String code) {
        return api.get("api/v1/promotion-codes?code=" + code).json().getJsonArray("items").getJsonObject(0)
                .getJsonObject("usage");
    }

    private String tail() {
        return run.length() > 8 ? run.substring(run.length() - 8).toUpperCase() : run.toUpperCase();
    }

    private static String card() {
        return "{\"card\": {\"number\": \"" + VISA + "\", \"expiry\": \"1230\", \"cvv\": \"123\"}}";
    }

    private static String body(MimeMessage m) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            return jakarta.mail.internet.MimeUtility.decodeText(out.toString(StandardCharsets.UTF_8))
                    + decodedParts(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decodedParts(MimeMessage m) throws Exception {
        StringBuilder sb = new StringBuilder();
        Object content = m.getContent();
        if (content instanceof jakarta.mail.Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                sb.append('\n').append(mp.getBodyPart(i).getContent());
            }
        } else {
            sb.append('\n').append(content);
        }
        return sb.toString();
    }
}
