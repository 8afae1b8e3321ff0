package org.eventcommerce.payments.payflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Currency;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.FakeHttpServer.Received;
import org.eventcommerce.payments.FakeHttpServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Secure Token, Express Checkout through Payflow and the connection check, against {@link FakePayflowServer} (a JDK
 * HttpServer on a free loopback port) with answers taken from PayPal's guides; each test asserts the exact body sent.
 */
@Timeout(10)
class PayflowRedirectFlowsTest {

    private static final String CREDS = "PARTNER[6]=PayPal&VENDOR[10]=acmeevents&USER[10]=acmeevents&PWD[9]=s3cr3tPwd";
    private static final Money USD_23_45 = Money.of("23.45", "USD");
    /** The SECURETOKENID of the DEV secure-token page's example request (§1.7). */
    private static final String TOKEN_ID = "9a9ea8208de1413abc3d60c86cb1f4c5";
    /** The SECURETOKEN of the Gateway guide 2012 p.29 example answer (§1.5, §1.7). */
    private static final String TOKEN = "Fj+1AFUWft0+I0CUFOKh5WA==";
    private static final String EC_TOKEN = "EC-17C76533PL706494P";
    private static final URI RETURN = URI.create("https://shop.example/pay/return?order=42&step=done");
    private static final URI CANCEL = URI.create("https://shop.example/pay/cancel");
    private static final URI ERROR = URI.create("https://shop.example/pay/error");
    private static final URI SILENT = URI.create("https://shop.example/pay/silent-post");

    private static HttpClient http;
    private FakePayflowServer server;
    private PayflowConnector connector;

    @BeforeAll
    static void client() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    @AfterAll
    static void closeClient() {
        http.close();
    }

    @BeforeEach
    void start() throws IOException {
        server = new FakePayflowServer();
        connector = new PayflowConnector(PayflowTestData.config(server.endpoint(), PayflowConfig.DEFAULT_TIMEOUT),
                PayflowPages.defaults(OperatingMode.TEST), http);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- Secure Token (§1.7) ----

    @Test
    void createsASecureTokenWithoutCardDataAndBuildsTheHostedPageUrl() {
        // answer: Gateway guide 2012 p.29 "RESULT=0&RESPMSG=Approved&SECURETOKEN[25]=...&SECURETOKENID=..." (§1.7 step 2)
        server.reply(Reply.ok("RESULT=0&RESPMSG=Approved&SECURETOKEN[25]=" + TOKEN + "&SECURETOKENID=" + TOKEN_ID));
        SecureTokenRequest request = new SecureTokenRequest(TransactionKind.AUTHORIZATION,
                new Attempt("st-0001", "STK000000001"), USD_23_45, TOKEN_ID, RETURN, CANCEL, ERROR, SILENT, "MINLAYOUT",
                null, "INV12345");

        SecureTokenSession session = connector.createSecureToken(request);

        Received sent = server.only();
        // DEV secure-token example: TRXTYPE=A&...&AMT=23.45&CURRENCY=USD&INVNUM=INV12345&...&CREATESECURETOKEN=Y&SECURETOKENID=...
        assertThat(sent.body()).isEqualTo("TRXTYPE[1]=A&" + CREDS + "&AMT[5]=23.45&CURRENCY[3]=USD"
                + "&CREATESECURETOKEN[1]=Y&SECURETOKENID[32]=" + TOKEN_ID
                + "&RETURNURL[50]=https://shop.example/pay/return?order=42&step=done"
                + "&CANCELURL[31]=https://shop.example/pay/cancel&ERRORURL[30]=https://shop.example/pay/error"
                + "&SILENTPOSTURL[36]=https://shop.example/pay/silent-post&TEMPLATE[9]=MINLAYOUT"
                + "&CUSTREF[12]=STK000000001&VERBOSITY[4]=HIGH&INVNUM[8]=INV12345");
        assertThat(sent.body()).doesNotContain("ACCT").doesNotContain("TENDER");
        assertThat(sent.header("X-VPS-REQUEST-ID")).isEqualTo("st-0001");

        assertThat(session.isCreated()).isTrue();
        assertThat(session.result().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(session.secureToken()).isEqualTo(TOKEN);
        assertThat(session.secureTokenId()).isEqualTo(TOKEN_ID);
        assertThat(session.hostedPageUrl()).hasToString("https://payflowlink.paypal.com?SECURETOKEN=Fj%2B1AFUWft0%2BI0CUFOKh5WA%3D%3D"
                + "&SECURETOKENID=" + TOKEN_ID + "&MODE=TEST");
        assertThat(session.result().fields()).containsEntry("SECURETOKEN", NvpScrubber.FILTERED);
        assertThat(session.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aReusedSecureTokenIdIsRefused() {
        // RESULT 7 "Field format error" (PFP-2009 Table 6.9); the wording for a reused id is the emulator's (§1.7 names none)
        server.reply(Reply.ok("RESULT=7&RESPMSG=Field format error: Secure Token ID already been used"));

        SecureTokenSession session = connector.createSecureToken(SecureTokenRequest.sale(Attempt.newAttempt(), USD_23_45,
                RETURN, CANCEL, ERROR, null));

        assertThat(session.isCreated()).isFalse();
        assertThat(session.result().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(session.result().resultCode()).isEqualTo("7");
        assertThat(session.hostedPageUrl()).isNull();
        assertThat(server.only().body()).startsWith("TRXTYPE[1]=S&").doesNotContain("SILENTPOSTURL");
    }

    @Test
    void aTokenAnswerForAnotherTokenIdIsNotUsed() {
        server.reply(Reply.ok("RESULT=0&RESPMSG=Approved&SECURETOKEN[25]=" + TOKEN + "&SECURETOKENID=OTHER-ID"));

        SecureTokenSession session = connector.createSecureToken(SecureTokenRequest.sale(Attempt.newAttempt(), USD_23_45,
                RETURN, CANCEL, ERROR, SILENT));

        assertThat(session.isCreated()).isFalse();
        assertThat(session.result().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(session.secureToken()).isNull();
    }

    @Test
    void theHostedPageBaseIsConfigurableAndLiveHasNoTestMode() {
        PayflowPages emulator = new PayflowPages(OperatingMode.TEST, URI.create("http://127.0.0.1:8089/hosted"),
                URI.create("http://127.0.0.1:8089/payflow-ec/checkout"));
        PayflowPages live = PayflowPages.defaults(OperatingMode.PRODUCTION);

        assertThat(emulator.hostedPageUrl("a+b=", "ID-1"))
                .hasToString("http://127.0.0.1:8089/hosted?SECURETOKEN=a%2Bb%3D&SECURETOKENID=ID-1&MODE=TEST");
        assertThat(emulator.expressCheckoutUrl(EC_TOKEN))
                .hasToString("http://127.0.0.1:8089/payflow-ec/checkout?cmd=_express-checkout&token=" + EC_TOKEN);
        assertThat(live.hostedPageUrl("t", "i")).hasToString("https://payflowlink.paypal.com?SECURETOKEN=t&SECURETOKENID=i");
        assertThat(live.expressCheckoutUrl(EC_TOKEN))
                .hasToString("https://www.paypal.com/cgi-bin/webscr?cmd=_express-checkout&token=" + EC_TOKEN);
    }

    @Test
    void secureTokenRequestsAreValidated() {
        Attempt attempt = Attempt.newAttempt();
        assertThatThrownBy(() -> new SecureTokenRequest(TransactionKind.CAPTURE, attempt, USD_23_45, TOKEN_ID, RETURN,
                CANCEL, ERROR, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecureTokenRequest(TransactionKind.SALE, attempt, USD_23_45, "x".repeat(37), RETURN,
                CANCEL, ERROR, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecureTokenRequest(TransactionKind.SALE, attempt, Money.of("0", "USD"), TOKEN_ID,
                RETURN, CANCEL, ERROR, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SecureTokenRequest.newSecureTokenId()).hasSize(36).isNotEqualTo(SecureTokenRequest.newSecureTokenId());
    }

    @Test
    void withoutPagesTheRedirectFlowsAreRefused() {
        PayflowConnector plain = new PayflowConnector(
                PayflowTestData.config(server.endpoint(), PayflowConfig.DEFAULT_TIMEOUT), http);

        assertThatThrownBy(() -> plain.createSecureToken(SecureTokenRequest.sale(Attempt.newAttempt(), USD_23_45, RETURN,
                CANCEL, ERROR, null))).isInstanceOf(IllegalStateException.class);
        assertThat(server.received()).isEmpty();
    }

    // ---- Express Checkout through Payflow (§1.9) ----

    @Test
    void setExpressCheckoutSendsTenderPActionSAndGivesTheRedirect() {
        // answer: PFP-EC p.13 "RESULT=0&RESPMSG=Approved&TOKEN=EC-..." (§1.9)
        server.reply(Reply.ok("RESULT=0&RESPMSG=Approved&TOKEN=" + EC_TOKEN));

        ExpressCheckoutToken token = connector.setExpressCheckout(new ExpressCheckoutSetup(TransactionKind.SALE,
                new Attempt("ec-set-1", "ECS000000001"), USD_23_45, RETURN, CANCEL, "INV-7", null));

        assertThat(server.only().body()).isEqualTo("TRXTYPE[1]=S&TENDER[1]=P&" + CREDS + "&ACTION[1]=S&AMT[5]=23.45"
                + "&CURRENCY[3]=USD&RETURNURL[50]=https://shop.example/pay/return?order=42&step=done"
                + "&CANCELURL[31]=https://shop.example/pay/cancel&CUSTREF[12]=ECS000000001&VERBOSITY[4]=HIGH"
                + "&INVNUM[5]=INV-7");
        assertThat(token.isCreated()).isTrue();
        assertThat(token.token()).isEqualTo(EC_TOKEN);
        assertThat(token.redirectUrl()).hasToString(
                "https://www.sandbox.paypal.com/cgi-bin/webscr?cmd=_express-checkout&token=" + EC_TOKEN);
    }

    @Test
    void setExpressCheckoutInAnotherCurrencyIsDeclinedWithResult6() {
        // PFP-2009 Table 6.9: RESULT 6 "Invalid or unsupported currency code"; the product allows USD only
        server.reply(Reply.ok("RESULT=6&RESPMSG=Invalid or unsupported currency code"));

        ExpressCheckoutToken token = connector.setExpressCheckout(ExpressCheckoutSetup.sale(Attempt.newAttempt(),
                Money.of("10.00", "EUR"), RETURN, CANCEL));

        assertThat(server.only().body()).contains("&CURRENCY[3]=EUR&");
        assertThat(token.isCreated()).isFalse();
        assertThat(token.result().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(token.redirectUrl()).isNull();
    }

    @Test
    void getExpressCheckoutDetailsReadsThePayer() {
        // answer fields: PFP-EC pp.14-15 (§1.9: "returns PAYERID, EMAIL, PAYERSTATUS, names and SHIPTO*")
        server.reply(Reply.ok("RESULT=0&RESPMSG=Approved&AVSADDR=Y&TOKEN=" + EC_TOKEN + "&PAYERID=7KQX5MJQ8Q6AE"
                + "&CORRELATIONID=9c3706997455e&EMAIL=buyer@example.com&PAYERSTATUS=verified&FIRSTNAME=Ana"
                + "&LASTNAME=Pop&SHIPTOSTREET=1 Main St&SHIPTOCITY=San Jose&SHIPTOSTATE=CA&SHIPTOZIP=95131"
                + "&SHIPTOCOUNTRY=US"));

        ExpressCheckoutDetails details = connector.getExpressCheckoutDetails(new Attempt("ec-get-1", "ECG000000001"),
                TransactionKind.SALE, EC_TOKEN, Currency.getInstance("USD"));

        assertThat(server.only().body()).isEqualTo("TRXTYPE[1]=S&TENDER[1]=P&" + CREDS + "&ACTION[1]=G&TOKEN[20]="
                + EC_TOKEN + "&CURRENCY[3]=USD&CUSTREF[12]=ECG000000001&VERBOSITY[4]=HIGH");
        assertThat(details.isApprovedByBuyer()).isTrue();
        assertThat(details.payerId()).isEqualTo("7KQX5MJQ8Q6AE");
        assertThat(details.email()).isEqualTo("buyer@example.com");
        assertThat(details.payerStatus()).isEqualTo("verified");
        assertThat(details.firstName()).isEqualTo("Ana");
        assertThat(details.lastName()).isEqualTo("Pop");
    }

    @Test
    void anInvalidTokenIsDeclinedWithResult7() {
        // ActiveMerchant payflow_express_test.rb#invalid_get_express_details_response (§1.9)
        server.reply(Reply.ok("RESULT=7&RESPMSG=Field format error: Invalid Token"));

        ExpressCheckoutDetails details = connector.getExpressCheckoutDetails(Attempt.newAttempt(), TransactionKind.SALE,
                "EC-NOSUCHTOKEN000000", Currency.getInstance("USD"));

        assertThat(details.isApprovedByBuyer()).isFalse();
        assertThat(details.result().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(details.result().message()).isEqualTo("Field format error: Invalid Token");
        assertThat(details.token()).isEqualTo("EC-NOSUCHTOKEN000000");
    }

    @Test
    void doExpressCheckoutPaymentTakesThePaymentAndKeepsPnrefAndPpref() {
        // answer fields: PFP-EC pp.15-17 (§1.9: RESULT, PNREF, PPREF, PAYMENTTYPE, PENDINGREASON, CORRELATIONID)
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426838&RESPMSG=Approved&AVSADDR=Y&AVSZIP=Y&TOKEN=" + EC_TOKEN
                + "&PPREF=8RN74402XH5765406&CORRELATIONID=9c3706997455e&PAYMENTTYPE=instant&PENDINGREASON=none"
                + "&AMT=23.45"));

        ExpressCheckoutPayment payment = connector.doExpressCheckoutPayment(new Attempt("ec-do-1", "ECD000000001"),
                TransactionKind.SALE, EC_TOKEN, "7KQX5MJQ8Q6AE", USD_23_45);

        assertThat(server.only().body()).isEqualTo("TRXTYPE[1]=S&TENDER[1]=P&" + CREDS + "&ACTION[1]=D&TOKEN[20]="
                + EC_TOKEN + "&PAYERID[13]=7KQX5MJQ8Q6AE&AMT[5]=23.45&CURRENCY[3]=USD&CUSTREF[12]=ECD000000001"
                + "&VERBOSITY[4]=HIGH");
        assertThat(payment.result().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(payment.result().reference()).isEqualTo("EFHP0D426838");
        assertThat(payment.result().amount()).isEqualTo(USD_23_45);
        assertThat(payment.ppref()).isEqualTo("8RN74402XH5765406");
        assertThat(payment.paymentType()).isEqualTo("instant");
        assertThat(payment.pendingReason()).isEqualTo("none");
        assertThat(payment.correlationId()).isEqualTo("9c3706997455e");
    }

    @Test
    void aPendingExpressCheckoutPaymentIsHeld() {
        // PFP-EC p.17 (§1.9): PENDINGREASON other than none/completed (typically eCheck) is not guaranteed
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426839&RESPMSG=Approved&PPREF=8RN74402XH5765407"
                + "&PAYMENTTYPE=echeck&PENDINGREASON=echeck&AMT=23.45"));

        ExpressCheckoutPayment payment = connector.doExpressCheckoutPayment(Attempt.newAttempt(), TransactionKind.SALE,
                EC_TOKEN, "7KQX5MJQ8Q6AE", USD_23_45);

        assertThat(payment.result().status()).isEqualTo(PaymentStatus.HELD);
        assertThat(payment.result().message()).isEqualTo("Approved (pending: echeck)");
        assertThat(payment.result().reference()).isEqualTo("EFHP0D426839");
    }

    @Test
    void anAuthorizationThroughExpressCheckoutIsApprovedNotHeld() {
        // An authorization's payment carries PENDINGREASON=authorization (NVP-2013 "PaymentInfoType Fields"): the money
        // is held to be captured, which is what was asked for; another reason would still be a pending payment.
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426840&RESPMSG=Approved&PPREF=8RN74402XH5765408"
                + "&PAYMENTTYPE=instant&PENDINGREASON=authorization&AMT=23.45"),
                Reply.ok("RESULT=0&PNREF=EFHP0D426841&RESPMSG=Approved&PAYMENTTYPE=instant&PENDINGREASON=authorization"
                        + "&AMT=23.45"));

        ExpressCheckoutPayment authorized = connector.doExpressCheckoutPayment(new Attempt("ec-do-a", "ECA000000001"),
                TransactionKind.AUTHORIZATION, EC_TOKEN, "7KQX5MJQ8Q6AE", USD_23_45);
        ExpressCheckoutPayment sale = connector.doExpressCheckoutPayment(Attempt.newAttempt(), TransactionKind.SALE,
                EC_TOKEN, "7KQX5MJQ8Q6AE", USD_23_45);

        assertThat(server.received().get(0).body()).startsWith("TRXTYPE[1]=A&TENDER[1]=P&");
        assertThat(authorized.result().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(authorized.result().reference()).isEqualTo("EFHP0D426840");
        assertThat(sale.result().status()).isEqualTo(PaymentStatus.HELD);
    }

    @Test
    void aDuplicatePaymentAnswerForAnotherAmountIsUnknown() {
        // DESIGN.md step 4: a replay (DUPLICATE=1) must match the attempt's amount
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426838&RESPMSG=Approved&AMT=99.00&DUPLICATE=1"));

        ExpressCheckoutPayment payment = connector.doExpressCheckoutPayment(Attempt.newAttempt(), TransactionKind.SALE,
                EC_TOKEN, "7KQX5MJQ8Q6AE", USD_23_45);

        assertThat(payment.result().status()).isEqualTo(PaymentStatus.UNKNOWN);
    }

    // ---- Test connection (§1.6, §1.8) ----

    @Test
    void testConnectionWithResult19MeansGoodCredentials() {
        // PFP-2009 Table 6.9 RESULT 19 "Original transaction ID not found"
        server.reply(Reply.ok("RESULT=19&PNREF=VXYZ01234567&RESPMSG=Original transaction ID not found"));

        ConnectionCheck check = connector.testConnection(Currency.getInstance("GBP"));

        String body = server.only().body();
        assertThat(body).startsWith("TRXTYPE[1]=I&TENDER[1]=C&" + CREDS + "&ORIGID[12]=V0CONNCHECK0&CURRENCY[3]=GBP"
                + "&CUSTREF[12]=").endsWith("&VERBOSITY[4]=HIGH");
        assertThat(check.ok()).isTrue();
        assertThat(check.outcome()).isEqualTo(ConnectionCheck.Outcome.CREDENTIALS_OK);
    }

    @Test
    void testConnectionWithResult1MeansBadCredentials() {
        // PFP-2009 Table 6.9 RESULT 1 "User authentication failed"
        server.reply(Reply.ok("RESULT=1&RESPMSG=User authentication failed"));

        ConnectionCheck check = connector.testConnection(Currency.getInstance("USD"));

        assertThat(check.outcome()).isEqualTo(ConnectionCheck.Outcome.BAD_CREDENTIALS);
        assertThat(check.message()).isEqualTo("User authentication failed");
    }

    @Test
    void testConnectionWithAnotherResultShowsItsMessage() {
        server.reply(Reply.ok("RESULT=26&RESPMSG=Invalid vendor account"));

        ConnectionCheck check = connector.testConnection(Currency.getInstance("USD"));

        assertThat(check.outcome()).isEqualTo(ConnectionCheck.Outcome.OTHER);
        assertThat(check.message()).isEqualTo("Invalid vendor account");
    }

    @Test
    void testConnectionWithoutAnAnswerIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PayflowConnector unreachable = new PayflowConnector(PayflowTestData.config(
                URI.create("http://127.0.0.1:" + closedPort), PayflowConfig.DEFAULT_TIMEOUT), http);
        server.reply(Reply.status(503, "busy"));

        assertThat(unreachable.testConnection(Currency.getInstance("USD")).outcome())
                .isEqualTo(ConnectionCheck.Outcome.UNREACHABLE);
        assertThat(connector.testConnection(Currency.getInstance("USD")).outcome())
                .isEqualTo(ConnectionCheck.Outcome.UNREACHABLE);
    }
}
