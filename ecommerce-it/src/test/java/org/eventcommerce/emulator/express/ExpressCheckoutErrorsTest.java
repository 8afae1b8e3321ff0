package org.eventcommerce.emulator.express;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eventcommerce.emulator.PayPalEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each documented error of §3.4/§3.5/§3.6 over raw HTTP, and the controls that provoke them. */
@Timeout(20)
class ExpressCheckoutErrorsTest {

    private PayPalEmulator emulator;
    private NvpTestClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = PayPalEmulator.start("127.0.0.1", 0);
        client = new NvpTestClient(emulator.baseUri());
    }

    @AfterEach
    void stop() {
        emulator.stop();
    }

    private static void assertError(Map<String, String> answer, String code, String longMessage) {
        assertThat(answer).containsEntry("ACK", "Failure").containsEntry("L_ERRORCODE0", code)
                .containsEntry("L_SEVERITYCODE0", "Error").containsKeys("L_SHORTMESSAGE0", "CORRELATIONID",
                        "TIMESTAMP", "VERSION", "BUILD");
        if (longMessage != null) {
            assertThat(answer).containsEntry("L_LONGMESSAGE0", longMessage);
        }
    }

    private static final String SET_FIELDS = "PAYMENTREQUEST_0_PAYMENTACTION=Sale"
            + "&RETURNURL=https%3A%2F%2Fshop.example%2Fr&CANCELURL=https%3A%2F%2Fshop.example%2Fc";

    @Test
    void wrongApiCredentialsAre10002SecurityHeader() throws Exception {
        Map<String, String> answer = client.call("METHOD=SetExpressCheckout&VERSION=124.0"
                + "&USER=platform_api1.demo.example&PWD=wrong&SIGNATURE=Emulator-Signature.AFcWxV21C7fd0v3bYYYRCpSSRl31A"
                + "&SUBJECT=merchant%40demo.example&PAYMENTREQUEST_0_AMT=1.00&" + SET_FIELDS);

        assertError(answer, "10002", "Security header is not valid");
        assertThat(answer).containsEntry("L_SHORTMESSAGE0", "Security error").containsEntry("VERSION", "124.0");
    }

    @Test
    void subjectWithoutPermissionIs10002UntilPermitted() throws Exception {
        String body = "METHOD=SetExpressCheckout&" + NvpTestClient.CREDENTIALS.replace("merchant%40demo.example",
                "newhost%40demo.example") + "&PAYMENTREQUEST_0_AMT=1.00&" + SET_FIELDS;

        assertError(client.call(body), "10002", "You do not have permissions to make this API call");
        assertThat(client.call(body).get("L_SHORTMESSAGE0")).isEqualTo("Authentication/Authorization Failed");

        assertThat(client.control("permit?email=NewHost%40demo.example").statusCode()).isEqualTo(200);
        assertThat(client.call(body)).containsEntry("ACK", "Success");
        assertThat(client.get("/control/ec/merchants").body()).contains("newhost@demo.example US");

        client.control("revoke?email=newhost%40demo.example");
        assertError(client.call(body), "10002", null);
    }

    @Test
    void anotherMerchantsTokenIsNotUsable() throws Exception {
        String token = client.setUp("5.00", "USD", "Sale");
        client.approve(token);
        String asCanada = NvpTestClient.CREDENTIALS.replace("merchant%40demo.example", "merchant.ca%40demo.example");

        assertError(client.call("METHOD=GetExpressCheckoutDetails&" + asCanada + "&TOKEN=" + token), "10410", null);
        assertError(client.call("METHOD=DoExpressCheckoutPayment&" + asCanada + "&TOKEN=" + token
                + "&PAYERID=DEMOBUYER0001&PAYMENTREQUEST_0_AMT=5.00&PAYMENTREQUEST_0_CURRENCYCODE=USD"), "10409", null);
    }

    @Test
    void itemTotalsThatDoNotAddUpAre10413() throws Exception {
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=25.00&PAYMENTREQUEST_0_CURRENCYCODE=USD"
                + "&L_PAYMENTREQUEST_0_AMT0=10.00&L_PAYMENTREQUEST_0_QTY0=2&PAYMENTREQUEST_0_ITEMAMT=20.01"
                + "&PAYMENTREQUEST_0_TAXAMT=5.00&" + SET_FIELDS), "10413",
                "The totals of the cart item amounts do not match order amounts.");
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=25.00&PAYMENTREQUEST_0_CURRENCYCODE=USD"
                + "&PAYMENTREQUEST_0_ITEMAMT=20.00&PAYMENTREQUEST_0_SHIPPINGAMT=4.99&" + SET_FIELDS), "10413", null);
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=25.00&PAYMENTREQUEST_0_CURRENCYCODE=USD"
                + "&L_PAYMENTREQUEST_0_AMT0=25.00&" + SET_FIELDS), "10413", null); // items without ITEMAMT
        assertThat(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=25.00&PAYMENTREQUEST_0_CURRENCYCODE=USD"
                + "&L_PAYMENTREQUEST_0_AMT0=30.00&L_PAYMENTREQUEST_0_AMT1=-5.00&PAYMENTREQUEST_0_ITEMAMT=25.00&"
                + SET_FIELDS)).containsEntry("ACK", "Success");
    }

    @Test
    void currenciesAndTheirDecimals() throws Exception {
        assertThat(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=1500&PAYMENTREQUEST_0_CURRENCYCODE=JPY&"
                + SET_FIELDS)).containsEntry("ACK", "Success");
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=1500.00&PAYMENTREQUEST_0_CURRENCYCODE=JPY&"
                + SET_FIELDS), "10401", "Order total is invalid.");
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=9000.50&PAYMENTREQUEST_0_CURRENCYCODE=HUF&"
                + SET_FIELDS), "10401", null);
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=300.5&PAYMENTREQUEST_0_CURRENCYCODE=TWD&"
                + SET_FIELDS), "10401", null);
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=10.5&PAYMENTREQUEST_0_CURRENCYCODE=USD&"
                + SET_FIELDS), "10401", null);
        assertThat(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=1%2C234.50&PAYMENTREQUEST_0_CURRENCYCODE=CAD&"
                + SET_FIELDS)).containsEntry("ACK", "Success");
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=10.00&PAYMENTREQUEST_0_CURRENCYCODE=BRL&"
                + SET_FIELDS), "10605", "Currency is not supported."); // BRL only for Brazilian accounts
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=10.00&PAYMENTREQUEST_0_CURRENCYCODE=XYZ&"
                + SET_FIELDS), "10605", null);
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=0.00&PAYMENTREQUEST_0_CURRENCYCODE=USD&"
                + SET_FIELDS), "10525", null);
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_CURRENCYCODE=USD&" + SET_FIELDS), "10400", null);
        assertError(client.call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=1.00&PAYMENTREQUEST_0_PAYMENTACTION=Sale"
                + "&CANCELURL=https%3A%2F%2Fshop.example%2Fc"), "10471", null);
    }

    @Test
    void aYenPaymentIsAnsweredWithoutDecimals() throws Exception {
        String token = client.setUp("1500", "JPY", "Sale");
        client.approve(token);

        assertThat(client.pay(token, "1500", "JPY", "Sale", "y-1")).containsEntry("PAYMENTINFO_0_AMT", "1500")
                .containsEntry("PAYMENTINFO_0_TAXAMT", "0");
    }

    @Test
    void currencyChangedBetweenSetAndDoIs10444() throws Exception {
        String token = client.setUp("10.00", "CAD", "Sale");
        client.approve(token);

        assertError(client.call("DoExpressCheckoutPayment", "TOKEN=" + token + "&PAYERID=DEMOBUYER0001"
                + "&PAYMENTREQUEST_0_AMT=10.00"), "10444", null); // no CURRENCYCODE: USD assumed
    }

    @Test
    void tokensExpireAfterThreeHours() throws Exception {
        String token = client.setUp("5.00", "USD", "Sale");
        client.approve(token);

        assertThat(client.control("clock?advance=PT2H59M").statusCode()).isEqualTo(200);
        assertThat(client.call("GetExpressCheckoutDetails", "TOKEN=" + token)).containsEntry("ACK", "Success");
        client.control("clock?advance=60");

        assertError(client.call("GetExpressCheckoutDetails", "TOKEN=" + token), "10411",
                "This Express Checkout session has expired.  Token value is no longer valid.");
        assertError(client.pay(token, "5.00", "USD", "Sale", "late-1"), "10411", null);
        assertThat(client.get("/control/ec/clock").body()).isNotBlank();
    }

    @Test
    void expireControlEndsASessionAtOnce() throws Exception {
        String token = client.setUp("5.00", "USD", "Sale");
        assertThat(client.control("expire?token=" + token).statusCode()).isEqualTo(200);
        assertThat(client.control("expire?token=EC-NOPE").statusCode()).isEqualTo(400);

        assertError(client.call("GetExpressCheckoutDetails", "TOKEN=" + token), "10411", null);
        assertError(client.call("GetExpressCheckoutDetails", "TOKEN=EC-00000000000000000"), "10410", "Invalid token.");
    }

    @Test
    void fundingFailure10486SendsTheBuyerBackWithTheSameToken() throws Exception {
        String token = client.setUp("30.00", "USD", "Sale");
        client.approve(token);
        assertThat(client.control("fail-funding?count=1").statusCode()).isEqualTo(200);

        assertError(client.pay(token, "30.00", "USD", "Sale", "f-1"), "10486",
                "This transaction couldn't be completed. Please redirect your customer to PayPal.");
        assertThat(client.call("GetExpressCheckoutDetails", "TOKEN=" + token))
                .containsEntry("CHECKOUTSTATUS", "PaymentActionFailed");
        assertError(client.pay(token, "30.00", "USD", "Sale", "f-1"), "10486", null); // not yet back on PayPal

        assertThat(client.get("/cgi-bin/webscr?cmd=_express-checkout&token=" + token).statusCode()).isEqualTo(200);
        assertThat(client.approve(token)).contains("token=" + token, "PayerID=DEMOBUYER0001");
        Map<String, String> paid = client.pay(token, "30.00", "USD", "Sale", "f-1");
        assertThat(paid).containsEntry("ACK", "Success").containsEntry("PAYMENTINFO_0_PAYMENTSTATUS", "Completed");
        assertThat(emulator.express().controls()).isNotNull();
    }

    @Test
    void pendingControlHoldsThePayment() throws Exception {
        String token = client.setUp("30.00", "USD", "Sale");
        client.approve(token);
        client.control("pending?reason=multi-currency");

        Map<String, String> paid = client.pay(token, "30.00", "USD", "Sale", "p-1");

        assertThat(paid).containsEntry("ACK", "Success").containsEntry("PAYMENTINFO_0_PAYMENTSTATUS", "Pending")
                .containsEntry("PAYMENTINFO_0_PENDINGREASON", "multi-currency");
        assertThat(client.call("GetTransactionDetails", "TRANSACTIONID=" + paid.get("PAYMENTINFO_0_TRANSACTIONID")))
                .containsEntry("PAYMENTSTATUS", "Pending").containsEntry("PENDINGREASON", "multi-currency");
    }

    @Test
    void identicalRepeatOfAMsgSubIdGetsTheSameAnswerAndChargesOnce() throws Exception {
        String token = client.setUp("30.00", "USD", "Sale");
        client.approve(token);

        Map<String, String> first = client.pay(token, "30.00", "USD", "Sale", "same-1");
        Map<String, String> again = client.pay(token, "30.00", "USD", "Sale", "same-1");

        assertThat(again).containsEntry("ACK", "Success").containsEntry("PAYMENTINFO_0_TRANSACTIONID",
                first.get("PAYMENTINFO_0_TRANSACTIONID")).containsEntry("MSGSUBID", "same-1");
        assertThat(again.get("CORRELATIONID")).isNotEqualTo(first.get("CORRELATIONID"));
        assertThat(client.get("/control/ec/transactions").body().lines()).hasSize(1);
    }

    @Test
    void reusedMsgSubIdForAnotherPaymentIs11607WithTheOriginalPaymentInfo() throws Exception {
        String first = client.setUp("30.00", "USD", "Sale");
        client.approve(first);
        Map<String, String> paid = client.pay(first, "30.00", "USD", "Sale", "reused-1");
        String second = client.setUp("45.00", "USD", "Sale");
        client.approve(second);

        Map<String, String> duplicate = client.pay(second, "45.00", "USD", "Sale", "reused-1");

        assertThat(duplicate).containsEntry("ACK", "SuccessWithWarning").containsEntry("L_ERRORCODE0", "11607")
                .containsEntry("L_SHORTMESSAGE0", "Duplicate Request").containsEntry("L_SEVERITYCODE0", "Warning")
                .containsEntry("PAYMENTINFO_0_TRANSACTIONID", paid.get("PAYMENTINFO_0_TRANSACTIONID"))
                .containsEntry("PAYMENTINFO_0_AMT", "30.00");
        assertThat(client.call("GetExpressCheckoutDetails", "TOKEN=" + second))
                .containsEntry("CHECKOUTSTATUS", "PaymentActionNotInitiated");
        assertThat(client.get("/control/ec/transactions").body().lines()).hasSize(1);
        assertThat(client.pay(second, "45.00", "USD", "Sale", "fresh-2")).containsEntry("ACK", "Success");
    }

    @Test
    void payingAPaidTokenAgainWithoutItsMsgSubIdIs10415() throws Exception {
        String token = client.setUp("30.00", "USD", "Sale");
        client.approve(token);
        client.pay(token, "30.00", "USD", "Sale", "once-1");

        assertError(client.pay(token, "30.00", "USD", "Sale", "once-2"), "10415",
                "A successful transaction has already been completed for this token.");
        assertError(client.pay(token, "30.00", "USD", "Sale", null), "10415", null);
    }

    @Test
    void concurrentResendsOfOneAttemptChargeOnce() throws Exception {
        String token = client.setUp("30.00", "USD", "Sale");
        client.approve(token);
        List<Callable<Map<String, String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> client.pay(token, "30.00", "USD", "Sale", "race-1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> ids = new ArrayList<>();
            for (Future<Map<String, String>> f : pool.invokeAll(calls)) {
                assertThat(f.get()).containsEntry("ACK", "Success");
                ids.add(f.get().get("PAYMENTINFO_0_TRANSACTIONID"));
            }
            assertThat(ids).containsOnly(ids.getFirst());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingOrWrongFieldsOnDoExpressCheckoutPayment() throws Exception {
        String token = client.setUp("5.00", "USD", "Sale");
        assertError(client.pay(token, "5.00", "USD", "Sale", "x-1"), "10485", null); // not approved yet
        client.approve(token);
        assertError(client.call("DoExpressCheckoutPayment", "TOKEN=" + token + "&PAYMENTREQUEST_0_AMT=5.00"), "10419", null);
        assertError(client.call("DoExpressCheckoutPayment", "TOKEN=" + token + "&PAYERID=SOMEONEELSE01"
                + "&PAYMENTREQUEST_0_AMT=5.00"), "10406", null);
        assertError(client.call("DoExpressCheckoutPayment", "PAYERID=DEMOBUYER0001&PAYMENTREQUEST_0_AMT=5.00"),
                "10408", null);
        assertError(client.pay(token, "5.001", "USD", "Sale", "x-2"), "10401", null);
        assertError(client.call("DoExpressCheckoutPayment", "TOKEN=" + token + "&PAYERID=DEMOBUYER0001"
                + "&PAYMENTREQUEST_0_AMT=5.00&MSGSUBID=" + "m".repeat(39)), "10004", null);
        assertError(client.call("NoSuchMethod", ""), "81002", null);
    }

    @Test
    void anUnreadableBodyGetsAnNvpError() throws Exception {
        Map<String, String> answer = client.call("METHOD=SetExpressCheckout&PWD=%zz");
        assertThat(answer).containsEntry("ACK", "Failure").containsEntry("L_ERRORCODE0", "10001");
        assertThat(client.get("/nvp").statusCode()).isEqualTo(405);
    }
}
