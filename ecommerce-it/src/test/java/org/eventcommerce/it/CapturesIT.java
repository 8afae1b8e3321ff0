package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eventcommerce.emulator.TransactionRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Authorize now, capture later, on the built WAR against the emulator: with the payment action Authorization a card
 * payment through Payflow is {@code TRXTYPE=A} and a PayPal payment (classic Express Checkout) is
 * {@code PAYMENTACTION=Authorization}; the order is AUTHORIZED and grants nothing; {@code POST /orders/{id}/captures}
 * captures (Payflow {@code TRXTYPE=D} with ORIGID, DoCapture with COMPLETETYPE=Complete) and grants access; a void
 * cancels the order and releases the promotion-code use; more than authorized is refused. Every case checks the
 * emulator's ledgers to the cent. The payment action (Sale), the provider and the promotion-code switch are put back
 * after each case.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class, Browser.class})
@RunAsClient
class CapturesIT {

    private static final String KEY = "demo-platform-key";
    private static final String VISA = "4111111111111111";
    private static final String EXPRESS_US = """
            {"mode": "TEST", "provider": {"type": "EXPRESS_CHECKOUT_US", "paypalEmail": "merchant@demo.example",
              "currency": "USD"}}""";

    @ArquillianResource
    URL deployed;

    private ApiClient api;
    private TestOrders orders;
    private PaymentPageClient browser;
    private boolean codesWereEnabled;
    private final HttpClient control = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void authorizationOnPayflow() {
        api = new ApiClient(Deployments.loopback(deployed), KEY);
        orders = new TestOrders(api);
        browser = new PaymentPageClient(Deployments.loopback(deployed));
        codesWereEnabled = api.get("api/v1/settings").json().getBoolean("promotionCodesEnabled");
        orders.configure(TestOrders.DEMO_PROVIDER);
        orders.configure("{\"paymentAction\": \"AUTHORIZATION\"}");
    }

    @AfterEach
    void restore() {
        orders.configure(TestOrders.DEMO_PROVIDER);
        orders.configure("{\"paymentAction\": \"SALE\", \"promotionCodesEnabled\": " + codesWereEnabled + "}");
    }

    /** An order of a new offering at {@code fee} USD, with the order's "email" and "offering" added. */
    private JsonObject order(String who, String fee, String code) {
        String offering = orders.offering("cap-" + who, "Capture later " + who, fee, "USD");
        String email = who + "-" + Long.toString(System.nanoTime(), 36) + "@example.com";
        ApiClient.Answer a = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s", "name": "Cap Ture"}%s}""".formatted(offering, email,
                code == null ? "" : ", \"promotionCode\": \"" + code + "\""));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return jakarta.json.Json.createObjectBuilder(a.json()).add("email", email).add("offering", offering).build();
    }

    private JsonObject payByCard(JsonObject order) {
        ApiClient.Answer paid = api.post("api/v1/orders/" + order.getString("id") + "/payments", """
                {"card": {"number": "%s", "expiry": "1230", "cvv": "123", "holder": "Cap Ture"}}""".formatted(VISA),
                "cap-pay-" + order.getString("id"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        return paid.json();
    }

    private ApiClient.Answer capture(JsonObject order, String body, String key) {
        return api.post("api/v1/orders/" + order.getString("id") + "/captures", body, key);
    }

    private ApiClient.Answer voidIt(JsonObject order, String key) {
        return api.post("api/v1/orders/" + order.getString("id") + "/voids", "", key);
    }

    private boolean granted(JsonObject order) {
        return orders.granted(order, order.getString("offering"));
    }

    private static List<TransactionRecord> payflow(String trxType, String origId) {
        return EmulatorExtension.emulator().transactions().stream()
                .filter(t -> trxType.equals(t.trxType()) && origId.equals(t.origId())).toList();
    }

    private static TransactionRecord payflow(String pnref) {
        return EmulatorExtension.emulator().transactions().stream().filter(t -> pnref.equals(t.pnref())).findFirst()
                .orElseThrow();
    }

    @Test
    void theSettingIsSaleByDefaultAndTakesOnlyItsTwoValues() {
        assertThat(api.get("api/v1/settings").json().getString("paymentAction")).isEqualTo("AUTHORIZATION");
        ApiClient.Answer wrong = api.put("api/v1/settings", "{\"paymentAction\": \"ORDER\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("paymentAction");
        orders.configure("{\"paymentAction\": \"SALE\"}");
        assertThat(api.get("api/v1/settings").json().getString("paymentAction")).isEqualTo("SALE");
    }

    @Test
    void aCardIsAuthorizedThenCapturedWhole() {
        JsonObject order = order("card", "50.00", null);
        JsonObject paid = payByCard(order);
        JsonObject auth = paid.getJsonObject("transaction");
        assertThat(auth.getString("kind")).isEqualTo("AUTHORIZATION");
        assertThat(auth.getString("status")).isEqualTo("APPROVED");
        assertThat(paid.getJsonObject("order").getString("status")).isEqualTo("AUTHORIZED");
        assertThat(granted(order)).as("nothing is granted before the capture").isFalse();
        TransactionRecord a = payflow(auth.getString("reference"));
        assertThat(a.trxType()).isEqualTo("A");
        assertThat(a.tender()).isEqualTo("C");
        assertThat(a.amount()).isEqualByComparingTo("50.00");
        // The attendee's page says the payment is authorized and access opens with the capture.
        assertThat(browser.follow(URI.create(order.getString("paymentPageUrl"))).body())
                .contains("Your payment is authorized").contains("when the organizer captures the payment");
        // Not paid: nothing to refund yet, and the attendee cannot order it again meanwhile.
        assertThat(api.post("api/v1/orders/" + order.getString("id") + "/refunds", "", "cap-r-" + order.getString("id"))
                .json().getString("type")).isEqualTo("/problems/order-not-paid");
        ApiClient.Answer twice = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s", "name": "Cap Ture"}}"""
                .formatted(order.getString("offering"), order.getString("email")));
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(twice.json().getString("type")).isEqualTo("/problems/order-state");

        ApiClient.Answer c = capture(order, "", "cap-c-" + order.getString("id"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        JsonObject capture = c.json().getJsonObject("transaction");
        assertThat(capture.getString("kind")).isEqualTo("CAPTURE");
        assertThat(capture.getString("status")).isEqualTo("APPROVED");
        assertThat(capture.getJsonObject("amount").getString("amount")).isEqualTo("50.00");
        assertThat(capture.getString("original")).isEqualTo(auth.getString("id"));
        assertThat(c.json().getJsonObject("order").getString("status")).isEqualTo("PAID");
        assertThat(granted(order)).isTrue();
        // One delayed capture against the authorization's PNREF, 50.00 USD.
        assertThat(payflow("D", auth.getString("reference"))).singleElement().satisfies(d -> {
            assertThat(d.amount()).isEqualByComparingTo("50.00");
            assertThat(d.currency()).isEqualTo("USD");
            assertThat(d.tender()).isEqualTo("C");
            assertThat(d.result()).isZero();
        });
        // The same key again: the first answer, no second capture; a capture of a paid order is refused.
        assertThat(capture(order, "", "cap-c-" + order.getString("id")).body()).isEqualTo(c.body());
        ApiClient.Answer again = capture(order, "", "cap-c2-" + order.getString("id"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("type")).isEqualTo("/problems/order-state");
        assertThat(payflow("D", auth.getString("reference"))).hasSize(1);

        // The totals count the capture, not the authorization.
        JsonObject report = api.get("api/v1/transactions?includeTest=true&attendee=" + order.getString("email"))
                .json();
        assertThat(report.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(t -> t.getString("kind") + ":" + t.getString("status"))
                .containsExactlyInAnyOrder("AUTHORIZATION:APPROVED", "CAPTURE:APPROVED");
        JsonObject totals = report.getJsonArray("totals").getJsonObject(0);
        assertThat(totals.getJsonObject("gross").getString("amount")).isEqualTo("50.00");
        assertThat(totals.getJsonObject("net").getString("amount")).isEqualTo("50.00");

        // A refund goes against the capture.
        ApiClient.Answer refund = api.post("api/v1/orders/" + order.getString("id") + "/refunds",
                "{\"amount\": {\"amount\": \"20.00\", \"currency\": \"USD\"}}", "cap-rf-" + order.getString("id"));
        assertThat(refund.json().getJsonObject("transaction").getString("original")).isEqualTo(capture.getString("id"));
        assertThat(payflow("C", capture.getString("reference"))).singleElement()
                .satisfies(cr -> assertThat(cr.amount()).isEqualByComparingTo("20.00"));
    }

    @Test
    void aCaptureOfMoreThanWasAuthorizedIsRefusedAndLessIsTaken() {
        JsonObject order = order("more", "50.00", null);
        String pnref = payByCard(order).getJsonObject("transaction").getString("reference");

        ApiClient.Answer more = capture(order, "{\"amount\": {\"amount\": \"50.01\", \"currency\": \"USD\"}}",
                "cap-m1-" + order.getString("id"));
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.contentType()).startsWith("application/problem+json");
        assertThat(more.json().getString("type")).isEqualTo("/problems/capture-exceeds-authorized");
        ApiClient.Answer cad = capture(order, "{\"amount\": {\"amount\": \"5.00\", \"currency\": \"CAD\"}}",
                "cap-m2-" + order.getString("id"));
        assertThat(cad.json().getString("type")).isEqualTo("/problems/currency-mismatch");
        assertThat(payflow("D", pnref)).isEmpty();
        assertThat(orders.now(order).getString("status")).isEqualTo("AUTHORIZED");

        ApiClient.Answer less = capture(order, "{\"amount\": {\"amount\": \"30.00\", \"currency\": \"USD\"}}",
                "cap-m3-" + order.getString("id"));
        assertThat(less.status()).as(less.body()).isEqualTo(201);
        assertThat(less.json().getJsonObject("order").getString("status")).isEqualTo("PAID");
        // The order says what was taken, not only its total (the fresh-user trial could not see it).
        assertThat(less.json().getJsonObject("order").getJsonObject("total").getString("amount")).isEqualTo("50.00");
        assertThat(less.json().getJsonObject("order").getJsonObject("paid").getString("amount")).isEqualTo("30.00");
        assertThat(payflow("D", pnref)).singleElement()
                .satisfies(d -> assertThat(d.amount()).isEqualByComparingTo("30.00"));
        // What can be refunded is what was captured.
        ApiClient.Answer tooMuch = api.post("api/v1/orders/" + order.getString("id") + "/refunds",
                "{\"amount\": {\"amount\": \"30.01\", \"currency\": \"USD\"}}", "cap-m4-" + order.getString("id"));
        assertThat(tooMuch.json().getString("type")).isEqualTo("/problems/refund-exceeds-refundable");
    }

    @Test
    void anAuthorizationVoidedCancelsTheOrderAndReleasesThePromotionCodeUse() {
        orders.configure("{\"promotionCodesEnabled\": true}");
        String code = ("CV" + Long.toString(System.nanoTime(), 36)).toUpperCase();
        ApiClient.Answer created = api.post("api/v1/promotion-codes", """
                {"service": "TRAINING", "codeType": "CUSTOM", "customCode": "%s", "usage": {"type": "ONCE"},
                 "discount": {"type": "FIXED", "amount": {"amount": "5.00", "currency": "USD"}},
                 "expiresOn": "%s", "appliesTo": "ALL", "sendEmail": false}"""
                .formatted(code, LocalDate.now().plusYears(1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject order = order("void", "40.00", code);
        JsonObject auth = payByCard(order).getJsonObject("transaction");
        assertThat(payflow(auth.getString("reference")).amount()).isEqualByComparingTo("35.00");
        assertThat(orders.now(order).getString("status")).isEqualTo("AUTHORIZED");

        ApiClient.Answer v = voidIt(order, "cap-v-" + order.getString("id"));
        assertThat(v.status()).as(v.body()).isEqualTo(201);
        assertThat(v.json().getJsonObject("transaction").getString("kind")).isEqualTo("VOID");
        assertThat(v.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        assertThat(v.json().getJsonObject("order").getString("status")).isEqualTo("CANCELLED");
        assertThat(granted(order)).isFalse();
        assertThat(payflow("V", auth.getString("reference"))).singleElement()
                .satisfies(t -> assertThat(t.result()).isZero());
        JsonObject usage = api.get("api/v1/promotion-codes?code=" + code).json().getJsonArray("items")
                .getJsonObject(0).getJsonObject("usage");
        assertThat(usage.getInt("used")).isZero();
        assertThat(usage.getInt("reserved")).as("the use is released").isZero();
        // Nothing left to capture.
        ApiClient.Answer c = capture(order, "", "cap-v2-" + order.getString("id"));
        assertThat(c.status()).isEqualTo(409);
        assertThat(payflow("D", auth.getString("reference"))).isEmpty();
    }

    // ---- classic Express Checkout ---------------------------------------------------------------------------

    private List<Map<String, String>> ecLedger() {
        try {
            HttpResponse<String> r = control.send(HttpRequest.newBuilder(EmulatorExtension.emulator().baseUri()
                    .resolve("control/ec/transactions")).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.body().lines().filter(l -> !l.isBlank()).map(line -> {
                Map<String, String> out = new LinkedHashMap<>();
                for (String pair : line.split("&")) {
                    int eq = pair.indexOf('=');
                    out.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                return out;
            }).toList();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> ec(String id) {
        return ecLedger().stream().filter(t -> id.equals(t.get("TRANSACTIONID"))).findFirst().orElseThrow();
    }

    /** Pays {@code order} on PayPal's (emulated) page with the site set to Express Checkout and Authorization. */
    private JsonObject authorizeWithPayPal(JsonObject order) {
        PaymentPageClient.Hop hop = browser.click(URI.create(order.getString("paymentPageUrl")), "payWithPayPal");
        assertThat(hop.status()).as(hop.body()).isEqualTo(302);
        PaymentPageClient.Hop back = browser.decide(hop.location(), "approve");
        assertThat(browser.follow(back.location()).body()).contains("Your payment is authorized");
        JsonObject now = orders.now(order);
        assertThat(now.getString("status")).isEqualTo("AUTHORIZED");
        JsonObject auth = now.getJsonArray("transactions").getJsonObject(0);
        assertThat(auth.getString("kind")).isEqualTo("AUTHORIZATION");
        assertThat(auth.getString("status")).isEqualTo("APPROVED");
        return auth;
    }

    @Test
    void aPayPalPaymentIsAuthorizedThenCapturedWithDoCapture() {
        orders.configure(EXPRESS_US);
        JsonObject order = order("ec", "45.00", null);
        JsonObject auth = authorizeWithPayPal(order);
        assertThat(ec(auth.getString("reference"))).containsEntry("KIND", "AUTHORIZATION").containsEntry("AMT", "45.00")
                .containsEntry("PAYMENTSTATUS", "Pending").containsEntry("PENDINGREASON", "authorization");
        assertThat(granted(order)).isFalse();

        ApiClient.Answer more = capture(order, "{\"amount\": {\"amount\": \"45.01\", \"currency\": \"USD\"}}",
                "cap-ec0-" + order.getString("id"));
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.json().getString("type")).isEqualTo("/problems/capture-exceeds-authorized");

        ApiClient.Answer c = capture(order, "{}", "cap-ec1-" + order.getString("id"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        JsonObject capture = c.json().getJsonObject("transaction");
        assertThat(capture.getString("status")).isEqualTo("APPROVED");
        assertThat(c.json().getJsonObject("order").getString("status")).isEqualTo("PAID");
        assertThat(granted(order)).isTrue();
        // DoCapture of the whole authorization, COMPLETETYPE=Complete: one capture, the authorization closed.
        assertThat(ecLedger().stream().filter(t -> "CAPTURE".equals(t.get("KIND"))
                && auth.getString("reference").equals(t.get("PARENT")))).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("TRANSACTIONID", capture.getString("reference")).containsEntry("AMT", "45.00")
                .containsEntry("CURRENCYCODE", "USD").containsEntry("PAYMENTSTATUS", "Completed"));
        assertThat(ec(auth.getString("reference"))).containsEntry("PAYMENTSTATUS", "Completed")
                .containsEntry("CAPTURED", "45.00");

        // Refunded in full: RefundTransaction against the capture's id.
        ApiClient.Answer refund = api.post("api/v1/orders/" + order.getString("id") + "/refunds", "",
                "cap-ec2-" + order.getString("id"));
        assertThat(refund.json().getJsonObject("order").getString("status")).isEqualTo("REFUNDED");
        assertThat(ecLedger().stream().filter(t -> "REFUND".equals(t.get("KIND"))
                && capture.getString("reference").equals(t.get("PARENT")))).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("AMT", "45.00").containsEntry("REFUNDTYPE", "Full"));
        assertThat(granted(order)).isFalse();
    }

    @Test
    void aPayPalAuthorizationVoidedWithDoVoidCancelsTheOrder() {
        orders.configure(EXPRESS_US);
        JsonObject order = order("ecv", "22.00", null);
        JsonObject auth = authorizeWithPayPal(order);

        ApiClient.Answer v = voidIt(order, "cap-ecv-" + order.getString("id"));
        assertThat(v.status()).as(v.body()).isEqualTo(201);
        assertThat(v.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        assertThat(v.json().getJsonObject("order").getString("status")).isEqualTo("CANCELLED");
        assertThat(ec(auth.getString("reference"))).containsEntry("PAYMENTSTATUS", "Voided")
                .containsEntry("CAPTURED", "0.00");
        assertThat(granted(order)).isFalse();
        assertThat(capture(order, "", "cap-ecv2-" + order.getString("id")).status()).isEqualTo(409);
        assertThat(ecLedger().stream().filter(t -> "CAPTURE".equals(t.get("KIND"))
                && auth.getString("reference").equals(t.get("PARENT")))).isEmpty();
    }

    @Test
    void aPayPalPaymentThroughPayflowIsAuthorizedAndCapturedWithThePayPalTender() {
        orders.configure(TestOrders.DEMO_PROVIDER.replace("\"expressCheckout\": false", "\"expressCheckout\": true"));
        JsonObject order = order("pfa", "26.00", null);
        PaymentPageClient.Hop hop = browser.click(URI.create(order.getString("paymentPageUrl")), "payWithPayPal");
        assertThat(hop.location().getPath()).isEqualTo("/payflow-ec/checkout");
        assertThat(browser.follow(browser.decide(hop.location(), "approve").location()).body())
                .contains("Your payment is authorized");
        JsonObject auth = orders.now(order).getJsonArray("transactions").getJsonObject(0);
        assertThat(auth.getString("kind") + ":" + auth.getString("status")).isEqualTo("AUTHORIZATION:APPROVED");
        assertThat(payflow(auth.getString("reference")).trxType()).isEqualTo("A");
        assertThat(payflow(auth.getString("reference")).tender()).isEqualTo("P");

        ApiClient.Answer c = capture(order, "", "cap-pfa-" + order.getString("id"));
        assertThat(c.json().getJsonObject("order").getString("status")).as(c.body()).isEqualTo("PAID");
        assertThat(payflow("D", auth.getString("reference"))).singleElement().satisfies(d -> {
            assertThat(d.tender()).isEqualTo("P");
            assertThat(d.amount()).isEqualByComparingTo("26.00");
        });
        assertThat(granted(order)).isTrue();
    }

    private static void click(By by) {
        new WebDriverWait(Browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by))
                .click();
        Browser.settle();
    }

    @Test
    void theAdministratorCapturesOnTheOrderPage() {
        JsonObject order = order("page", "70.00", null);
        payByCard(order);
        URI base = Deployments.loopback(deployed);
        Browser.signIn(base, "admin@demo.example", "admin-demo-1");
        WebDriver d = Browser.open(base, "admin/ecommerce.xhtml");
        assertThat(d.findElement(By.id("settings:paymentAction")).getText()).contains("Authorization");
        d = Browser.open(base, "admin/orders/order.xhtml?id=" + order.getString("id"));
        assertThat(Browser.visible(By.id("order:status")).getText()).isEqualTo("Authorized");
        assertThat(Browser.visible(By.id("order:capturable")).getText()).contains("70.00 USD");
        assertThat(d.findElement(By.id("order:captureAmount")).getAttribute("value")).isEqualTo("70.00");
        // More than authorized: the message is next to the field.
        Browser.type("order:captureAmount", "70.01");
        click(By.id("order:capture"));
        assertThat(Browser.visible(By.id("order:captureAmountMessage")).getText()).contains("70.00");

        Browser.type("order:captureAmount", "70.00");
        click(By.id("order:capture"));
        assertThat(Browser.visible(By.id("captureForm:captureConfirm")).getText()).contains("70.00 USD");
        click(By.id("captureForm:captureYes"));
        new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("order:status"), "Paid"));
        assertThat(Browser.visible(By.id("order:transactions:1:kind")).getText()).isEqualTo("Capture");
        assertThat(Browser.visible(By.id("order:transactions:1:status")).getText()).isEqualTo("Approved");
        assertThat(granted(order)).isTrue();
    }
}
