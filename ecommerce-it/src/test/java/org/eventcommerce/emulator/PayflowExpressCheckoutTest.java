package org.eventcommerce.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcommerce.emulator.PayflowTestClient.CREDENTIALS;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eventcommerce.emulator.PayflowTestClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Express Checkout through Payflow, TENDER=P with ACTION=S/G/D (paypal-protocols.md §1.9), and the buyer's approval
 * page at /payflow-ec/checkout, driven with raw HTTP.
 */
class PayflowExpressCheckoutTest {

    private PayPalEmulator emulator;
    private PayflowTestClient client;
    private HttpClient browser;

    @BeforeEach
    void start() throws Exception {
        emulator = PayPalEmulator.start("127.0.0.1", 0);
        client = new PayflowTestClient(emulator.baseUri());
        browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterEach
    void stop() {
        emulator.stop();
        browser.close();
    }

    private static String ec(String trxType, String action, String extra) {
        return "TRXTYPE=" + trxType + "&TENDER=P&" + CREDENTIALS + "&ACTION=" + action + "&" + extra;
    }

    private Answer set(String amt, String currency) throws Exception {
        return client.post(ec("S", "S", "AMT=" + amt + "&CURRENCY=" + currency
                + "&RETURNURL[38]=https://shop.example/ec/return?o=7&x=1&CANCELURL=https://shop.example/ec/cancel"
                + "&CUSTREF=ECSET0000001&VERBOSITY=HIGH"));
    }

    private HttpResponse<String> decide(String token, String decision) throws Exception {
        return browser.send(HttpRequest.newBuilder(emulator.expressCheckoutUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&decision=" + decision)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void setGivesAToken() throws Exception {
        // PFP-EC p.13: RESULT=0&RESPMSG=Approved&TOKEN=EC-...
        Answer answer = set("23.45", "USD");

        assertThat(answer.raw()).startsWith("RESULT=0&RESPMSG=Approved&TOKEN=EC-");
        assertThat(answer.get("TOKEN")).matches("EC-[A-Z0-9]{17}");
        assertThat(emulator.transactions()).isEmpty();
    }

    @Test
    void otherCurrenciesAreRefusedWith6() throws Exception {
        assertThat(set("23.45", "EUR").result()).isEqualTo(6);
        assertThat(set("23.45", "GBP").get("RESPMSG")).isEqualTo("Invalid or unsupported currency code");
    }

    @Test
    void badSetRequests() throws Exception {
        assertThat(set("23.4", "USD").result()).isEqualTo(4);
        assertThat(client.post(ec("S", "S", "AMT=1.00&CURRENCY=USD")).result()).isEqualTo(7);
        assertThat(client.post(ec("S", "X", "AMT=1.00&CURRENCY=USD")).result()).isEqualTo(7);
        assertThat(client.post("TRXTYPE=S&TENDER=P&" + CREDENTIALS + "&AMT=1.00&CURRENCY=USD").result()).isEqualTo(2);
    }

    @Test
    void approvePageRedirectsWithTokenAndPayerIdThenGetAndDoPay() throws Exception {
        String token = set("23.45", "USD").get("TOKEN");

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(emulator.expressCheckoutUri()
                + "?cmd=_express-checkout&token=" + token)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"approve\"", "id=\"cancel\"", "<span id=\"amount\">23.45</span>");

        Answer before = client.post(ec("S", "G", "TOKEN=" + token + "&CURRENCY=USD"));
        assertThat(before.result()).isZero();
        assertThat(before.get("PAYERID")).isNull();
        Answer tooEarly = client.post(ec("S", "D", "TOKEN=" + token + "&PAYERID=NOBODY&AMT=23.45&CURRENCY=USD"));
        assertThat(tooEarly.result()).isEqualTo(1000);
        assertThat(tooEarly.get("RESPMSG")).contains("10485");

        HttpResponse<String> approved = decide(token, "approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("https://shop\\.example/ec/return\\?o=7&x=1&token=" + token
                + "&PayerID=[A-Z0-9]{13}");
        String payerId = location.substring(location.indexOf("PayerID=") + 8);

        Answer details = client.post(ec("S", "G", "TOKEN=" + token + "&CURRENCY=USD"));
        assertThat(details.result()).isZero();
        assertThat(details.get("PAYERID")).isEqualTo(payerId);
        assertThat(details.get("EMAIL")).isNotEmpty();
        assertThat(details.get("PAYERSTATUS")).isEqualTo("verified");

        Answer paid = client.post(ec("S", "D", "TOKEN=" + token + "&PAYERID=" + payerId
                + "&AMT=23.45&CURRENCY=USD&CUSTREF=ECDO00000001&VERBOSITY=HIGH"));
        assertThat(paid.result()).isZero();
        assertThat(paid.pnref()).matches("[A-Z0-9]{12}");
        assertThat(paid.get("PPREF")).hasSize(17);
        assertThat(paid.get("PAYMENTTYPE")).isEqualTo("instant");
        assertThat(paid.get("PENDINGREASON")).isEqualTo("none");
        assertThat(paid.get("AMT")).isEqualTo("23.45");
        assertThat(emulator.transactions()).singleElement().satisfies(t -> {
            assertThat(t.tender()).isEqualTo("P");
            assertThat(t.trxType()).isEqualTo("S");
            assertThat(t.custref()).isEqualTo("ECDO00000001");
        });

        Answer twice = client.post(ec("S", "D", "TOKEN=" + token + "&PAYERID=" + payerId + "&AMT=23.45&CURRENCY=USD"));
        assertThat(twice.result()).isEqualTo(1000);
        assertThat(twice.get("RESPMSG")).contains("10415");

        // follow-ons on a PayPal payment: partial credit, then inquiry (TENDER=P)
        Answer credit = client.post("TRXTYPE=C&TENDER=P&" + CREDENTIALS + "&ORIGID=" + paid.pnref()
                + "&AMT=10.00&CURRENCY=USD");
        assertThat(credit.result()).isZero();
        Answer inquiry = client.post("TRXTYPE=I&TENDER=P&" + CREDENTIALS + "&ORIGID=" + paid.pnref()
                + "&CURRENCY=USD");
        assertThat(inquiry.get("ORIGRESULT")).isEqualTo("0");
        // PFP-EC Table A.15: "TENDER ... It is always P"; a card tender on a PayPal payment is refused (2), and a
        // PayPal sale cannot be voided (Void: "Order, Authorizations" only), 108.
        assertThat(client.post("TRXTYPE=C&TENDER=C&" + CREDENTIALS + "&ORIGID=" + paid.pnref()
                + "&AMT=1.00&CURRENCY=USD").result()).isEqualTo(2);
        assertThat(client.post("TRXTYPE=V&TENDER=P&" + CREDENTIALS + "&ORIGID=" + paid.pnref()
                + "&CURRENCY=USD").result()).isEqualTo(108);
        Answer rest = client.post("TRXTYPE=C&TENDER=P&" + CREDENTIALS + "&ORIGID=" + paid.pnref()
                + "&AMT=13.46&CURRENCY=USD");
        assertThat(rest.result()).isEqualTo(105); // 23.45 - 10.00 leaves 13.45
    }

    @Test
    void anAuthorizationThroughExpressCheckoutCanBeCaptured() throws Exception {
        String token = client.post(ec("A", "S", "AMT=50.00&CURRENCY=USD&RETURNURL=https://r.example/&CANCELURL="
                + "https://c.example/")).get("TOKEN");
        String location = decide(token, "approve").headers().firstValue("Location").orElseThrow();
        String payerId = location.substring(location.indexOf("PayerID=") + 8);
        Answer auth = client.post(ec("A", "D", "TOKEN=" + token + "&PAYERID=" + payerId + "&AMT=50.00&CURRENCY=USD"));

        Answer capture = client.post("TRXTYPE=D&TENDER=P&" + CREDENTIALS + "&ORIGID=" + auth.pnref()
                + "&AMT=50.00&CURRENCY=USD");

        assertThat(auth.result()).isZero();
        assertThat(capture.result()).isZero();
    }

    @Test
    void cancelRedirectsToCancelUrl() throws Exception {
        String token = set("23.45", "USD").get("TOKEN");

        HttpResponse<String> cancelled = decide(token, "cancel");

        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(cancelled.headers().firstValue("Location")).hasValue("https://shop.example/ec/cancel?token=" + token);
        assertThat(decide(token, "approve").statusCode()).isEqualTo(400);
    }

    @Test
    void anInvalidTokenIsResult7() throws Exception {
        // ActiveMerchant payflow_express_test.rb#invalid_get_express_details_response (§1.9)
        Answer answer = client.post(ec("S", "G", "TOKEN=EC-NOSUCHTOKEN00000&CURRENCY=USD"));

        assertThat(answer.result()).isEqualTo(7);
        assertThat(answer.get("RESPMSG")).isEqualTo("Field format error: Invalid Token");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(emulator.expressCheckoutUri()
                + "?token=EC-NOSUCHTOKEN00000")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
    }

    @Test
    void pendingControlMakesTheNextPaymentAnEcheck() throws Exception {
        String token = set("23.45", "USD").get("TOKEN");
        String location = decide(token, "approve").headers().firstValue("Location").orElseThrow();
        String payerId = location.substring(location.indexOf("PayerID=") + 8);
        assertThat(client.controlPost("ec-pending?count=1").statusCode()).isEqualTo(200);

        Answer paid = client.post(ec("S", "D", "TOKEN=" + token + "&PAYERID=" + payerId + "&AMT=23.45&CURRENCY=USD"));

        assertThat(paid.result()).isZero();
        assertThat(paid.get("PAYMENTTYPE")).isEqualTo("echeck");
        assertThat(paid.get("PENDINGREASON")).isEqualTo("echeck");
    }

    @Test
    void aForcedDeclineAppliesToThePayment() throws Exception {
        String token = set("23.45", "USD").get("TOKEN");
        String location = decide(token, "approve").headers().firstValue("Location").orElseThrow();
        String payerId = location.substring(location.indexOf("PayerID=") + 8);
        emulator.control().forceResult(12, 1);

        Answer declined = client.post(ec("S", "D", "TOKEN=" + token + "&PAYERID=" + payerId
                + "&AMT=23.45&CURRENCY=USD"));

        assertThat(declined.result()).isEqualTo(12);
        assertThat(declined.get("PPREF")).isNull();
    }
}
