package org.eventcommerce.payments.express;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcommerce.payments.express.ExpressTestData.HEADER_TAIL;
import static org.eventcommerce.payments.express.ExpressTestData.MSGSUBID;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Currency;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.FakeHttpServer.Received;
import org.eventcommerce.payments.FakeHttpServer.Reply;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every operation's exact request and the mapping of PayPal's answers; canned answers in {@link ExpressTestData}
 * name their guide and section.
 */
@Timeout(15)
class ExpressCheckoutConnectorTest {

    private static HttpClient http;
    private FakeNvpServer server;
    private ExpressCheckoutConnector connector;

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
        server = new FakeNvpServer();
        connector = new ExpressCheckoutConnector(ExpressTestData.config(server.endpoint(), Duration.ofSeconds(5)), http);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static CheckoutSetup setup(String amount, String currency, PaymentAction action) {
        return new CheckoutSetup(Money.of(amount, currency), URI.create("https://shop.example/ec/return?order=42"),
                URI.create("https://shop.example/ec/cancel?order=42"), "INV-1001", "Workshop & dinner: 2 seats",
                action);
    }

    @Test
    void setExpressCheckoutPostsTheExactFormAndReturnsTheGuidesToken() {
        // answer: NVP API Developer Guide (April 2007) Example 2.1 + Sandbox User Guide (April 2012) p.39 header
        server.reply(ExpressTestData.GUIDE_SET_EC);

        SetCheckoutResult result = connector.setExpressCheckout(setup("1234.5", "USD", PaymentAction.SALE));

        Received sent = server.only();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/nvp");
        assertThat(sent.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sent.body()).isEqualTo("METHOD=SetExpressCheckout" + HEADER_TAIL
                + "&PAYMENTREQUEST_0_AMT=1234.50&PAYMENTREQUEST_0_CURRENCYCODE=USD"
                + "&PAYMENTREQUEST_0_PAYMENTACTION=Sale&PAYMENTREQUEST_0_INVNUM=INV-1001"
                + "&PAYMENTREQUEST_0_DESC=Workshop+%26+dinner%3A+2+seats"
                + "&RETURNURL=https%3A%2F%2Fshop.example%2Fec%2Freturn%3Forder%3D42"
                + "&CANCELURL=https%3A%2F%2Fshop.example%2Fec%2Fcancel%3Forder%3D42&NOSHIPPING=1");
        assertThat(result.outcome().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(result.outcome().correlationId()).isEqualTo("333fb808bb23");
        assertThat(result.token()).isEqualTo("EC-3DJ78083ES565113B");
        assertThat(result.redirectUrl()).hasToString(
                "https://www.sandbox.paypal.com/cgi-bin/webscr?cmd=_express-checkout&token=EC-3DJ78083ES565113B");
    }

    @Test
    void canadianDollarsAndAuthorizationAreNamedExplicitly() {
        server.reply(ExpressTestData.GUIDE_SET_EC);

        connector.setExpressCheckout(setup("80", "CAD", PaymentAction.AUTHORIZATION));

        assertThat(server.only().body()).contains("&PAYMENTREQUEST_0_AMT=80.00&PAYMENTREQUEST_0_CURRENCYCODE=CAD"
                + "&PAYMENTREQUEST_0_PAYMENTACTION=Authorization&");
    }

    @Test
    void yenForintAndTaiwanDollarsGoWithoutDecimals() {
        server.reply(ExpressTestData.GUIDE_SET_EC, ExpressTestData.GUIDE_SET_EC, ExpressTestData.GUIDE_SET_EC);

        connector.setExpressCheckout(setup("1500", "JPY", PaymentAction.SALE));
        connector.setExpressCheckout(setup("12000", "HUF", PaymentAction.SALE));
        connector.setExpressCheckout(setup("900", "TWD", PaymentAction.SALE));

        assertThat(server.received().get(0).body()).contains("&PAYMENTREQUEST_0_AMT=1500&PAYMENTREQUEST_0_CURRENCYCODE=JPY&");
        assertThat(server.received().get(1).body()).contains("&PAYMENTREQUEST_0_AMT=12000&PAYMENTREQUEST_0_CURRENCYCODE=HUF&");
        assertThat(server.received().get(2).body()).contains("&PAYMENTREQUEST_0_AMT=900&PAYMENTREQUEST_0_CURRENCYCODE=TWD&");
        assertThatThrownBy(() -> Money.of("1500.50", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getExpressCheckoutDetailsReadsPayerAndCheckoutStatus() {
        // answer fields of DEV get-express-checkout-details-nvp; CHECKOUTSTATUS value as ActiveMerchant asserts (§3.3)
        server.reply("TOKEN=EC%2d3DJ78083ES565113B&CHECKOUTSTATUS=PaymentActionNotInitiated"
                + "&TIMESTAMP=2026%2d03%2d02T10%3a00%3a00Z&CORRELATIONID=d1e2f3a4b5c6d&ACK=Success&VERSION=124%2e0"
                + "&BUILD=18316154&EMAIL=buyer%40demo%2eexample&PAYERID=95HR9CM6D56Q2&PAYERSTATUS=verified"
                + "&FIRSTNAME=Demo&LASTNAME=Buyer&COUNTRYCODE=US&PAYMENTREQUEST_0_CURRENCYCODE=USD"
                + "&PAYMENTREQUEST_0_AMT=1234%2e50&PAYMENTREQUEST_0_INVNUM=INV%2d1001");

        CheckoutDetails details = connector.getExpressCheckoutDetails("EC-3DJ78083ES565113B");

        assertThat(server.only().body()).isEqualTo("METHOD=GetExpressCheckoutDetails" + HEADER_TAIL
                + "&TOKEN=EC-3DJ78083ES565113B");
        assertThat(details.outcome().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(details.payerId()).isEqualTo("95HR9CM6D56Q2");
        assertThat(details.payerEmail()).isEqualTo("buyer@demo.example");
        assertThat(details.checkoutStatus()).isEqualTo(CheckoutStatus.PAYMENT_ACTION_NOT_INITIATED);
        assertThat(details.amount()).isEqualTo(Money.of("1234.50", "USD"));
        assertThat(details.approvedByBuyer()).isTrue();
    }

    @Test
    void expiredTokenIs10411() {
        server.reply(ExpressTestData.SESSION_EXPIRED);

        CheckoutDetails details = connector.getExpressCheckoutDetails("EC-3DJ78083ES565113B");

        assertThat(details.outcome().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(details.outcome().error()).isEqualTo(ExpressError.TOKEN_EXPIRED);
        assertThat(details.outcome().errorCode()).isEqualTo("10411");
        assertThat(details.outcome().message()).startsWith("This Express Checkout session has expired.");
    }

    @Test
    void doExpressCheckoutPaymentSendsMsgSubIdAndCurrencyAndMapsCompleted() {
        server.reply(ExpressTestData.GUIDE_DO_EC_COMPLETED);

        ExpressPayment payment = connector.doExpressCheckoutPayment("EC-1NK66318YB717835M", "95HR9CM6D56Q2",
                Money.of("19.95", "USD"), PaymentAction.SALE, "INV-1001", MSGSUBID);

        assertThat(server.only().body()).isEqualTo("METHOD=DoExpressCheckoutPayment" + HEADER_TAIL
                + "&TOKEN=EC-1NK66318YB717835M&PAYERID=95HR9CM6D56Q2&PAYMENTREQUEST_0_AMT=19.95"
                + "&PAYMENTREQUEST_0_CURRENCYCODE=USD&PAYMENTREQUEST_0_PAYMENTACTION=Sale"
                + "&PAYMENTREQUEST_0_INVNUM=INV-1001&MSGSUBID=" + MSGSUBID);
        assertThat(payment.outcome().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(payment.transactionId()).isEqualTo("043144440L487742J");
        assertThat(payment.paymentStatus()).isEqualTo("Completed");
        assertThat(payment.amount()).isEqualTo(Money.of("19.95", "USD"));
        PaymentResult neutral = payment.toPaymentResult();
        assertThat(neutral.reference()).isEqualTo("043144440L487742J");
        assertThat(neutral.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(neutral.duplicate()).isFalse();
    }

    @Test
    void authorizationPendingWithReasonAuthorizationIsApproved() {
        // Sandbox User Guide (April 2012) p.39: PAYMENTSTATUS=Pending, PENDINGREASON=authorization
        server.reply(ExpressTestData.GUIDE_DO_EC_AUTHORIZATION);

        ExpressPayment payment = connector.doExpressCheckoutPayment("EC-1NK66318YB717835M", "95HR9CM6D56Q2",
                Money.of("19.95", "USD"), PaymentAction.AUTHORIZATION, null, MSGSUBID);

        assertThat(server.only().body()).contains("&PAYMENTREQUEST_0_PAYMENTACTION=Authorization&MSGSUBID=");
        assertThat(payment.outcome().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(payment.pendingReason()).isEqualTo("authorization");
        assertThat(payment.transactionId()).isEqualTo("043144440L487742J");
    }

    @Test
    void otherPendingReasonsAreHeld() {
        server.reply(ExpressTestData.GUIDE_DO_EC_AUTHORIZATION.replace("PENDINGREASON=authorization",
                "PENDINGREASON=paymentreview"));

        ExpressPayment payment = connector.doExpressCheckoutPayment("EC-1NK66318YB717835M", "95HR9CM6D56Q2",
                Money.of("19.95", "USD"), PaymentAction.SALE, null, MSGSUBID);

        assertThat(payment.outcome().status()).isEqualTo(PaymentStatus.HELD);
        assertThat(payment.toPaymentResult().message()).isEqualTo("Pending: paymentreview");
    }

    @Test
    void fundingFailure10486TellsTheCallerToRedirectWithTheSameToken() {
        server.reply(ExpressTestData.FUNDING_FAILURE);

        ExpressPayment payment = connector.doExpressCheckoutPayment("EC-1NK66318YB717835M", "95HR9CM6D56Q2",
                Money.of("19.95", "USD"), PaymentAction.SALE, null, MSGSUBID);

        assertThat(payment.outcome().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.outcome().error()).isEqualTo(ExpressError.REDIRECT_BUYER);
        assertThat(payment.outcome().errorCode()).isEqualTo("10486");
        assertThat(payment.outcome().message()).isEqualTo(
                "This transaction couldn't be completed. Please redirect your customer to PayPal.");
        assertThat(connector.redirectUrl("EC-1NK66318YB717835M")).hasToString(
                "https://www.sandbox.paypal.com/cgi-bin/webscr?cmd=_express-checkout&token=EC-1NK66318YB717835M");
    }

    @Test
    void duplicate11607IsTheOriginalOutcome() {
        server.reply(ExpressTestData.DUPLICATE_11607);

        ExpressPayment payment = connector.doExpressCheckoutPayment("EC-1NK66318YB717835M", "95HR9CM6D56Q2",
                Money.of("19.95", "USD"), PaymentAction.SALE, null, MSGSUBID);

        assertThat(payment.outcome().ack()).isEqualTo("SuccessWithWarning");
        assertThat(payment.outcome().error()).isEqualTo(ExpressError.DUPLICATE_REQUEST);
        assertThat(payment.outcome().duplicate()).isTrue();
        assertThat(payment.outcome().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(payment.transactionId()).isEqualTo("043144440L487742J");
        assertThat(payment.toPaymentResult().duplicate()).isTrue();
    }

    @Test
    void duplicate11607ForAnotherAmountCannotBeTrusted() {
        server.reply(ExpressTestData.DUPLICATE_11607);

        ExpressPayment payment = connector.doExpressCheckoutPayment("EC-1NK66318YB717835M", "95HR9CM6D56Q2",
                Money.of("25.00", "USD"), PaymentAction.SALE, null, MSGSUBID);

        assertThat(payment.outcome().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(payment.outcome().message()).isEqualTo(ExpressResultMapper.DUPLICATE_MISMATCH);
    }

    @Test
    void alreadyCompleted10415IsUnknownToBeReconciled() {
        server.reply(ExpressTestData.ALREADY_COMPLETED);

        ExpressPayment payment = connector.doExpressCheckoutPayment("EC-1NK66318YB717835M", "95HR9CM6D56Q2",
                Money.of("19.95", "USD"), PaymentAction.SALE, null, MSGSUBID);

        assertThat(payment.outcome().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(payment.outcome().error()).isEqualTo(ExpressError.ALREADY_COMPLETED);
    }

    @Test
    void totalsMismatch10413IsDeclinedWithItsError() {
        server.reply(ExpressTestData.TOTALS_MISMATCH);

        SetCheckoutResult result = connector.setExpressCheckout(setup("10", "USD", PaymentAction.SALE));

        assertThat(result.hasToken()).isFalse();
        assertThat(result.redirectUrl()).isNull();
        assertThat(result.outcome().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(result.outcome().error()).isEqualTo(ExpressError.TOTALS_MISMATCH);
        assertThat(result.outcome().message()).isEqualTo("The totals of the cart item amounts do not match order amounts.");
    }

    @Test
    void answerInAnotherCurrencyIsUnknown() {
        server.reply(ExpressTestData.GUIDE_DO_EC_COMPLETED);

        ExpressPayment payment = connector.doExpressCheckoutPayment("EC-1NK66318YB717835M", "95HR9CM6D56Q2",
                Money.of("19.95", "CAD"), PaymentAction.SALE, null, MSGSUBID);

        assertThat(payment.outcome().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(payment.outcome().message()).contains("USD", "CAD");
    }

    @Test
    void doCaptureSendsAmountCurrencyCompleteTypeAndMsgSubId() {
        // answer fields of NVP-2013 "DoCapture Response Fields"
        server.reply("AUTHORIZATIONID=043144440L487742J&TIMESTAMP=2026%2d03%2d02T10%3a05%3a00Z"
                + "&CORRELATIONID=e1f2a3b4c5d6e&ACK=Success&VERSION=124%2e0&BUILD=18316154"
                + "&TRANSACTIONID=6WL91946XY0521543&PARENTTRANSACTIONID=043144440L487742J&TRANSACTIONTYPE=expresscheckout"
                + "&PAYMENTTYPE=instant&ORDERTIME=2026%2d03%2d02T10%3a05%3a00Z&AMT=10%2e00&CURRENCYCODE=CAD"
                + "&PAYMENTSTATUS=Completed&PENDINGREASON=None&REASONCODE=None&MSGSUBID=" + MSGSUBID);

        ExpressPayment capture = connector.doCapture("043144440L487742J", Money.of("10", "CAD"),
                CompleteType.NOT_COMPLETE, MSGSUBID);

        assertThat(server.only().body()).isEqualTo("METHOD=DoCapture" + HEADER_TAIL
                + "&AUTHORIZATIONID=043144440L487742J&AMT=10.00&CURRENCYCODE=CAD&COMPLETETYPE=NotComplete"
                + "&MSGSUBID=" + MSGSUBID);
        assertThat(capture.outcome().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(capture.transactionId()).isEqualTo("6WL91946XY0521543");
        assertThat(capture.authorizationId()).isEqualTo("043144440L487742J");
        assertThat(capture.amount()).isEqualTo(Money.of("10.00", "CAD"));
    }

    @Test
    void doVoidSendsTheAuthorizationAndMsgSubId() {
        server.reply("AUTHORIZATIONID=043144440L487742J&TIMESTAMP=2026%2d03%2d02T10%3a06%3a00Z"
                + "&CORRELATIONID=f1a2b3c4d5e6f&ACK=Success&VERSION=124%2e0&BUILD=18316154&MSGSUBID=" + MSGSUBID);

        VoidResult result = connector.doVoid("043144440L487742J", MSGSUBID);

        assertThat(server.only().body()).isEqualTo("METHOD=DoVoid" + HEADER_TAIL
                + "&AUTHORIZATIONID=043144440L487742J&MSGSUBID=" + MSGSUBID);
        assertThat(result.outcome().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(result.toPaymentResult().reference()).isEqualTo("043144440L487742J");
    }

    @Test
    void fullRefundNamesItsCurrency() {
        // answer fields of NVP-2013 "RefundTransaction Response Fields"
        server.reply("REFUNDTRANSACTIONID=9E679139T5135712L&FEEREFUNDAMT=0%2e88&GROSSREFUNDAMT=19%2e95"
                + "&NETREFUNDAMT=19%2e07&CURRENCYCODE=USD&TOTALREFUNDEDAMOUNT=19%2e95&TIMESTAMP=2026%2d03%2d02T11%3a00%3a00Z"
                + "&CORRELATIONID=a9b8c7d6e5f4a&ACK=Success&VERSION=124%2e0&BUILD=18316154&REFUNDSTATUS=Instant"
                + "&PENDINGREASON=None&MSGSUBID=" + MSGSUBID);

        RefundResult refund = connector.refundFull("043144440L487742J", Currency.getInstance("USD"), MSGSUBID);

        assertThat(server.only().body()).isEqualTo("METHOD=RefundTransaction" + HEADER_TAIL
                + "&TRANSACTIONID=043144440L487742J&REFUNDTYPE=Full&CURRENCYCODE=USD&MSGSUBID=" + MSGSUBID);
        assertThat(refund.outcome().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(refund.refundTransactionId()).isEqualTo("9E679139T5135712L");
        assertThat(refund.grossRefund()).isEqualTo(Money.of("19.95", "USD"));
        assertThat(refund.totalRefunded()).isEqualTo(Money.of("19.95", "USD"));
        assertThat(refund.toPaymentResult().reference()).isEqualTo("9E679139T5135712L");
    }

    @Test
    void partialRefundInYenSendsWholeUnits() {
        server.reply("REFUNDTRANSACTIONID=1AB23456CD789012E&GROSSREFUNDAMT=500&CURRENCYCODE=JPY"
                + "&TOTALREFUNDEDAMOUNT=500&ACK=Success&CORRELATIONID=b1c2d3e4f5a6b&REFUNDSTATUS=Instant");

        RefundResult refund = connector.refundPartial("043144440L487742J", Money.of("500", "JPY"), MSGSUBID);

        assertThat(server.only().body()).isEqualTo("METHOD=RefundTransaction" + HEADER_TAIL
                + "&TRANSACTIONID=043144440L487742J&REFUNDTYPE=Partial&AMT=500&CURRENCYCODE=JPY&MSGSUBID=" + MSGSUBID);
        assertThat(refund.grossRefund()).isEqualTo(Money.of("500", "JPY"));
    }

    @Test
    void aRefundOfMoreThanRemainsIsRefused10009() {
        // DEV refund-transaction-nvp and errors "Transaction refused": "The partial refund amount must be less than or
        // equal to the remaining amount"; ACK=Failure with L_ERRORCODE0=10009, nothing refunded
        server.reply("TIMESTAMP=2026%2d03%2d02T11%3a00%3a00Z&CORRELATIONID=d4e5f6a7b8c9d&ACK=Failure&VERSION=124%2e0"
                + "&BUILD=18316154&L_ERRORCODE0=10009&L_SHORTMESSAGE0=Transaction+refused"
                + "&L_LONGMESSAGE0=The+partial+refund+amount+must+be+less+than+or+equal+to+the+remaining+amount"
                + "&L_SEVERITYCODE0=Error");

        RefundResult refund = connector.refundPartial("043144440L487742J", Money.of("19.96", "USD"), MSGSUBID);

        assertThat(server.only().body()).isEqualTo("METHOD=RefundTransaction" + HEADER_TAIL
                + "&TRANSACTIONID=043144440L487742J&REFUNDTYPE=Partial&AMT=19.96&CURRENCYCODE=USD&MSGSUBID=" + MSGSUBID);
        assertThat(refund.outcome().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(refund.outcome().errorCode()).isEqualTo("10009");
        assertThat(refund.refundTransactionId()).isNull();
        PaymentResult r = refund.toPaymentResult();
        assertThat(r.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(r.resultCode()).isEqualTo("10009");
        assertThat(r.message()).isEqualTo("The partial refund amount must be less than or equal to the remaining amount");
    }

    @Test
    void delayedRefundIsHeld() {
        server.reply("REFUNDTRANSACTIONID=1AB23456CD789012E&GROSSREFUNDAMT=5%2e00&CURRENCYCODE=USD&ACK=Success"
                + "&REFUNDSTATUS=Delayed&PENDINGREASON=echeck");

        RefundResult refund = connector.refundPartial("043144440L487742J", Money.of("5", "USD"), MSGSUBID);

        assertThat(refund.outcome().status()).isEqualTo(PaymentStatus.HELD);
    }

    @Test
    void getTransactionDetailsIsTheInquiry() {
        // answer fields of NVP-2013 "GetTransactionDetails Response Fields"
        server.reply("RECEIVEREMAIL=host%2bevents%40merchant%2eexample&EMAIL=buyer%40demo%2eexample"
                + "&PAYERID=95HR9CM6D56Q2&PAYERSTATUS=verified&COUNTRYCODE=US&TIMESTAMP=2026%2d03%2d02T11%3a00%3a00Z"
                + "&CORRELATIONID=c1d2e3f4a5b6c&ACK=Success&VERSION=124%2e0&BUILD=18316154&TRANSACTIONID=043144440L487742J"
                + "&TRANSACTIONTYPE=expresscheckout&PAYMENTTYPE=instant&ORDERTIME=2026%2d03%2d02T10%3a00%3a00Z"
                + "&AMT=19%2e95&CURRENCYCODE=USD&PAYMENTSTATUS=Partially_Refunded&PENDINGREASON=None&INVNUM=INV%2d1001");

        TransactionDetails details = connector.getTransactionDetails("043144440L487742J", Currency.getInstance("USD"));

        assertThat(server.only().body()).isEqualTo("METHOD=GetTransactionDetails" + HEADER_TAIL
                + "&TRANSACTIONID=043144440L487742J");
        assertThat(details.outcome().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(details.originalStatus()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(details.paymentStatus()).isEqualTo("Partially_Refunded");
        assertThat(details.amount()).isEqualTo(Money.of("19.95", "USD"));
        assertThat(details.invoice()).isEqualTo("INV-1001");
        assertThat(details.toPaymentResult().originalStatus()).isEqualTo(PaymentStatus.APPROVED);
    }

    @Test
    void inquiryAnsweredInAnotherCurrencyIsUnknown() {
        server.reply("ACK=Success&TRANSACTIONID=043144440L487742J&AMT=19%2e95&CURRENCYCODE=USD&PAYMENTSTATUS=Completed");

        TransactionDetails details = connector.getTransactionDetails("043144440L487742J", Currency.getInstance("CAD"));

        assertThat(details.outcome().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(details.originalStatus()).isNull();
    }

    @Test
    void noPermissionAndBadCredentialsAreBoth10002ButDifferentErrors() {
        server.reply(ExpressTestData.NO_PERMISSION, ExpressTestData.SECURITY_HEADER);

        SetCheckoutResult noPermission = connector.setExpressCheckout(setup("10", "USD", PaymentAction.SALE));
        SetCheckoutResult badCredentials = connector.setExpressCheckout(setup("10", "USD", PaymentAction.SALE));

        assertThat(noPermission.outcome().error()).isEqualTo(ExpressError.NO_PERMISSION);
        assertThat(noPermission.outcome().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(noPermission.outcome().shortMessage()).isEqualTo("Authentication/Authorization Failed");
        assertThat(badCredentials.outcome().error()).isEqualTo(ExpressError.BAD_CREDENTIALS);
        assertThat(badCredentials.outcome().message()).isEqualTo("Security header is not valid");
    }

    @Test
    void testConnectionGivesAVerdictInWords() throws IOException {
        server.reply(ExpressTestData.GUIDE_SET_EC, ExpressTestData.NO_PERMISSION, ExpressTestData.SECURITY_HEADER,
                ExpressTestData.TOTALS_MISMATCH);

        ConnectionCheck good = connector.testConnection(Currency.getInstance("CAD"));
        ConnectionCheck noPermission = connector.testConnection(Currency.getInstance("USD"));
        ConnectionCheck badCredentials = connector.testConnection(Currency.getInstance("USD"));
        ConnectionCheck refused = connector.testConnection(Currency.getInstance("USD"));
        ConnectionCheck unreachable = refusedConnector().testConnection(Currency.getInstance("USD"));

        assertThat(server.received().getFirst().body()).startsWith("METHOD=SetExpressCheckout" + HEADER_TAIL
                + "&PAYMENTREQUEST_0_AMT=1.00&PAYMENTREQUEST_0_CURRENCYCODE=CAD&PAYMENTREQUEST_0_PAYMENTACTION=Sale");
        assertThat(good.verdict()).isEqualTo(ConnectionCheck.Verdict.GOOD);
        assertThat(good.describe()).startsWith("Connection works");
        assertThat(noPermission.verdict()).isEqualTo(ConnectionCheck.Verdict.NO_PERMISSION);
        assertThat(noPermission.describe()).contains("Grant API permission", "10002",
                "You do not have permissions to make this API call");
        assertThat(badCredentials.verdict()).isEqualTo(ConnectionCheck.Verdict.BAD_CREDENTIALS);
        assertThat(refused.verdict()).isEqualTo(ConnectionCheck.Verdict.REFUSED);
        assertThat(unreachable.verdict()).isEqualTo(ConnectionCheck.Verdict.UNREACHABLE);
    }

    @Test
    void connectionRefusedIsNotSent() throws IOException {
        ExpressPayment payment = refusedConnector().doExpressCheckoutPayment("EC-1NK66318YB717835M", "95HR9CM6D56Q2",
                Money.of("19.95", "USD"), PaymentAction.SALE, null, MSGSUBID);

        assertThat(payment.outcome().status()).isEqualTo(PaymentStatus.NOT_SENT);
        assertThat(payment.outcome().message()).startsWith("not sent to PayPal: ");
    }

    @Test
    void timeoutAfterSendingIsUnknown() {
        ExpressCheckoutConnector impatient = new ExpressCheckoutConnector(
                ExpressTestData.config(server.endpoint(), Duration.ofSeconds(1)), http);
        server.reply(new Reply(200, ExpressTestData.GUIDE_DO_EC_COMPLETED, 4000));

        ExpressPayment payment = impatient.doExpressCheckoutPayment("EC-1NK66318YB717835M", "95HR9CM6D56Q2",
                Money.of("19.95", "USD"), PaymentAction.SALE, null, MSGSUBID);

        assertThat(server.received()).hasSize(1);
        assertThat(payment.outcome().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(payment.outcome().message()).startsWith("no answer from PayPal after sending");
    }

    @Test
    void http500AndUnreadableAnswersAreUnknown() {
        server.reply(new Reply(500, "Internal Server Error", 0), Reply.ok("ACK=Success&TOKEN=EC%zz"),
                Reply.ok("TOKEN=EC-X&TIMESTAMP=now"));

        SetCheckoutResult http500 = connector.setExpressCheckout(setup("10", "USD", PaymentAction.SALE));
        SetCheckoutResult garbage = connector.setExpressCheckout(setup("10", "USD", PaymentAction.SALE));
        SetCheckoutResult noAck = connector.setExpressCheckout(setup("10", "USD", PaymentAction.SALE));

        assertThat(http500.outcome().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(http500.outcome().message()).contains("HTTP 500");
        assertThat(garbage.outcome().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(garbage.outcome().message()).startsWith("unreadable PayPal answer");
        assertThat(noAck.outcome().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(noAck.token()).isNull();
    }

    @Test
    void programmingErrorsThrow() {
        assertThatThrownBy(() -> connector.doExpressCheckoutPayment("EC-1", "P", Money.of("1", "USD"),
                PaymentAction.SALE, null, "x".repeat(39))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connector.doVoid("A", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> connector.getExpressCheckoutDetails(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> setup("0", "USD", PaymentAction.SALE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received()).isEmpty();
    }

    private ExpressCheckoutConnector refusedConnector() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        return new ExpressCheckoutConnector(ExpressTestData.config(URI.create("http://127.0.0.1:" + closedPort + "/nvp"),
                Duration.ofSeconds(2)), http);
    }
}
