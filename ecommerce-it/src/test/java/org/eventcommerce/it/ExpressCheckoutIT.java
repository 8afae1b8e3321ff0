package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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
 * The attendee pays through PayPal's Express Checkout pages (issue 4), classic NVP, in Test mode against the
 * emulator: the site is configured as Express Checkout (US) through the API, an order is placed through the API, and
 * the payment page, the emulator's approval page and our return endpoints are driven hop by hop over HTTP (and once
 * in a browser). Every case checks what reached the emulator's ledger ({@code /control/ec/transactions}): exactly
 * one charge, in the order's currency, or none. The demo's Payflow Pro settings are put back after each case.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class, Browser.class})
@RunAsClient
class ExpressCheckoutIT {

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

    /** A fresh order for the demo's 25.00 USD keynote. */
    private JsonObject order(String who) {
        return orders.place("live-keynote", who);
    }

    private List<String> charges() {
        try {
            HttpResponse<String> r = control.send(HttpRequest.newBuilder(EmulatorExtension.emulator().baseUri()
                    .resolve("control/ec/transactions")).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.body().lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
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

    private JsonObject orderNow(JsonObject order) {
        return orders.now(order);
    }

    private boolean granted(JsonObject order) {
        return orders.granted(order, "live-keynote");
    }

    private URI page(JsonObject order) {
        return URI.create(order.getString("paymentPageUrl"));
    }

    /** Clicks Pay with PayPal and returns the approval page it redirects to. */
    private URI payWithPayPal(JsonObject order) {
        PaymentPageClient.Hop hop = browser.click(page(order), "payWithPayPal");
        assertThat(hop.status()).as(hop.body()).isEqualTo(302);
        assertThat(hop.location().getPath()).isEqualTo("/cgi-bin/webscr");
        assertThat(PaymentPageClient.query(hop.location(), "token")).startsWith("EC-");
        return hop.location();
    }

    @Test
    void approvedOnPayPalTheOrderIsPaidOnceEvenWhenTheReturnIsOpenedTwice() {
        JsonObject order = order("approve");
        String page = browser.follow(page(order)).body();
        assertThat(page).contains("Pay with PayPal").doesNotContain("payment:cardNumber");
        int before = charges().size();

        URI approval = payWithPayPal(order);
        PaymentPageClient.Hop back = browser.decide(approval, "approve");
        assertThat(back.location().getPath()).startsWith("/paypal/return/" + order.getString("id"));
        assertThat(PaymentPageClient.query(back.location(), "PayerID")).isNotBlank();

        PaymentPageClient.Hop returned = browser.get(back.location());
        assertThat(returned.status()).isEqualTo(303);
        PaymentPageClient.Hop confirmation = browser.follow(returned.location());
        assertThat(confirmation.body()).contains("Payment approved");

        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        assertThat(granted(order)).isTrue();
        List<String> after = charges();
        assertThat(after).hasSize(before + 1);
        assertThat(after.getLast()).contains("KIND=", "MERCHANT=merchant@demo.example", "AMT=25.00",
                "CURRENCYCODE=USD", "PAYMENTSTATUS=Completed");
        JsonObject tx = orderNow(order).getJsonArray("transactions").getJsonObject(0);
        assertThat(tx.getString("status")).isEqualTo("APPROVED");
        assertThat(after.getLast()).contains("TRANSACTIONID=" + tx.getString("reference"));

        // The return opened again (reload, back button, a crawler): the confirmation, no second charge.
        PaymentPageClient.Hop again = browser.follow(back.location());
        assertThat(again.body()).contains("Payment approved");
        assertThat(charges()).hasSize(before + 1);

        // (Refunds of Express Checkout payments: ExpressFollowOnsIT.)
        // The API cannot take a card for a site that takes payments on PayPal's pages.
        ApiClient.Answer card = api.post("api/v1/orders/" + order("card").getString("id") + "/payments", """
                {"card": {"number": "4111111111111111", "expiry": "1230", "cvv": "123", "holder": "Ann"}}""",
                "ec-card-" + order.getString("id"));
        assertThat(card.status()).as(card.body()).isEqualTo(422);
        assertThat(card.json().getString("type")).isEqualTo("/problems/card-payments-not-offered");
    }

    @Test
    void cancelledOnPayPalNothingIsChargedAndTheAttendeeCanPayLater() {
        JsonObject order = order("cancel");
        int before = charges().size();
        URI approval = payWithPayPal(order);
        PaymentPageClient.Hop back = browser.decide(approval, "cancel");
        assertThat(back.location().getPath()).startsWith("/paypal/cancel/" + order.getString("id"));
        PaymentPageClient.Hop shown = browser.follow(back.location());
        assertThat(shown.body()).contains("You cancelled the payment on PayPal").contains("Pay with PayPal");
        assertThat(charges()).hasSize(before);
        JsonObject now = orderNow(order);
        assertThat(now.getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(now.getJsonArray("transactions").getJsonObject(0).getString("status")).isEqualTo("DECLINED");
        assertThat(granted(order)).isFalse();

        // The reader who chose Romanian gets the notice in Romanian, not in the browser's language (a fresh-user
        // trial saw it in English): choose Romanian, cancel once more, read the notice.
        browser.follow(URI.create(order.getString("paymentPageUrl") + "&lang=ro"));
        PaymentPageClient.Hop backRo = browser.decide(payWithPayPal(order), "cancel");
        assertThat(browser.follow(backRo.location()).body()).contains("Ați anulat plata pe PayPal");
        browser.follow(URI.create(order.getString("paymentPageUrl") + "&lang=en"));

        // A later try is a new attempt with a new token, and it pays.
        URI second = payWithPayPal(order);
        assertThat(PaymentPageClient.query(second, "token")).isNotEqualTo(PaymentPageClient.query(approval, "token"));
        browser.follow(browser.decide(second, "approve").location());
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        assertThat(charges()).hasSize(before + 1);
    }

    @Test
    void aFundingFailureSendsTheBuyerBackToPayPalWithTheSameToken() {
        JsonObject order = order("funding");
        int before = charges().size();
        URI approval = payWithPayPal(order);
        controlPost("control/ec/fail-funding?count=1");
        PaymentPageClient.Hop back = browser.decide(approval, "approve");
        PaymentPageClient.Hop returned = browser.get(back.location());
        // 10486: straight back to PayPal's page with the same token (paypal-protocols.md §3.4).
        assertThat(returned.status()).isEqualTo(302);
        assertThat(PaymentPageClient.query(returned.location(), "token"))
                .isEqualTo(PaymentPageClient.query(approval, "token"));
        assertThat(charges()).hasSize(before);
        assertThat(orderNow(order).getString("status")).isEqualTo("AWAITING_PAYMENT");

        PaymentPageClient.Hop confirmed = browser.follow(browser.decide(returned.location(), "approve").location());
        assertThat(confirmed.body()).contains("Payment approved");
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        assertThat(charges()).hasSize(before + 1);
    }

    @Test
    void aPendingPaymentIsHeldAndGrantsNothing() {
        JsonObject order = order("pending");
        controlPost("control/ec/pending?reason=echeck&count=1");
        URI approval = payWithPayPal(order);
        PaymentPageClient.Hop shown = browser.follow(browser.decide(approval, "approve").location());
        assertThat(shown.body()).contains("PayPal has not completed your payment yet");
        JsonObject now = orderNow(order);
        assertThat(now.getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(now.getJsonArray("transactions").getJsonObject(0).getString("status")).isEqualTo("HELD");
        assertThat(granted(order)).isFalse();
    }

    @Test
    void anExpiredCheckoutIsStartedAgainWithANewToken() {
        JsonObject order = order("expired");
        int before = charges().size();
        URI approval = payWithPayPal(order);
        PaymentPageClient.Hop back = browser.decide(approval, "approve");
        controlPost("control/ec/expire?token=" + PaymentPageClient.query(approval, "token"));
        PaymentPageClient.Hop shown = browser.follow(back.location());
        assertThat(shown.body()).contains("Your PayPal checkout has expired");
        assertThat(charges()).hasSize(before);
        assertThat(orderNow(order).getString("status")).isEqualTo("AWAITING_PAYMENT");

        URI fresh = payWithPayPal(order);
        assertThat(PaymentPageClient.query(fresh, "token")).isNotEqualTo(PaymentPageClient.query(approval, "token"));
        browser.follow(browser.decide(fresh, "approve").location());
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        assertThat(charges()).hasSize(before + 1);
    }

    @Test
    void aTamperedReturnChangesNothing() {
        JsonObject order = order("tamper");
        JsonObject other = order("other");
        URI approval = payWithPayPal(order);
        PaymentPageClient.Hop back = browser.decide(approval, "approve");
        int before = charges().size();
        // Another order's signature: not found.
        String forged = back.location().toString().replace("/paypal/return/" + order.getString("id"),
                "/paypal/return/" + other.getString("id"));
        assertThat(browser.get(URI.create(forged)).status()).isEqualTo(404);
        // This order's token on the other order's (validly signed) return: not its checkout.
        URI otherReturn = URI.create(browser.local(URI.create(other.getString("paymentPageUrl"))).toString()
                .replace("/pay/", "/paypal/return/") + "&token=" + PaymentPageClient.query(approval, "token")
                + "&PayerID=X");
        assertThat(browser.follow(otherReturn).body()).contains("does not belong to this order");
        assertThat(charges()).hasSize(before);
        assertThat(orderNow(other).getString("status")).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void aChangeOfCurrencyCancelsTheUnpaidOrdersItCannotPayAndRefusesNewOnes() {
        JsonObject order = order("currency");
        ApiClient.Answer ca = api.put("api/v1/settings", """
                {"provider": {"type": "EXPRESS_CHECKOUT_CA", "paypalEmail": "merchant.ca@demo.example",
                  "currency": "CAD"}}""");
        assertThat(ca.status()).as(ca.body()).isEqualTo(200);
        // The dollar order can no longer be paid: cancelled, counted, and nothing was sent to PayPal.
        assertThat(ca.json().getInt("cancelledUnpaidOrders")).isGreaterThanOrEqualTo(1);
        assertThat(orderNow(order).getString("status")).isEqualTo("CANCELLED");
        assertThat(orderNow(order).getJsonArray("transactions")).isEmpty();
        PaymentPageClient.Hop page = browser.get(page(order));
        assertThat(page.body()).doesNotContain("payment:payWithPayPal");
        // A new order of the dollar offering is refused before any call.
        ApiClient.Answer again = api.post("api/v1/orders", """
                {"offering": "live-keynote", "attendee": {"email": "cad-%s@example.com", "name": "Cad Dee"}}"""
                .formatted(Long.toString(System.nanoTime(), 36)));
        assertThat(again.status()).as(again.body()).isEqualTo(422);
        assertThat(again.json().getString("type")).isEqualTo("/problems/currency-not-supported");
        // Nor is its price quoted.
        ApiClient.Answer quote = api.get("api/v1/quotes?offering=live-keynote");
        assertThat(quote.status()).as(quote.body()).isEqualTo(422);
        assertThat(quote.json().getString("type")).isEqualTo("/problems/currency-not-supported");
    }

    @Test
    void anAttendeePaysWithPayPalInABrowser() {
        JsonObject order = order("browser");
        WebDriver d = Browser.driver();
        d.get(browser.local(page(order)).toString());
        Browser.settle();
        Browser.visible(By.id("payment:payWithPayPal")).click();
        new WebDriverWait(d, java.time.Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/cgi-bin/webscr"));
        assertThat(Browser.visible(By.id("amount")).getText()).isEqualTo("25.00 USD");
        Browser.visible(By.id("approve")).click();
        new WebDriverWait(d, java.time.Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/paypal/return/"));
        URI returned = URI.create(d.getCurrentUrl());
        if (!returned.equals(browser.local(returned))) {
            // PayPal returns to ECOMMERCE_PUBLIC_URL; Payara Micro may have bound another port than that URL's when
            // the machine's 8080 was taken, so the browser follows the same return on the deployed port.
            d.get(browser.local(returned).toString());
        }
        new WebDriverWait(d, java.time.Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/pay/"));
        Browser.settle();
        assertThat(Browser.visible(By.id("payment:confirmation")).getText()).contains("Payment approved");
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        assertThat(granted(order)).isTrue();
    }

    private long payflowExpressCharges() {
        return EmulatorExtension.emulator().transactions().stream().filter(t -> "P".equals(t.tender())).count();
    }

    @Test
    void payflowProWithExpressCheckoutOffersPayPalBesideTheCardAndChargesOnce() {
        orders.configure(PAYFLOW_WITH_EXPRESS_CHECKOUT);
        JsonObject order = order("payflow-ec");
        String page = browser.follow(page(order)).body();
        assertThat(page).contains("Pay with PayPal").contains("payment:cardNumber");
        long before = payflowExpressCharges();

        PaymentPageClient.Hop hop = browser.click(page(order), "payWithPayPal");
        assertThat(hop.status()).as(hop.body()).isEqualTo(302);
        assertThat(hop.location().getPath()).isEqualTo("/payflow-ec/checkout");
        PaymentPageClient.Hop back = browser.decide(hop.location(), "approve");
        assertThat(back.location().getPath()).startsWith("/paypal/return/" + order.getString("id"));
        assertThat(browser.follow(back.location()).body()).contains("Payment approved");
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        assertThat(granted(order)).isTrue();
        assertThat(payflowExpressCharges()).isEqualTo(before + 1);
        org.eventcommerce.emulator.TransactionRecord sale = EmulatorExtension.emulator().transactions().stream()
                .filter(t -> "P".equals(t.tender())).reduce((x, y) -> y).orElseThrow();
        assertThat(sale.currency()).isEqualTo("USD");
        assertThat(sale.amount()).isEqualByComparingTo("25.00");
        assertThat(sale.trxType()).isEqualTo("S");

        // Opened again: the confirmation, no second charge.
        assertThat(browser.follow(back.location()).body()).contains("Payment approved");
        assertThat(payflowExpressCharges()).isEqualTo(before + 1);
    }

    @Test
    void payflowExpressCheckoutCancelledChargesNothing() {
        orders.configure(PAYFLOW_WITH_EXPRESS_CHECKOUT);
        JsonObject order = order("payflow-cancel");
        long before = payflowExpressCharges();
        PaymentPageClient.Hop hop = browser.click(page(order), "payWithPayPal");
        PaymentPageClient.Hop back = browser.decide(hop.location(), "cancel");
        assertThat(browser.follow(back.location()).body()).contains("You cancelled the payment on PayPal");
        assertThat(payflowExpressCharges()).isEqualTo(before);
        assertThat(orderNow(order).getString("status")).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void twoReturnsAtOnceChargeOnce() throws Exception {
        JsonObject order = order("twice");
        int before = charges().size();
        PaymentPageClient.Hop back = browser.decide(payWithPayPal(order), "approve");
        // Both returns may reach DoExpressCheckoutPayment; they send the same MSGSUBID (§3.5), so PayPal pays once.
        java.util.concurrent.CompletableFuture<PaymentPageClient.Hop> first =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> browser.get(back.location()));
        java.util.concurrent.CompletableFuture<PaymentPageClient.Hop> second =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> browser.get(back.location()));
        assertThat(first.get().status()).isEqualTo(303);
        assertThat(second.get().status()).isEqualTo(303);
        assertThat(browser.follow(first.get().location()).body()).contains("Payment approved");
        assertThat(browser.follow(second.get().location()).body()).contains("Payment approved");
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        assertThat(charges()).hasSize(before + 1);
    }

    @Test
    void aLostPayflowAnswerIsResentWithTheSameRequestIdAndPaysOnce() throws Exception {
        orders.configure(PAYFLOW_WITH_EXPRESS_CHECKOUT);
        JsonObject order = order("lost-answer");
        long before = payflowExpressCharges();
        PaymentPageClient.Hop hop = browser.click(page(order), "payWithPayPal");
        PaymentPageClient.Hop back = browser.decide(hop.location(), "approve");
        org.eventcommerce.emulator.EmulatorControl control = EmulatorExtension.emulator().control();
        // Hold the answer of GetExpressCheckoutDetails (ACTION=G), then drop the next one: DoExpressCheckoutPayment's.
        control.holdNext(1);
        java.util.concurrent.CompletableFuture<PaymentPageClient.Hop> returned =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> browser.get(back.location()));
        assertThat(control.awaitHeld(1, java.time.Duration.ofSeconds(20))).isTrue();
        control.dropNext(1);
        control.release();
        PaymentPageClient.Hop answer = returned.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(303);
        assertThat(browser.follow(answer.location()).body()).contains("Payment approved");
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        // Processed once: the resend carried the same X-VPS-REQUEST-ID and got the first answer again (DUPLICATE=1).
        assertThat(payflowExpressCharges()).isEqualTo(before + 1);
        String txId = orderNow(order).getJsonArray("transactions").getJsonObject(0).getString("id");
        JsonObject tx = api.get("api/v1/transactions/" + txId).json();
        assertThat(tx.getString("status")).isEqualTo("APPROVED");
        assertThat(tx.getBoolean("duplicate")).as(tx.toString()).isTrue();
        assertThat(tx.getInt("sendCount")).as("SetExpressCheckout, DoExpressCheckoutPayment and its resend")
                .isEqualTo(3);
    }
    /**
     * Express Checkout (Canada) in Canadian dollars, then in yen (no decimals at PayPal): every call names the
     * order's currency, the ledger holds the charge in it, and the transactions report totals each currency apart.
     */
    @Test
    void aCanadianMerchantIsPaidInItsCurrencyAndTheReportTotalsEachCurrencyApart() {
        // A fee is set in the site's currency, so the site's currency comes first.
        configureCanada("CAD");
        String cad = offering("40.50", "CAD");
        JsonObject cadOrder = orders.place(cad, "cad");
        assertThat(cadOrder.getJsonObject("total").getString("amount")).isEqualTo("40.50");
        assertThat(payOnPayPal(cadOrder)).contains("MERCHANT=merchant.ca@demo.example", "AMT=40.50",
                "CURRENCYCODE=CAD", "PAYMENTSTATUS=Completed");

        configureCanada("JPY");
        String jpy = offering("1500", "JPY");
        JsonObject jpyOrder = orders.place(jpy, "jpy");
        assertThat(jpyOrder.getJsonObject("total").getString("amount")).isEqualTo("1500");
        assertThat(payOnPayPal(jpyOrder)).contains("AMT=1500&", "CURRENCYCODE=JPY", "PAYMENTSTATUS=Completed");

        JsonObject cadReport = api.get("api/v1/transactions?includeTest=true&offering=" + cad).json();
        assertThat(cadReport.getJsonArray("items").getJsonObject(0).getJsonObject("amount").getString("currency"))
                .isEqualTo("CAD");
        JsonObject cadTotal = cadReport.getJsonArray("totals").getJsonObject(0);
        assertThat(cadTotal.getString("currency")).isEqualTo("CAD");
        assertThat(cadTotal.getJsonObject("net").getString("amount")).isEqualTo("40.50");
        JsonObject jpyTotal = api.get("api/v1/transactions?includeTest=true&offering=" + jpy).json()
                .getJsonArray("totals").getJsonObject(0);
        assertThat(jpyTotal.getString("currency")).isEqualTo("JPY");
        assertThat(jpyTotal.getJsonObject("gross").getString("amount")).isEqualTo("1500");
        // The CSV names the tender of a PayPal payment in words (the fresh-user trial found "???card.PAYPAL???").
        ApiClient.Answer csv = api.csv("api/v1/transactions?offering=" + cad);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("PayPal account").doesNotContain("???");
    }

    /** A new recording of the demo host with a fee of {@code amount} {@code currency}; its id. */
    private String offering(String amount, String currency) {
        String id = currency.toLowerCase() + "-talk-" + Long.toString(System.nanoTime(), 36);
        ApiClient.Answer a = api.put("api/v1/offerings/" + id, """
                {"title": "Talk in %s", "service": "TRAINING", "type": "RECORDING", "host": "host@demo.example",
                 "fee": {"amount": "%s", "currency": "%s"}}""".formatted(currency, amount, currency));
        assertThat(a.status()).as(a.body()).isBetween(200, 201);
        return id;
    }

    private void configureCanada(String currency) {
        ApiClient.Answer a = api.put("api/v1/settings", """
                {"mode": "TEST", "provider": {"type": "EXPRESS_CHECKOUT_CA", "paypalEmail": "merchant.ca@demo.example",
                  "currency": "%s"}}""".formatted(currency));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    /** Pay with PayPal, approve on the emulator's page, come back: the order is paid; the ledger line of the charge. */
    private String payOnPayPal(JsonObject order) {
        int before = charges().size();
        PaymentPageClient.Hop back = browser.decide(payWithPayPal(order), "approve");
        PaymentPageClient.Hop confirmation = browser.follow(back.location());
        assertThat(confirmation.body()).contains("Payment approved");
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        List<String> after = charges();
        assertThat(after).hasSize(before + 1);
        return after.getLast() + "&";
    }
}
