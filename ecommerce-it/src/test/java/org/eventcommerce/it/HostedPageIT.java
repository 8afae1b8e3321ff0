package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
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

/**
 * The attendee pays on PayPal's hosted page with a Payflow Secure Token (issue 4; account type Website Payments Pro;
 * paypal-protocols.md §1.7), in Test mode against the emulator's {@code /hosted} page: the payment page shows no card
 * field but "Continue to PayPal", the card is typed on the emulator's page, and the return, the error return, the
 * cancel and the Silent POST are settled so that only what Payflow confirms is paid. Every case checks the emulator's
 * ledger. The demo's Payflow Pro settings are put back after each case.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class})
@RunAsClient
class HostedPageIT {

    private static final String KEY = "demo-platform-key";
    private static final String HOSTED = """
            {"mode": "TEST", "provider": {"type": "PAYFLOW_PRO", "accountType": "WEBSITE_PAYMENTS_PRO",
              "acceptedCards": [], "expressCheckout": false, "currency": "USD"}}""";

    @ArquillianResource
    URL deployed;

    private ApiClient api;
    private TestOrders orders;
    private PaymentPageClient browser;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void hostedPage() {
        api = new ApiClient(Deployments.loopback(deployed), KEY);
        orders = new TestOrders(api);
        browser = new PaymentPageClient(Deployments.loopback(deployed));
        orders.configure(HOSTED);
    }

    @AfterEach
    void restoreDemoProvider() {
        orders.configure(TestOrders.DEMO_PROVIDER);
    }

    private JsonObject order(String offering, String who) {
        return orders.place(offering, who);
    }

    private JsonObject orderNow(JsonObject order) {
        return orders.now(order);
    }

    private boolean granted(JsonObject order, String offering) {
        return orders.granted(order, offering);
    }

    private long sales() {
        return EmulatorExtension.emulator().transactions().stream().filter(t -> "S".equals(t.trxType())).count();
    }

    /** Clicks Continue to PayPal; returns the hosted page URL. */
    private URI continueToPayPal(JsonObject order) {
        String page = browser.follow(URI.create(order.getString("paymentPageUrl"))).body();
        assertThat(page).contains("Continue to PayPal").doesNotContain("payment:cardNumber");
        PaymentPageClient.Hop hop = browser.click(URI.create(order.getString("paymentPageUrl")), "continueToPayPal");
        assertThat(hop.status()).as(hop.body()).isEqualTo(302);
        assertThat(hop.location().getPath()).isEqualTo("/hosted");
        assertThat(PaymentPageClient.query(hop.location(), "SECURETOKENID")).isNotBlank();
        assertThat(PaymentPageClient.query(hop.location(), "MODE")).isEqualTo("TEST");
        return hop.location();
    }

    /** Types the card on the emulator's hosted page; returns the redirect to our RETURNURL or ERRORURL. */
    private PaymentPageClient.Hop payOnHostedPage(URI hosted, String card) {
        PaymentPageClient.Hop form = browser.get(hosted);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"acct\"", "id=\"pay\"");
        PaymentPageClient.Hop paid = browser.post(hosted.resolve("/hosted/pay"), Map.of(
                "SECURETOKEN", PaymentPageClient.query(hosted, "SECURETOKEN"),
                "SECURETOKENID", PaymentPageClient.query(hosted, "SECURETOKENID"),
                "ACCT", card, "EXPDATE", "1230", "CVV2", "123"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(303);
        return paid;
    }

    @Test
    void approvedOnTheHostedPageTheOrderIsPaidOnce() {
        JsonObject order = order("live-keynote", "hosted");
        long before = sales();
        URI hosted = continueToPayPal(order);
        PaymentPageClient.Hop back = payOnHostedPage(hosted, "4111111111111111");
        assertThat(back.location().getPath()).isEqualTo("/paypal/hosted/return/" + order.getString("id"));
        assertThat(browser.follow(back.location()).body()).contains("Payment approved");
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        assertThat(granted(order, "live-keynote")).isTrue();
        assertThat(sales()).isEqualTo(before + 1);
        TransactionRecord sale = EmulatorExtension.emulator().transactions().stream()
                .filter(t -> "S".equals(t.trxType())).reduce((a, b) -> b).orElseThrow();
        assertThat(sale.amount()).isEqualByComparingTo("25.00");
        assertThat(sale.currency()).isEqualTo("USD");
        JsonObject tx = orderNow(order).getJsonArray("transactions").getJsonObject(0);
        assertThat(tx.getString("status")).isEqualTo("APPROVED");
        assertThat(tx.getString("reference")).isEqualTo(sale.pnref());
        // The return opened again: still the confirmation, no second sale.
        assertThat(browser.follow(back.location()).body()).contains("Payment approved");
        assertThat(sales()).isEqualTo(before + 1);
    }

    @Test
    void declinedOnTheHostedPageNothingIsGranted() {
        // 1012.00 is declined with RESULT 12 by the pilot server's amount rules (README, the emulator).
        String offering = orders.offering("decline", "Declined workshop", "1012.00", "USD");
        JsonObject order = order(offering, "declined");
        PaymentPageClient.Hop back = payOnHostedPage(continueToPayPal(order), "4111111111111111");
        assertThat(back.location().getPath()).isEqualTo("/paypal/hosted/error/" + order.getString("id"));
        assertThat(browser.follow(back.location()).body()).contains("The payment was not accepted on PayPal");
        JsonObject now = orderNow(order);
        assertThat(now.getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(now.getJsonArray("transactions").getJsonObject(0).getString("status")).isEqualTo("DECLINED");
        assertThat(granted(order, offering)).isFalse();
    }

    @Test
    void cancelledOnTheHostedPageNothingIsCharged() {
        JsonObject order = order("live-keynote", "hosted-cancel");
        long before = sales();
        URI hosted = continueToPayPal(order);
        PaymentPageClient.Hop cancelled = browser.get(URI.create(hosted.toString().replace("/hosted?", "/hosted/cancel?")));
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(cancelled.location().getPath()).isEqualTo("/paypal/hosted/cancel/" + order.getString("id"));
        assertThat(browser.follow(cancelled.location()).body()).contains("You cancelled the payment on PayPal");
        assertThat(sales()).isEqualTo(before);
        JsonObject now = orderNow(order);
        assertThat(now.getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(now.getJsonArray("transactions").getJsonObject(0).getString("status")).isEqualTo("DECLINED");
        // A new attempt may follow.
        assertThat(continueToPayPal(order)).isNotNull();
    }

    @Test
    void aReturnTypedByHandIsNotTrusted() {
        JsonObject order = order("live-keynote", "forged");
        URI hosted = continueToPayPal(order);
        String sig = PaymentPageClient.query(URI.create(order.getString("paymentPageUrl")), "sig");
        String id = PaymentPageClient.query(hosted, "SECURETOKENID");
        URI base = URI.create("http://127.0.0.1:8080/paypal/hosted/return/" + order.getString("id") + "?sig=" + sig);
        // The right SECURETOKENID and amount, but no payment at Payflow: not paid.
        assertThat(browser.follow(URI.create(base + "&RESULT=0&PNREF=AFORGEDPNREF&RESPMSG=Approved&AMT=25.00"
                + "&SECURETOKENID=" + id)).body()).contains("PayPal has not confirmed a payment for this order yet");
        // Another SECURETOKENID: not paid either.
        browser.follow(URI.create(base + "&RESULT=0&PNREF=AFORGEDPNREF&AMT=25.00&SECURETOKENID=not-this-one"));
        assertThat(orderNow(order).getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(granted(order, "live-keynote")).isFalse();

        // The real payment with its return's AMT changed: settled by inquiry, at the real amount.
        PaymentPageClient.Hop back = payOnHostedPage(hosted, "4111111111111111");
        URI tampered = URI.create(back.location().toString().replace("AMT=25.00", "AMT=1.00"));
        assertThat(tampered).isNotEqualTo(back.location());
        assertThat(browser.follow(tampered).body()).contains("Payment approved");
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
    }

    @Test
    void leavingTheHostedPageAndStartingAgainUsesANewTokenAndPaysOnce() {
        JsonObject order = order("live-keynote", "left");
        long before = sales();
        URI first = continueToPayPal(order);
        // The buyer closes PayPal's page and comes back to ours: the button is there again.
        URI second = continueToPayPal(order);
        assertThat(PaymentPageClient.query(second, "SECURETOKENID"))
                .isNotEqualTo(PaymentPageClient.query(first, "SECURETOKENID"));
        JsonObject now = orderNow(order);
        assertThat(now.getJsonArray("transactions").getJsonObject(0).getString("status")).isEqualTo("DECLINED");
        assertThat(browser.follow(payOnHostedPage(second, "4111111111111111").location()).body())
                .contains("Payment approved");
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        assertThat(sales()).isEqualTo(before + 1);
    }

    @Test
    void websitePaymentsProUkPaysInPoundsOnTheHostedPage() {
        orders.configure("""
                {"mode": "TEST", "provider": {"type": "WEBSITE_PAYMENTS_PRO_UK", "accountType": "WEBSITE_PAYMENTS_PRO",
                  "acceptedCards": [], "expressCheckout": false, "currency": "GBP",
                  "credentials": {"TEST": {"partnerId": "PayPalUK", "vendor": "demouk", "user": "demouk",
                    "password": "%s"}}}}""".formatted(org.eventcommerce.emulator.EmulatorAccounts.PWD));
        JsonObject order = order(orders.offering("uk-hosted", "London masterclass", "40.00", "GBP"), "uk-hosted");
        PaymentPageClient.Hop back = payOnHostedPage(continueToPayPal(order), "4111111111111111");
        assertThat(browser.follow(back.location()).body()).contains("Payment approved");
        assertThat(orderNow(order).getString("status")).isEqualTo("PAID");
        TransactionRecord sale = EmulatorExtension.emulator().transactions().stream()
                .filter(t -> "S".equals(t.trxType())).reduce((a, b) -> b).orElseThrow();
        assertThat(sale.vendor()).isEqualTo("demouk");
        assertThat(sale.currency()).isEqualTo("GBP");
        assertThat(sale.amount()).isEqualByComparingTo("40.00");
    }
}
