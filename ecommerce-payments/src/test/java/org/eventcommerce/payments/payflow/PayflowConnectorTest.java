package org.eventcommerce.payments.payflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcommerce.payments.payflow.PayflowTestData.GUIDE_APPROVED;
import static org.eventcommerce.payments.payflow.PayflowTestData.SALE;
import static org.eventcommerce.payments.payflow.PayflowTestData.SALE_ATTEMPT;
import static org.eventcommerce.payments.payflow.PayflowTestData.SALE_BODY;
import static org.eventcommerce.payments.payflow.PayflowTestData.USD_1234_50;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.FakeHttpServer.Received;
import org.eventcommerce.payments.FakeHttpServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PayflowConnectorTest {

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
        connector = new PayflowConnector(PayflowTestData.config(server.endpoint(), PayflowConfig.DEFAULT_TIMEOUT), http);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void postsTheSaleWithExactHeadersAndBodyAndMapsTheGuidesAnswer() {
        // answer: PFP-2009 ch.6 response example (§1.5)
        server.reply(Reply.ok(GUIDE_APPROVED));

        PaymentResult result = connector.execute(SALE);

        Received sent = server.only();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/");
        assertThat(sent.body()).isEqualTo(SALE_BODY);
        assertThat(sent.header("Content-Type")).isEqualTo("text/namevalue");
        assertThat(sent.header("Content-Length")).isEqualTo(Integer.toString(SALE_BODY.length()));
        assertThat(sent.header("X-VPS-REQUEST-ID")).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(sent.header("X-VPS-CLIENT-TIMEOUT")).isEqualTo("45");
        assertThat(sent.header("X-VPS-VIT-Integration-Product")).isEqualTo("eventcommerce");
        assertThat(sent.headers().keySet()).filteredOn(h -> h.toUpperCase().startsWith("X-VPS"))
                .hasSize(3);

        assertThat(result.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(result.resultCode()).isEqualTo("0");
        assertThat(result.message()).isEqualTo("APPROVED");
        assertThat(result.reference()).isEqualTo("EFHP0D426A53");
        assertThat(result.authCode()).isEqualTo("25TEST");
        assertThat(result.duplicate()).isFalse();
        assertThat(result.fields()).containsEntry("AVSADDR", "Y").containsEntry("AVSZIP", "N")
                .containsEntry("CVV2MATCH", "Y");
    }

    @Test
    void declinedAnswer() {
        // PFP-2009 Table 6.9 RESULT 12; §1.10: the pilot declines $2001+
        server.reply(Reply.ok("RESULT=12&PNREF=VFHA0FF8E1A1&RESPMSG=Declined&AMT=2100.00"));

        PaymentResult result = connector.execute(SALE);

        assertThat(result.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(result.resultCode()).isEqualTo("12");
        assertThat(result.message()).isEqualTo("Declined");
    }

    @Test
    void fraudReviewIsHeld() {
        // PFP-2009 Table 6.9 RESULT 126 "flagged for review" (§1.6)
        server.reply(Reply.ok("RESULT=126&PNREF=V19A2E6CC5B7&RESPMSG=Under review by Fraud Service&AUTHCODE=010101"
                + "&AMT=1234.50&PREFPSMSG=Review"));

        assertThat(connector.execute(SALE).status()).isEqualTo(PaymentStatus.HELD);
    }

    @Test
    void taggedValuesInTheAnswerAreHonoured() {
        // omnipay-payflow decodeData fixture (§1.3)
        server.reply(Reply.ok("RESULT=0&PNREF=V19A2E6CC5B6&RESPMSG=Approved&BILLTOLASTNAME[6]=&= Foo&AMT[7]=1234.50"));

        PaymentResult result = connector.execute(SALE);

        assertThat(result.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(result.fields()).containsEntry("BILLTOLASTNAME", "&= Foo");
        assertThat(result.amount()).isEqualTo(USD_1234_50);
    }

    @Test
    void theSameAttemptResentCarriesTheSameRequestIdAndBody() {
        server.reply(Reply.ok(GUIDE_APPROVED), Reply.ok(GUIDE_APPROVED), Reply.ok(GUIDE_APPROVED));
        PaymentRequest other = PaymentRequest.sale(Attempt.newAttempt(), USD_1234_50, PayflowTestData.CARD,
                "Reservation \"VIP\" #42", "INV-1001");

        connector.execute(SALE);
        connector.execute(SALE);
        connector.execute(other);

        List<Received> sent = server.received();
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).header("X-VPS-REQUEST-ID")).isEqualTo(SALE_ATTEMPT.requestId())
                .isEqualTo(sent.get(1).header("X-VPS-REQUEST-ID"))
                .isNotEqualTo(sent.get(2).header("X-VPS-REQUEST-ID"));
        assertThat(sent.get(2).header("X-VPS-REQUEST-ID")).isEqualTo(other.attempt().requestId());
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
        assertThat(sent.get(2).body()).contains("&CUSTREF[12]=" + other.attempt().custRef() + "&");
    }

    @Test
    void duplicateWithTheSameAmountKeepsTheFirstOutcome() {
        // Gateway guide 2014 pp.157-159 (§1.2): a reused X-VPS-REQUEST-ID replays the first answer with DUPLICATE=1
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426A53&RESPMSG=Approved&AUTHCODE=25TEST&AMT=1234.50&DUPLICATE=1"));

        PaymentResult result = connector.execute(SALE);

        assertThat(result.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(result.duplicate()).isTrue();
        assertThat(result.reference()).isEqualTo("EFHP0D426A53");
    }

    @Test
    void duplicateWithAnotherAmountIsSettledByInquiry() {
        // DESIGN.md "The payment lifecycle" step 4
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426A53&RESPMSG=Approved&AUTHCODE=25TEST&AMT=99.06&DUPLICATE=1"));

        PaymentResult result = connector.execute(SALE);

        assertThat(result.status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(result.message()).isEqualTo("duplicate answer does not match this attempt");
        assertThat(result.duplicate()).isTrue();
    }

    @Test
    void aDuplicateExpressCheckoutPaymentOfAnotherAttemptIsUnknown() {
        // Payflow Express Checkout ACTION=D (§1.9) sends the attempt's CUSTREF; a replay echoing another is no answer
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426A60&RESPMSG=Approved&AMT=1234.50&CUSTREF=ZZZZZZZZZZZZ"
                + "&DUPLICATE=1"));
        PayflowConnector ec = new PayflowConnector(PayflowTestData.config(server.endpoint(),
                PayflowConfig.DEFAULT_TIMEOUT), PayflowPages.defaults(org.eventcommerce.payments.OperatingMode.TEST),
                http);

        ExpressCheckoutPayment paid = ec.doExpressCheckoutPayment(SALE_ATTEMPT,
                org.eventcommerce.payments.TransactionKind.SALE, "EC-17C76533PL706494P", "6BTB2JXPR7QBE", USD_1234_50);

        assertThat(paid.result().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(PayflowResultMapper.isDuplicateMismatch(paid.result())).isTrue();
        assertThat(server.received().get(0).body()).contains("&CUSTREF[12]=CR7QX2M4KP9A&");
    }

    @Test
    void inquiryByCustrefAsksAboutThatCustrefAndReportsTheOriginal() {
        // PFP-2009 pp.38-40 (§1.8); answer fields as read by the SDK's TransactionResponse and sent by our emulator
        server.reply(Reply.ok("RESULT=0&PNREF=EQRB8A32CD69&ORIGPNREF=EFHP0D426A53&ORIGRESULT=0&TRANSSTATE=8"
                + "&RESPMSG=Approved&AMT=1234.50&CUSTREF=CR7QX2M4KP9A"));
        PaymentRequest inquiry = PaymentRequest.inquiryByCustRef(new Attempt("inq-0001", "INQ000000001"), USD_1234_50,
                "CR7QX2M4KP9A");

        PaymentResult result = connector.execute(inquiry);

        Received sent = server.only();
        assertThat(sent.body()).isEqualTo("TRXTYPE[1]=I&TENDER[1]=C&PARTNER[6]=PayPal&VENDOR[10]=acmeevents"
                + "&USER[10]=acmeevents&PWD[9]=s3cr3tPwd&CURRENCY[3]=USD&CUSTREF[12]=CR7QX2M4KP9A&VERBOSITY[4]=HIGH");
        assertThat(sent.header("X-VPS-REQUEST-ID")).isEqualTo("inq-0001");
        assertThat(result.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(result.originalStatus()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(result.reference()).isEqualTo("EFHP0D426A53");
        assertThat(result.amount()).isEqualTo(USD_1234_50);
    }

    @Test
    void inquiryThatFindsNothing() {
        server.reply(Reply.ok("RESULT=20&PNREF=EQRB8A32CD70&RESPMSG=Cannot find customer reference"));

        PaymentResult result = connector.execute(PaymentRequest.inquiryByCustRef(new Attempt("inq-0002", "INQ000000002"),
                USD_1234_50, "CR7QX2M4KP9A"));

        assertThat(result.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(result.resultCode()).isEqualTo("20");
        assertThat(result.originalStatus()).isNull();
    }

    @Test
    void voidSendsOrigidAndCurrencyButNoAmount() {
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426A99&RESPMSG=Approved"));

        PaymentResult result = connector.execute(PaymentRequest.voidOf(new Attempt("void-0001", "VOID00000001"),
                USD_1234_50, "EFHP0D426A53"));

        assertThat(server.only().body()).isEqualTo("TRXTYPE[1]=V&TENDER[1]=C&PARTNER[6]=PayPal&VENDOR[10]=acmeevents"
                + "&USER[10]=acmeevents&PWD[9]=s3cr3tPwd&ORIGID[12]=EFHP0D426A53&CURRENCY[3]=USD"
                + "&CUSTREF[12]=VOID00000001&VERBOSITY[4]=HIGH");
        assertThat(result.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(result.reference()).isEqualTo("EFHP0D426A99");
    }

    @Test
    void aServerSlowerThanTheReadTimeoutGivesUnknown() {
        server.reply(Reply.after(5_000, GUIDE_APPROVED));
        PayflowConnector impatient = new PayflowConnector(
                PayflowTestData.config(server.endpoint(), Duration.ofSeconds(1)), http, Duration.ofMillis(200));

        long start = System.nanoTime();
        PaymentResult result = impatient.execute(SALE);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(server.only().header("X-VPS-CLIENT-TIMEOUT")).isEqualTo("1");
        assertThat(result.status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(result.message()).startsWith("no answer from Payflow after sending: HttpTimeoutException");
        assertThat(elapsedMillis).isBetween(1_100L, 3_500L);
    }

    @Test
    void aRefusedConnectionIsNotSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PayflowConnector unreachable = new PayflowConnector(
                PayflowTestData.config(URI.create("http://127.0.0.1:" + closedPort), PayflowConfig.DEFAULT_TIMEOUT),
                http);

        PaymentResult result = unreachable.execute(SALE);

        assertThat(result.status()).isEqualTo(PaymentStatus.NOT_SENT);
        assertThat(result.message()).startsWith("not sent to Payflow: ConnectException");
        assertThat(result.resultCode()).isNull();
    }

    @Test
    void http500IsUnknown() {
        server.reply(Reply.status(500, "<html>Internal Server Error</html>"));

        PaymentResult result = connector.execute(SALE);

        assertThat(result.status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(result.message()).isEqualTo("HTTP 500 from Payflow; outcome unknown");
    }

    @Test
    void anUnreadableOrEmptyBodyIsUnknown() {
        server.reply(Reply.ok("<html>maintenance</html>"), Reply.ok(""));

        PaymentResult html = connector.execute(SALE);
        PaymentResult empty = connector.execute(SALE);

        assertThat(html.status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(html.message()).startsWith("unreadable Payflow answer: ");
        assertThat(empty.status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(empty.message()).isEqualTo("unreadable Payflow answer: empty NVP body (at offset 0)");
    }

    @Test
    void aConnectionDroppedAfterTheRequestWasReadIsUnknown() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread dropper = Thread.ofVirtual().start(() -> {
                try (Socket s = socket.accept()) {
                    InputStream in = s.getInputStream();
                    StringBuilder seen = new StringBuilder();
                    int c;
                    while (!seen.toString().endsWith(SALE_BODY) && (c = in.read()) >= 0) {
                        seen.append((char) c); // read headers and the whole body, then hang up
                    }
                } catch (IOException ignored) {
                    // test peer
                }
            });
            PayflowConnector dropped = new PayflowConnector(PayflowTestData.config(
                    URI.create("http://127.0.0.1:" + socket.getLocalPort()), PayflowConfig.DEFAULT_TIMEOUT), http);

            PaymentResult result = dropped.execute(SALE);

            dropper.join();
            assertThat(result.status()).isEqualTo(PaymentStatus.UNKNOWN);
            assertThat(result.message()).startsWith("no answer from Payflow after sending: IOException");
        }
    }

    @Test
    void refusesProgrammingErrorsBeforeSendingAnything() {
        PaymentRequest saleWithoutCard = new PaymentRequest(TransactionKind.SALE, SALE_ATTEMPT, USD_1234_50, null, null,
                null, null, null);

        assertThatThrownBy(() -> connector.execute(saleWithoutCard)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SALE requires a card");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void neverSendsACardNumberThatFailsLuhn() {
        // Issue 5: card numbers are checked by Luhn before any provider call. 4111111111111112 is the Visa test card
        // with its check digit changed; PayPal would answer RESULT 23, but it must not even be asked.
        server.reply(Reply.ok(GUIDE_APPROVED));
        for (TransactionKind kind : List.of(TransactionKind.SALE, TransactionKind.AUTHORIZATION)) {
            PaymentRequest request = new PaymentRequest(kind, SALE_ATTEMPT, USD_1234_50,
                    org.eventcommerce.payments.Card.of("4111 1111 1111 1112", "1229", "123", null), null, null, null,
                    null);

            assertThatThrownBy(() -> connector.execute(request)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(kind + ": the card number fails the Luhn check; not sent");
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        // the fake server answers each request with its own CUSTREF as PNREF
        server.answerWith(r -> Reply.ok("RESULT=0&RESPMSG=Approved&AMT=1234.50&PNREF="
                + NvpDecoder.decode(r.body()).get("CUSTREF")));
        List<Callable<String[]>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Attempt attempt = new Attempt("parallel-" + i, "PAR" + String.format("%09d", i));
            calls.add(() -> new String[] {attempt.custRef(), connector.execute(
                    PaymentRequest.sale(attempt, USD_1234_50, PayflowTestData.CARD, null, null)).reference()});
        }

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<String[]> done : pool.invokeAll(calls)) {
                String[] pair = done.get();
                assertThat(pair[1]).isEqualTo(pair[0]);
            }
        }
        assertThat(server.received()).hasSize(16);
    }

    @Test
    void convenienceConstructorSpeaksHttp11() {
        server.reply(Reply.ok(GUIDE_APPROVED));
        PayflowConnector own = new PayflowConnector(
                PayflowTestData.config(server.endpoint(), PayflowConfig.DEFAULT_TIMEOUT));

        assertThat(own.execute(SALE).status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(server.only().header("X-VPS-REQUEST-ID")).isEqualTo(SALE_ATTEMPT.requestId());
        assertThat(own.toString()).isEqualTo("PayflowConnector[" + server.endpoint() + ", vendor=acmeevents]");
    }

    @Test
    void captureSendsOrigidAmountAndCurrencyExactly() {
        // PFP-2009 p.32 Delayed Capture: TRXTYPE=D with ORIGID = the authorization's PNREF; CURRENCY on every request
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426A60&RESPMSG=Approved&AMT=1234.50"));

        PaymentResult result = connector.execute(PaymentRequest.capture(new Attempt("cap-0001", "CAP000000001"),
                USD_1234_50, "EFHP0D426A53"));

        assertThat(server.only().body()).isEqualTo("TRXTYPE[1]=D&TENDER[1]=C&PARTNER[6]=PayPal&VENDOR[10]=acmeevents"
                + "&USER[10]=acmeevents&PWD[9]=s3cr3tPwd&ORIGID[12]=EFHP0D426A53&AMT[7]=1234.50&CURRENCY[3]=USD"
                + "&CUSTREF[12]=CAP000000001&VERBOSITY[4]=HIGH");
        assertThat(result.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(result.reference()).isEqualTo("EFHP0D426A60");
    }

    @Test
    void partialCreditSendsOrigidAmountAndCurrencyExactly() {
        // PFP-2009 pp.38-40 Credit against ORIGID; a partial refund sends the smaller AMT
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426A61&RESPMSG=Approved&AMT=1500"));

        PaymentResult result = connector.execute(PaymentRequest.credit(new Attempt("cre-0001", "CRE000000001"),
                org.eventcommerce.payments.money.Money.of("1500", "JPY"), "EFHP0D426A53"));

        assertThat(server.only().body()).isEqualTo("TRXTYPE[1]=C&TENDER[1]=C&PARTNER[6]=PayPal&VENDOR[10]=acmeevents"
                + "&USER[10]=acmeevents&PWD[9]=s3cr3tPwd&ORIGID[12]=EFHP0D426A53&AMT[4]=1500&CURRENCY[3]=JPY"
                + "&CUSTREF[12]=CRE000000001&VERBOSITY[4]=HIGH");
        assertThat(result.status()).isEqualTo(PaymentStatus.APPROVED);
    }

    @Test
    void inquiryByReferenceSendsOrigidAndCurrencyExactly() {
        // PFP-2009 pp.38-40 (§1.8): TRXTYPE=I&TENDER=C&...&ORIGID=<PNREF>
        server.reply(Reply.ok("RESULT=0&PNREF=EQRB8A32CD71&ORIGPNREF=EFHP0D426A53&ORIGRESULT=0&TRANSSTATE=1003"
                + "&RESPMSG=Approved"));

        PaymentResult result = connector.execute(PaymentRequest.inquiryByReference(new Attempt("inq-0003",
                "INQ000000003"), USD_1234_50, "EFHP0D426A53"));

        assertThat(server.only().body()).isEqualTo("TRXTYPE[1]=I&TENDER[1]=C&PARTNER[6]=PayPal&VENDOR[10]=acmeevents"
                + "&USER[10]=acmeevents&PWD[9]=s3cr3tPwd&ORIGID[12]=EFHP0D426A53&CURRENCY[3]=USD"
                + "&CUSTREF[12]=INQ000000003&VERBOSITY[4]=HIGH");
        assertThat(result.originalStatus()).isEqualTo(PaymentStatus.DECLINED); // TRANSSTATE 1003: voided authorization
    }

    @Test
    void creditOfAPayPalPaymentGoesWithTenderP() {
        // PFP-EC 2013 Table A.15 (request) and A.16 "Credit response parameters": PPREF, RESULT, RESPMSG
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426A62&RESPMSG=Approved&PPREF=9E679139T5135712L"
                + "&CORRELATIONID=2dc60e253493e&AMT=25.00"));

        PaymentResult result = connector.payPalTender().execute(PaymentRequest.credit(
                new Attempt("cre-0002", "CRE000000002"), org.eventcommerce.payments.money.Money.of("25.00", "USD"),
                "EFHP0D426A53"));

        Received sent = server.only();
        assertThat(sent.body()).isEqualTo("TRXTYPE[1]=C&TENDER[1]=P&PARTNER[6]=PayPal&VENDOR[10]=acmeevents"
                + "&USER[10]=acmeevents&PWD[9]=s3cr3tPwd&ORIGID[12]=EFHP0D426A53&AMT[5]=25.00&CURRENCY[3]=USD"
                + "&CUSTREF[12]=CRE000000002&VERBOSITY[4]=HIGH");
        assertThat(sent.header("X-VPS-REQUEST-ID")).isEqualTo("cre-0002");
        assertThat(result.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(result.reference()).isEqualTo("EFHP0D426A62");
        assertThat(result.fields()).containsEntry("PPREF", "9E679139T5135712L");
    }
}
