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
 * What follows a PayPal payment (Express Checkout), on the built WAR against the emulator: refunds through the API and
 * the admin order page, classic NVP (RefundTransaction, Full or Partial, MSGSUBID) and Payflow's Express Checkout (a
 * credit with TENDER=P); a payment of another provider refused. Each case pays its own order of its own offering
 * through the payment page and PayPal's (emulated) approval page, then checks what reached the emulator's ledgers
 * ({@code /control/ec/transactions}, the Payflow ledger) to the cent. The demo's Payflow Pro settings are put back
 * after each case.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class, Browser.class})
@RunAsClient
class ExpressFollowOnsIT {

    private static final String KEY = "demo-platform-key";
    private static final String EXPRESS_US = """
            {"mode": "TEST", "provider": {"type": "EXPRESS_CHECKOUT_US", "paypalEmail": "merchant@demo.example",
              "currency": "USD"}}""";
    private static final String PAYFLOW_WITH_EXPRESS_CHECKOUT = TestOrders.DEMO_PROVIDER.replace(
            "\"expressCheckout\": false", "\"expressCheckout\": true");

    @ArquillianResource
    URL deployed;

    private ApiClient api;
    private TestOrders orders;
    private PaymentPageClient browser;
    private final HttpClient control = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void expressCheckoutUs() {
        api = new ApiClient(Deployments.loopback(deployed), KEY);
        orders = new TestOrders(api);
        browser = new PaymentPageClient(Deployments.loopback(deployed));
        orders.configure(EXPRESS_US);
    }

    @AfterEach
    void restoreDemoProvider() {
        orders.configure(TestOrders.DEMO_PROVIDER);
    }

    /** A paid order: the order (with "email" and "offering") after paying it on PayPal's approval page. */
    private JsonObject paidWithPayPal(String who, String fee) {
        String offering = orders.offering("ecf-" + who, "PayPal follow-ons " + who, fee, "USD");
        JsonObject order = orders.place(offering, who);
        PaymentPageClient.Hop hop = browser.click(URI.create(order.getString("paymentPageUrl")), "payWithPayPal");
        assertThat(hop.status()).as(hop.body()).isEqualTo(302);
        PaymentPageClient.Hop back = browser.decide(hop.location(), "approve");
        assertThat(browser.follow(back.location()).body()).contains("Payment approved");
        JsonObject now = orders.now(order);
        assertThat(now.getString("status")).isEqualTo("PAID");
        return jakarta.json.Json.createObjectBuilder(now).add("email", order.getString("email"))
                .add("offering", offering).build();
    }

    private static String saleReference(JsonObject order) {
        return order.getJsonArray("transactions").getJsonObject(0).getString("reference");
    }

    private ApiClient.Answer refund(JsonObject order, String body, String key) {
        return api.post("api/v1/orders/" + order.getString("id") + "/refunds", body, key);
    }

    private boolean granted(JsonObject order) {
        return orders.granted(order, order.getString("offering"));
    }

    /** The classic ledger, one map per transaction ({@code /control/ec/transactions}). */
    private List<Map<String, String>> ecLedger() {
        try {
            HttpResponse<String> r = control.send(HttpRequest.newBuilder(EmulatorExtension.emulator().baseUri()
                    .resolve("control/ec/transactions")).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.body().lines().filter(l -> !l.isBlank()).map(ExpressFollowOnsIT::fields).toList();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : line.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    private List<Map<String, String>> ecRefundsOf(String saleId) {
        return ecLedger().stream().filter(t -> "REFUND".equals(t.get("KIND")) && saleId.equals(t.get("PARENT")))
                .toList();
    }

    private Map<String, String> ecTransaction(String id) {
        return ecLedger().stream().filter(t -> id.equals(t.get("TRANSACTIONID"))).findFirst().orElseThrow();
    }

    @Test
    void aFullRefundOfAPayPalPaymentGoesBackThroughRefundTransactionAndRevokesAccess() {
        JsonObject order = paidWithPayPal("full", "30.00");
        String sale = saleReference(order);
        assertThat(granted(order)).isTrue();

        ApiClient.Answer r = refund(order, "", "ecf-full-" + order.getString("id"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonObject credit = r.json().getJsonObject("transaction");
        assertThat(credit.getString("kind")).isEqualTo("CREDIT");
        assertThat(credit.getString("status")).isEqualTo("APPROVED");
        assertThat(credit.getJsonObject("amount").getString("amount")).isEqualTo("30.00");
        assertThat(credit.getString("original"))
                .isEqualTo(order.getJsonArray("transactions").getJsonObject(0).getString("id"));
        assertThat(r.json().getJsonObject("order").getString("status")).isEqualTo("REFUNDED");
        assertThat(r.json().getJsonObject("order").getJsonObject("refunded").getString("amount")).isEqualTo("30.00");

        // PayPal got one RefundTransaction of the whole sale: REFUNDTYPE=Full, 30.00 USD, against the sale's id.
        List<Map<String, String>> refunds = ecRefundsOf(sale);
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0)).containsEntry("AMT", "30.00").containsEntry("CURRENCYCODE", "USD")
                .containsEntry("REFUNDTYPE", "Full").containsEntry("MERCHANT", "merchant@demo.example");
        assertThat(credit.getString("reference")).isEqualTo(refunds.get(0).get("TRANSACTIONID"));
        assertThat(ecTransaction(sale)).containsEntry("PAYMENTSTATUS", "Refunded").containsEntry("REFUNDED", "30.00");
        assertThat(granted(order)).isFalse();

        // The refund is in the transactions report, and the totals count it.
        JsonObject report = api.get("api/v1/transactions?includeTest=true&attendee="
                + order.getString("email")).json();
        assertThat(report.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(t -> t.getString("kind") + ":" + t.getString("status") + ":"
                        + t.getJsonObject("amount").getString("amount") + ":" + t.getString("provider"))
                .containsExactlyInAnyOrder("SALE:APPROVED:30.00:EXPRESS_CHECKOUT_US",
                        "CREDIT:APPROVED:30.00:EXPRESS_CHECKOUT_US");
        JsonObject totals = report.getJsonArray("totals").getJsonObject(0);
        assertThat(totals.getJsonObject("gross").getString("amount")).isEqualTo("30.00");
        assertThat(totals.getJsonObject("refunds").getString("amount")).isEqualTo("30.00");
        assertThat(totals.getJsonObject("net").getString("amount")).isEqualTo("0.00");

        ApiClient.Answer more = refund(order, "", "ecf-full2-" + order.getString("id"));
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.json().getString("type")).isEqualTo("/problems/refund-exceeds-refundable");
        assertThat(ecRefundsOf(sale)).hasSize(1);
    }

    @Test
    void partialRefundsOfAPayPalPaymentAddUpAndNeverPassWhatWasPaid() {
        JsonObject order = paidWithPayPal("part", "40.00");
        String sale = saleReference(order);
        String body = "{\"amount\": {\"amount\": \"15.00\", \"currency\": \"USD\"}}";

        ApiClient.Answer first = refund(order, body, "ecf-p1-" + order.getString("id"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        assertThat(first.json().getJsonObject("order").getString("status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(granted(order)).as("a partial refund keeps access").isTrue();
        assertThat(ecRefundsOf(sale)).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("AMT", "15.00").containsEntry("REFUNDTYPE", "Partial").containsEntry("CURRENCYCODE", "USD"));

        // The same Idempotency-Key and body: the first answer again, nothing sent.
        ApiClient.Answer replay = refund(order, body, "ecf-p1-" + order.getString("id"));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        // More than is left, or another currency: refused here, nothing sent to PayPal.
        ApiClient.Answer tooMuch = refund(order, "{\"amount\": {\"amount\": \"25.01\", \"currency\": \"USD\"}}",
                "ecf-p2-" + order.getString("id"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().getString("type")).isEqualTo("/problems/refund-exceeds-refundable");
        ApiClient.Answer cad = refund(order, "{\"amount\": {\"amount\": \"5.00\", \"currency\": \"CAD\"}}",
                "ecf-p3-" + order.getString("id"));
        assertThat(cad.status()).isEqualTo(422);
        assertThat(cad.json().getString("type")).isEqualTo("/problems/currency-mismatch");
        assertThat(ecRefundsOf(sale)).hasSize(1);

        // The rest: PayPal refuses a Full refund after a partial one, so it goes as Partial for the 25.00 left.
        ApiClient.Answer rest = refund(order, "{}", "ecf-p4-" + order.getString("id"));
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        assertThat(rest.json().getJsonObject("transaction").getJsonObject("amount").getString("amount"))
                .isEqualTo("25.00");
        assertThat(rest.json().getJsonObject("order").getString("status")).isEqualTo("REFUNDED");
        assertThat(ecRefundsOf(sale)).extracting(t -> t.get("AMT") + " " + t.get("REFUNDTYPE"))
                .containsExactly("15.00 Partial", "25.00 Partial");
        assertThat(ecTransaction(sale)).containsEntry("PAYMENTSTATUS", "Refunded").containsEntry("REFUNDED", "40.00");
        assertThat(granted(order)).isFalse();
    }


    @Test
    void aPaymentThroughPayflowsExpressCheckoutIsCreditedWithThePayPalTender() {
        orders.configure(PAYFLOW_WITH_EXPRESS_CHECKOUT);
        String offering = orders.offering("ecf-pf", "Payflow PayPal refund", "25.00", "USD");
        JsonObject placed = orders.place(offering, "pf");
        PaymentPageClient.Hop hop = browser.click(URI.create(placed.getString("paymentPageUrl")), "payWithPayPal");
        assertThat(hop.location().getPath()).isEqualTo("/payflow-ec/checkout");
        assertThat(browser.follow(browser.decide(hop.location(), "approve").location()).body())
                .contains("Payment approved");
        JsonObject order = jakarta.json.Json.createObjectBuilder(orders.now(placed))
                .add("email", placed.getString("email")).add("offering", offering).build();
        String pnref = saleReference(order);

        ApiClient.Answer part = refund(order, "{\"amount\": {\"amount\": \"10.00\", \"currency\": \"USD\"}}",
                "ecf-pf1-" + order.getString("id"));
        assertThat(part.status()).as(part.body()).isEqualTo(201);
        assertThat(part.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        assertThat(part.json().getJsonObject("order").getString("status")).isEqualTo("PARTIALLY_REFUNDED");
        ApiClient.Answer rest = refund(order, "", "ecf-pf2-" + order.getString("id"));
        assertThat(rest.json().getJsonObject("order").getString("status")).isEqualTo("REFUNDED");
        assertThat(granted(order)).isFalse();

        // Two Payflow credits against the sale's PNREF, TENDER=P (PFP-EC Table A.15), in dollars, both approved.
        List<TransactionRecord> credits = EmulatorExtension.emulator().transactions().stream()
                .filter(t -> "C".equals(t.trxType()) && pnref.equals(t.origId())).toList();
        assertThat(credits).extracting(t -> t.tender() + " " + t.amount().toPlainString() + " " + t.currency() + " "
                + t.result()).containsExactly("P 10.00 USD 0", "P 15.00 USD 0");
    }

    @Test
    void aPayPalPaymentOfAnotherProviderThanTheCurrentOneIsRefusedPlainly() {
        JsonObject order = paidWithPayPal("other", "12.00");
        String sale = saleReference(order);
        orders.configure(TestOrders.DEMO_PROVIDER);

        ApiClient.Answer r = refund(order, "{}", "ecf-other-" + order.getString("id"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().getString("type")).isEqualTo("/problems/refund-not-supported");
        assertThat(r.json().getString("detail")).contains("PayPal Express Checkout (US)").contains("Payflow Pro");
        assertThat(orders.now(order).getJsonArray("transactions")).hasSize(1);
        assertThat(ecRefundsOf(sale)).isEmpty();
        assertThat(granted(order)).isTrue();
    }

    private static void click(By by) {
        new WebDriverWait(Browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by))
                .click();
        Browser.settle();
    }

    @Test
    void theAdministratorRefundsAPayPalPaymentOnTheOrderPage() {
        JsonObject order = paidWithPayPal("page", "18.00");
        String sale = saleReference(order);
        URI base = Deployments.loopback(deployed);
        Browser.signIn(base, "admin@demo.example", "admin-demo-1");
        WebDriver d = Browser.open(base, "admin/orders/order.xhtml?id=" + order.getString("id"));
        assertThat(Browser.visible(By.id("order:status")).getText()).isEqualTo("Paid");
        String hint = Browser.visible(By.id("order:remainder")).getText();
        assertThat(hint).contains("18.00 USD").contains("PayPal account").doesNotContain("card");

        click(By.id("order:refund"));
        String question = Browser.visible(By.id("refundForm:refundConfirm")).getText();
        assertThat(question).contains("18.00 USD").contains("PayPal account").doesNotContain("card");
        click(By.id("refundForm:refundYes"));
        new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("order:status"),
                "Refunded"));
        assertThat(Browser.visible(By.id("order:transactions:1:kind")).getText()).isEqualTo("Refund");
        assertThat(Browser.visible(By.id("order:transactions:1:status")).getText()).isEqualTo("Approved");
        assertThat(ecRefundsOf(sale)).singleElement().satisfies(t -> assertThat(t).containsEntry("AMT", "18.00")
                .containsEntry("REFUNDTYPE", "Full"));
        assertThat(granted(order)).isFalse();
    }

    private String controlPost(String pathAndQuery) {
        try {
            HttpResponse<String> r = control.send(HttpRequest.newBuilder(EmulatorExtension.emulator().baseUri()
                    .resolve(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An order paid on PayPal's page that PayPal left Pending (an eCheck): HELD, nothing granted. */
    private JsonObject pendingWithPayPal(String who, String fee) {
        String offering = orders.offering("ecf-" + who, "PayPal pending " + who, fee, "USD");
        JsonObject order = orders.place(offering, who);
        controlPost("control/ec/pending?reason=echeck&count=1");
        PaymentPageClient.Hop hop = browser.click(URI.create(order.getString("paymentPageUrl")), "payWithPayPal");
        PaymentPageClient.Hop back = browser.decide(hop.location(), "approve");
        assertThat(browser.follow(back.location()).body()).contains("PayPal has not completed your payment yet");
        JsonObject now = orders.now(order);
        assertThat(now.getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(now.getJsonArray("transactions").getJsonObject(0).getString("status")).isEqualTo("HELD");
        JsonObject o = jakarta.json.Json.createObjectBuilder(now).add("email", order.getString("email"))
                .add("offering", offering).build();
        assertThat(granted(o)).isFalse();
        return o;
    }

    private static String row(String reference) {
        return "//tr[.//span[contains(@id,':reference') and text()='" + reference + "']]";
    }

    private static String cell(String reference, String id) {
        return Browser.driver().findElement(By.xpath(row(reference) + "//span[contains(@id,':" + id + "')]"))
                .getText();
    }

    private static boolean hasButton(String reference, String id) {
        return !Browser.driver().findElements(By.xpath(row(reference) + "//button[contains(@id,':" + id + "')]"))
                .isEmpty();
    }

    @Test
    void aPendingPayPalPaymentIsAcceptedOncePayPalCompletesIt() {
        JsonObject order = pendingWithPayPal("pend", "33.00");
        JsonObject sale = order.getJsonArray("transactions").getJsonObject(0);
        String id = sale.getString("reference");
        // A pending PayPal sale cannot be voided (PayPal voids authorizations and orders only): said plainly.
        ApiClient.Answer v = api.post("api/v1/orders/" + order.getString("id") + "/voids",
                "{\"transaction\": \"" + sale.getString("id") + "\"}", "ecf-void-" + order.getString("id"));
        assertThat(v.status()).as(v.body()).isEqualTo(409);
        assertThat(v.json().getString("type")).isEqualTo("/problems/transaction-state");
        assertThat(v.json().getString("detail")).contains("pending sale");

        URI base = Deployments.loopback(deployed);
        Browser.signIn(base, "admin@demo.example", "admin-demo-1");
        WebDriver d = Browser.open(base, "admin/payments/held.xhtml");
        assertThat(cell(id, "amount")).isEqualTo("33.00 USD");
        assertThat(cell(id, "inquiry")).isEqualTo("Not asked yet");
        assertThat(hasButton(id, "accept")).isFalse();
        assertThat(hasButton(id, "void")).isFalse();
        assertThat(cell(id, "notVoidable")).contains("PayPal cannot void a pending sale");

        // Inquire: GetTransactionDetails says Pending, eCheck, in words; still no Accept.
        click(By.xpath(row(id) + "//button[contains(@id,':inquire')]"));
        assertThat(cell(id, "inquiry")).isEqualTo("Pending: paid by eCheck, which has not cleared yet");
        assertThat(hasButton(id, "accept")).isFalse();

        // PayPal completes it (the eCheck cleared); the next inquiry shows it, and Accept grants access.
        controlPost("control/ec/complete?transaction=" + id);
        click(By.xpath(row(id) + "//button[contains(@id,':inquire')]"));
        assertThat(cell(id, "inquiry")).isEqualTo("Completed");
        click(By.xpath(row(id) + "//button[contains(@id,':accept')]"));
        new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(By.xpath(row(id)),
                0));
        assertThat(Browser.visible(By.id("messages")).getText()).contains("33.00 USD").contains(order.getString("email"));
        JsonObject now = orders.now(order);
        assertThat(now.getString("status")).isEqualTo("PAID");
        assertThat(now.getJsonArray("transactions").getJsonObject(0).getString("status")).isEqualTo("APPROVED");
        assertThat(granted(order)).isTrue();
        // Paid once: the one sale at PayPal, now completed; and it can be refunded like any PayPal payment.
        assertThat(ecTransaction(id)).containsEntry("PAYMENTSTATUS", "Completed").containsEntry("AMT", "33.00");
        ApiClient.Answer r = refund(order, "", "ecf-pend-r-" + order.getString("id"));
        assertThat(r.json().getJsonObject("order").getString("status")).isEqualTo("REFUNDED");
    }

    @Test
    void aPendingPayPalPaymentThatPayPalDeniesIsRecordedAsRefusedAndTheAttendeeMayPayAgain() {
        JsonObject order = pendingWithPayPal("deny", "27.00");
        String id = order.getJsonArray("transactions").getJsonObject(0).getString("reference");
        controlPost("control/ec/deny?transaction=" + id);

        URI base = Deployments.loopback(deployed);
        Browser.signIn(base, "admin@demo.example", "admin-demo-1");
        WebDriver d = Browser.open(base, "admin/payments/held.xhtml");
        click(By.xpath(row(id) + "//button[contains(@id,':inquire')]"));
        // Denied is final: recorded as refused (nothing charged, nothing granted), and it leaves the list.
        new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(By.xpath(row(id)),
                0));
        assertThat(Browser.visible(By.id("messages")).getText()).contains("PayPal refused the payment of 27.00 USD")
                .contains("Denied");
        JsonObject now = orders.now(order);
        assertThat(now.getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(now.getJsonArray("transactions").getJsonObject(0).getString("status")).isEqualTo("DECLINED");
        assertThat(granted(order)).isFalse();

        // The attendee pays again on the same order, and this time PayPal completes it at once.
        PaymentPageClient.Hop hop = browser.click(URI.create(order.getString("paymentPageUrl")), "payWithPayPal");
        assertThat(browser.follow(browser.decide(hop.location(), "approve").location()).body())
                .contains("Payment approved");
        assertThat(orders.now(order).getString("status")).isEqualTo("PAID");
        assertThat(granted(order)).isTrue();
        assertThat(ecLedger().stream().filter(t -> "SALE".equals(t.get("KIND")) && "27.00".equals(t.get("AMT"))
                && "merchant@demo.example".equals(t.get("MERCHANT")))
                .map(t -> t.get("PAYMENTSTATUS"))).contains("Denied", "Completed");
    }
}
