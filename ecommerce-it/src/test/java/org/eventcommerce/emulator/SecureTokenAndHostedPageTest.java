package org.eventcommerce.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcommerce.emulator.PayflowTestClient.CREDENTIALS;
import static org.eventcommerce.emulator.PayflowTestClient.futureExpiry;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eventcommerce.emulator.PayflowTestClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secure Token creation and the hosted checkout page (paypal-protocols.md §1.7): raw NVP through
 * {@link PayflowTestClient}, the page driven with plain HTTP (redirects not followed), the Silent POST caught by a
 * JDK HttpServer on a free port.
 */
class SecureTokenAndHostedPageTest {

    /** A clock the tests can move forward (token expiry). */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final MovableClock clock = new MovableClock();
    private final BlockingQueue<String> silentPosts = new LinkedBlockingQueue<>();
    private PayPalEmulator emulator;
    private PayflowTestClient client;
    private HttpServer merchant;
    private HttpClient browser;

    @BeforeEach
    void start() throws Exception {
        emulator = PayPalEmulator.start("127.0.0.1", 0, clock, line -> { });
        client = new PayflowTestClient(emulator.baseUri());
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        merchant.createContext("/silent", exchange -> {
            try (exchange) {
                silentPosts.add(exchange.getRequestHeaders().getFirst("Content-Type") + "|"
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        merchant.start();
        browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterEach
    void stop() {
        emulator.stop();
        merchant.stop(0);
        browser.close();
    }

    private String merchantUrl(String path) {
        return "http://127.0.0.1:" + merchant.getAddress().getPort() + path;
    }

    private String tokenRequest(String trxType, String amt, String tokenId) {
        return "TRXTYPE=" + trxType + "&" + CREDENTIALS + "&AMT=" + amt + "&CURRENCY=USD&CREATESECURETOKEN=Y"
                + "&SECURETOKENID=" + tokenId + "&RETURNURL[35]=https://shop.example/return?o=1&x=y"
                + "&CANCELURL=https://shop.example/cancel&ERRORURL=https://shop.example/error"
                + "&SILENTPOSTURL=" + merchantUrl("/silent") + "&CUSTREF=HOSTED000001&VERBOSITY=HIGH&INVNUM=INV-9";
    }

    private Answer createToken(String amt, String tokenId) throws Exception {
        Answer answer = client.post(tokenRequest("S", amt, tokenId));
        assertThat(answer.result()).as(answer.raw()).isZero();
        return answer;
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return browser.send(HttpRequest.newBuilder(emulator.baseUri().resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return browser.send(HttpRequest.newBuilder(emulator.baseUri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> pay(Answer token, String acct, String cvv2) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SECURETOKEN", token.get("SECURETOKEN"));
        form.put("SECURETOKENID", token.get("SECURETOKENID"));
        form.put("ACCT", acct);
        form.put("EXPDATE", futureExpiry());
        form.put("CVV2", cvv2);
        return postForm("/hosted/pay", form);
    }

    private static String hostedQuery(Answer token) {
        return "SECURETOKEN=" + URLEncoder.encode(token.get("SECURETOKEN"), StandardCharsets.UTF_8) + "&SECURETOKENID="
                + token.get("SECURETOKENID") + "&MODE=TEST";
    }

    private static Map<String, String> query(String location) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(location).getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void createsATokenWithALengthTaggedValue() throws Exception {
        // Gateway guide 2012 p.29: RESULT=0&RESPMSG=Approved&SECURETOKEN[n]=...&SECURETOKENID=... (§1.7 step 2)
        Answer answer = createToken("23.45", "9a9ea8208de1413abc3d60c86cb1f4c5");

        assertThat(answer.raw()).matches("RESULT=0&RESPMSG=Approved&SECURETOKEN\\[24\\]=[A-Za-z0-9+/]{22}==" 
                + "&SECURETOKENID=9a9ea8208de1413abc3d60c86cb1f4c5");
        assertThat(emulator.transactions()).isEmpty();
    }

    @Test
    void aReusedSecureTokenIdIsAFieldFormatError() throws Exception {
        createToken("23.45", "REUSED-ID-1");

        Answer again = client.post(tokenRequest("S", "23.45", "REUSED-ID-1"));

        assertThat(again.result()).isEqualTo(7);
        assertThat(again.get("RESPMSG")).isEqualTo("Field format error: Secure Token ID already been used");
        assertThat(again.get("SECURETOKEN")).isNull();
    }

    @Test
    void refusesBadTokenRequests() throws Exception {
        assertThat(client.post(tokenRequest("D", "23.45", "ID-D")).result()).isEqualTo(7);
        assertThat(client.post(tokenRequest("S", "23.45", "x".repeat(37))).result()).isEqualTo(7);
        assertThat(client.post(tokenRequest("S", "23.45", "ID-EUR").replace("CURRENCY=USD", "CURRENCY=XYZ")).result())
                .isEqualTo(6);
        assertThat(client.post(tokenRequest("S", "23.4", "ID-AMT")).result()).isEqualTo(4);
        assertThat(client.post(tokenRequest("S", "23.45", "ID-TENDER") + "&TENDER=P").result()).isEqualTo(2);
    }

    @Test
    void theUkProductTakesItsCurrenciesOnly() throws Exception {
        String uk = tokenRequest("S", "10.00", "UK-1").replace(CREDENTIALS,
                "PARTNER=PayPalUK&VENDOR=demouk&USER=demouk&PWD=emulator-pw1").replace("CURRENCY=USD", "CURRENCY=GBP");

        assertThat(client.post(uk).result()).isZero();
        assertThat(client.post(uk.replace("UK-1", "UK-2").replace("CURRENCY=GBP", "CURRENCY=CHF")).result()).isEqualTo(6);
        assertThat(client.post(uk.replace("UK-1", "UK-3").replace("CURRENCY=GBP", "CURRENCY=JPY")
                .replace("AMT=10.00", "AMT=1000")).result()).isZero();
    }

    @Test
    void theHostedPageShowsTheCardForm() throws Exception {
        Answer token = createToken("23.45", "PAGE-1");

        HttpResponse<String> page = get("/hosted?" + hostedQuery(token));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(page.body()).contains("id=\"acct\"", "id=\"expdate\"", "id=\"cvv2\"", "id=\"pay\"", "id=\"cancel\"",
                "<span id=\"amount\">23.45</span>", "action=\"/hosted/pay\"");
    }

    @Test
    void silentPostsCanBeDeliveredToWhereTheMerchantReallyListens() throws Exception {
        // The token names a public URL nobody listens on (as an IT server's ECOMMERCE_PUBLIC_URL); the post goes to
        // the merchant's real port with the path of SILENTPOSTURL.
        Answer token = client.post(tokenRequest("S", "23.45", "PAY-FWD-1").replace(merchantUrl("/silent"),
                "http://127.0.0.1:9/silent"));
        emulator.deliverSilentPostsTo(URI.create(merchantUrl("/")));
        assertThat(pay(token, "4111111111111111", "123").statusCode()).isEqualTo(303);
        String silent = silentPosts.poll(5, TimeUnit.SECONDS);
        assertThat(silent).isNotNull().startsWith("application/x-www-form-urlencoded|RESULT=0&PNREF=")
                .contains("&SECURETOKENID=PAY-FWD-1");
    }

    @Test
    void anApprovedPaymentRedirectsToReturnUrlAndSendsTheSilentPost() throws Exception {
        Answer token = createToken("23.45", "PAY-OK-1");

        HttpResponse<String> done = pay(token, "4111 1111 1111 1111", "123");

        assertThat(done.statusCode()).isEqualTo(303);
        String location = done.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://shop.example/return?o=1&x=y&RESULT=0&PNREF=");
        Map<String, String> fields = query(location);
        assertThat(fields).containsEntry("RESULT", "0").containsEntry("RESPMSG", "Approved")
                .containsEntry("AMT", "23.45").containsEntry("CURRENCY", "USD").containsEntry("ACCT", "1111")
                .containsEntry("SECURETOKENID", "PAY-OK-1").containsEntry("SECURETOKEN", token.get("SECURETOKEN"))
                .containsEntry("TRXTYPE", "S").containsEntry("TENDER", "CC").containsEntry("CVV2MATCH", "Y")
                .containsEntry("INVNUM", "INV-9").containsEntry("CUSTREF", "HOSTED000001");
        assertThat(fields.get("AUTHCODE")).hasSize(6);
        assertThat(location).doesNotContain("4111111111111111");

        String silent = silentPosts.poll(5, TimeUnit.SECONDS);
        assertThat(silent).isNotNull();
        assertThat(silent).startsWith("application/x-www-form-urlencoded|RESULT=0&PNREF=" + fields.get("PNREF"));
        assertThat(silent).contains("&SECURETOKENID=PAY-OK-1").doesNotContain("4111111111111111");

        assertThat(emulator.transactions()).singleElement().satisfies(t -> {
            assertThat(t.pnref()).isEqualTo(fields.get("PNREF"));
            assertThat(t.trxType()).isEqualTo("S");
            assertThat(t.acctLastFour()).isEqualTo("1111");
            assertThat(t.custref()).isEqualTo("HOSTED000001");
        });
        // the token is used up (§1.6 RESULT 160)
        HttpResponse<String> again = get("/hosted?" + hostedQuery(token));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("<span id=\"result\">160</span>");
        // and the merchant finds the transaction by the CUSTREF sent with the token (§1.8)
        Answer inquiry = client.post(PayflowTestClient.followOn("I", "CUSTREF=HOSTED000001&CURRENCY=USD"));
        assertThat(inquiry.get("ORIGPNREF")).isEqualTo(fields.get("PNREF"));
    }

    @Test
    void aDeclineRedirectsToErrorUrlAndAllowsAnotherTry() throws Exception {
        Answer token = createToken("1012.00", "PAY-DECLINE-1");

        HttpResponse<String> declined = pay(token, "4111111111111111", "123");

        assertThat(declined.statusCode()).isEqualTo(303);
        String location = declined.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://shop.example/error?RESULT=12&");
        assertThat(query(location)).containsEntry("RESPMSG", "Declined").containsEntry("SECURETOKENID", "PAY-DECLINE-1");
        assertThat(silentPosts.poll(5, TimeUnit.SECONDS)).contains("RESULT=12");
        assertThat(get("/hosted?" + hostedQuery(token)).statusCode()).isEqualTo(200);

        pay(token, "4111111111111111", "123");
        pay(token, "4111111111111111", "123");
        HttpResponse<String> fourth = pay(token, "4111111111111111", "123");
        assertThat(fourth.statusCode()).isEqualTo(400);
        assertThat(fourth.body()).contains("<span id=\"result\">160</span>");
    }

    @Test
    void anUnknownCardIsRefusedWith23() throws Exception {
        Answer token = createToken("10.00", "PAY-23");

        HttpResponse<String> refused = pay(token, "4111111111111112", "123");

        assertThat(query(refused.headers().firstValue("Location").orElseThrow())).containsEntry("RESULT", "23");
    }

    @Test
    void cancelRedirectsToCancelUrl() throws Exception {
        Answer token = createToken("10.00", "CANCEL-1");

        HttpResponse<String> cancelled = get("/hosted/cancel?" + hostedQuery(token));

        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(cancelled.headers().firstValue("Location").orElseThrow())
                .startsWith("https://shop.example/cancel?SECURETOKEN=").endsWith("&SECURETOKENID=CANCEL-1");
        assertThat(emulator.transactions()).isEmpty();
        assertThat(pay(token, "4111111111111111", "123").statusCode()).isEqualTo(400);
    }

    @Test
    void anExpiredTokenIsRefusedWith162() throws Exception {
        Answer token = createToken("10.00", "EXPIRE-1");
        clock.advance(Duration.ofMinutes(31));

        HttpResponse<String> page = get("/hosted?" + hostedQuery(token));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<span id=\"result\">162</span>", "Secure Token Expired");
    }

    @Test
    void anUnknownTokenIsRefused() throws Exception {
        HttpResponse<String> page = get("/hosted?SECURETOKEN=nope&SECURETOKENID=nope");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<span id=\"result\">7</span>");
    }

    @Test
    void resetForgetsTokens() throws Exception {
        Answer token = createToken("10.00", "RESET-1");

        client.controlPost("reset");

        assertThat(get("/hosted?" + hostedQuery(token)).statusCode()).isEqualTo(400);
        assertThat(client.post(tokenRequest("S", "10.00", "RESET-1")).result()).isZero();
    }
}
