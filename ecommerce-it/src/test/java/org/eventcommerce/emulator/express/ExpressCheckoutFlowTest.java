package org.eventcommerce.emulator.express;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.eventcommerce.emulator.PayPalEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Set → redirect → Get → Do flow and the follow-on calls, over raw HTTP, as the guides describe them (§3.3):
 * SetExpressCheckout, the approval page, GetExpressCheckoutDetails, DoExpressCheckoutPayment, DoCapture, DoVoid,
 * RefundTransaction, GetTransactionDetails.
 */
@Timeout(20)
class ExpressCheckoutFlowTest {

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

    @Test
    void setExpressCheckoutAnswersATokenWithPayPalsHeaderFields() throws Exception {
        String raw = client.raw("METHOD=SetExpressCheckout&" + NvpTestClient.CREDENTIALS
                + "&PAYMENTREQUEST_0_AMT=25.00&PAYMENTREQUEST_0_CURRENCYCODE=USD&PAYMENTREQUEST_0_PAYMENTACTION=Sale"
                + "&L_PAYMENTREQUEST_0_NAME0=Seat&L_PAYMENTREQUEST_0_AMT0=10.00&L_PAYMENTREQUEST_0_QTY0=2"
                + "&PAYMENTREQUEST_0_ITEMAMT=20.00&PAYMENTREQUEST_0_TAXAMT=5.00"
                + "&RETURNURL=https%3A%2F%2Fshop.example%2Freturn&CANCELURL=https%3A%2F%2Fshop.example%2Fcancel");
        Map<String, String> answer = NvpTestClient.decode(raw);

        assertThat(raw).startsWith("TOKEN=EC%2d").contains("&ACK=Success&", "&VERSION=124%2e0&");
        assertThat(answer.keySet()).containsExactly("TOKEN", "TIMESTAMP", "CORRELATIONID", "ACK", "VERSION", "BUILD");
        assertThat(answer.get("TOKEN")).matches("EC-[A-Z0-9]{17}");
        assertThat(answer.get("TIMESTAMP")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(answer.get("CORRELATIONID")).matches("[0-9a-f]{13}");
        assertThat(answer.get("BUILD")).matches("\\d+");
    }

    @Test
    void saleFromApprovalToRefund() throws Exception {
        String token = client.setUp("25.00", "USD", "Sale");

        Map<String, String> before = client.call("GetExpressCheckoutDetails", "TOKEN=" + token);
        assertThat(before).containsEntry("ACK", "Success").containsEntry("CHECKOUTSTATUS", "PaymentActionNotInitiated")
                .containsEntry("PAYMENTREQUEST_0_AMT", "25.00").containsEntry("PAYMENTREQUEST_0_CURRENCYCODE", "USD")
                .doesNotContainKey("PAYERID");

        HttpResponse<String> page = client.get("/cgi-bin/webscr?cmd=_express-checkout&token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("id=\"approve\"", "id=\"cancel\"", "25.00 USD", "merchant@demo.example",
                "Workshop");

        assertThat(client.approve(token)).isEqualTo("https://shop.example/return?order=7&token=" + token
                + "&PayerID=DEMOBUYER0001");

        Map<String, String> approved = client.call("GetExpressCheckoutDetails", "TOKEN=" + token);
        assertThat(approved).containsEntry("PAYERID", "DEMOBUYER0001").containsEntry("EMAIL", "buyer@demo.example")
                .containsEntry("CHECKOUTSTATUS", "PaymentActionNotInitiated");

        Map<String, String> paid = client.pay(token, "25.00", "USD", "Sale", "attempt-1");
        assertThat(paid).containsEntry("ACK", "Success").containsEntry("PAYMENTINFO_0_PAYMENTSTATUS", "Completed")
                .containsEntry("PAYMENTINFO_0_PENDINGREASON", "None").containsEntry("PAYMENTINFO_0_AMT", "25.00")
                .containsEntry("PAYMENTINFO_0_CURRENCYCODE", "USD").containsEntry("MSGSUBID", "attempt-1")
                .containsEntry("TOKEN", token);
        String transactionId = paid.get("PAYMENTINFO_0_TRANSACTIONID");
        assertThat(transactionId).matches("[A-Z0-9]{17}");

        assertThat(client.call("GetExpressCheckoutDetails", "TOKEN=" + token))
                .containsEntry("CHECKOUTSTATUS", "PaymentActionCompleted")
                .containsEntry("PAYMENTREQUEST_0_TRANSACTIONID", transactionId);
        assertThat(client.get("/cgi-bin/webscr?cmd=_express-checkout&token=" + token).statusCode()).isEqualTo(409);

        assertThat(client.call("GetTransactionDetails", "TRANSACTIONID=" + transactionId))
                .containsEntry("ACK", "Success").containsEntry("PAYMENTSTATUS", "Completed").containsEntry("AMT", "25.00")
                .containsEntry("CURRENCYCODE", "USD").containsEntry("PAYERID", "DEMOBUYER0001");

        Map<String, String> partial = client.call("RefundTransaction", "TRANSACTIONID=" + transactionId
                + "&REFUNDTYPE=Partial&AMT=10.00&CURRENCYCODE=USD&MSGSUBID=refund-1");
        assertThat(partial).containsEntry("ACK", "Success").containsEntry("GROSSREFUNDAMT", "10.00")
                .containsEntry("TOTALREFUNDEDAMOUNT", "10.00").containsEntry("REFUNDSTATUS", "Instant");
        assertThat(partial.get("REFUNDTRANSACTIONID")).matches("[A-Z0-9]{17}");

        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + transactionId
                + "&REFUNDTYPE=Partial&AMT=15.01&CURRENCYCODE=USD&MSGSUBID=refund-2"))
                .containsEntry("ACK", "Failure").containsEntry("L_ERRORCODE0", "10009");
        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + transactionId
                + "&REFUNDTYPE=Full&CURRENCYCODE=USD&MSGSUBID=refund-3"))
                .containsEntry("L_ERRORCODE0", "10009")
                .containsEntry("L_LONGMESSAGE0", "Cannot do a full refund after a partial refund");
        assertThat(client.call("GetTransactionDetails", "TRANSACTIONID=" + transactionId))
                .containsEntry("PAYMENTSTATUS", "Partially_Refunded");

        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + transactionId
                + "&REFUNDTYPE=Partial&AMT=15.00&CURRENCYCODE=USD&MSGSUBID=refund-4"))
                .containsEntry("ACK", "Success").containsEntry("TOTALREFUNDEDAMOUNT", "25.00");
        assertThat(client.call("GetTransactionDetails", "TRANSACTIONID=" + transactionId))
                .containsEntry("PAYMENTSTATUS", "Refunded");
        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + transactionId
                + "&REFUNDTYPE=Partial&AMT=1.00&CURRENCYCODE=USD&MSGSUBID=refund-5"))
                .containsEntry("L_LONGMESSAGE0", "This transaction has already been fully refunded");
    }

    @Test
    void fullRefundOfASale() throws Exception {
        String token = client.setUp("40.00", "CAD", "Sale");
        client.approve(token);
        String id = client.pay(token, "40.00", "CAD", "Sale", "m-1").get("PAYMENTINFO_0_TRANSACTIONID");

        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + id + "&REFUNDTYPE=Partial&AMT=1.00&CURRENCYCODE=USD"))
                .containsEntry("L_ERRORCODE0", "10009")
                .containsEntry("L_LONGMESSAGE0", "The partial refund must be the same currency as the original transaction");
        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + id + "&REFUNDTYPE=Partial&AMT=40.01&CURRENCYCODE=CAD"))
                .containsEntry("L_ERRORCODE0", "10009").containsEntry("L_LONGMESSAGE0",
                        "The partial refund amount must be less than or equal to the original transaction amount");
        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + id + "&REFUNDTYPE=Full&CURRENCYCODE=CAD"))
                .containsEntry("ACK", "Success").containsEntry("GROSSREFUNDAMT", "40.00").containsEntry("CURRENCYCODE", "CAD");
        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + id + "&REFUNDTYPE=Full&CURRENCYCODE=CAD"))
                .containsEntry("L_ERRORCODE0", "10009");
        assertThat(client.call("RefundTransaction", "TRANSACTIONID=UNKNOWN0000000000&REFUNDTYPE=Full"))
                .containsEntry("L_ERRORCODE0", "10004").containsEntry("L_LONGMESSAGE0", "The transaction id is not valid");
    }

    @Test
    void aRefundResentWithTheSameMsgSubIdRefundsOnce() throws Exception {
        String token = client.setUp("30.00", "USD", "Sale");
        client.approve(token);
        String id = client.pay(token, "30.00", "USD", "Sale", "pay-r").get("PAYMENTINFO_0_TRANSACTIONID");

        Map<String, String> first = client.call("RefundTransaction", "TRANSACTIONID=" + id
                + "&REFUNDTYPE=Partial&AMT=12.00&CURRENCYCODE=USD&MSGSUBID=refund-once");
        Map<String, String> again = client.call("RefundTransaction", "TRANSACTIONID=" + id
                + "&REFUNDTYPE=Partial&AMT=12.00&CURRENCYCODE=USD&MSGSUBID=refund-once");

        assertThat(again).containsEntry("ACK", "Success")
                .containsEntry("REFUNDTRANSACTIONID", first.get("REFUNDTRANSACTIONID"))
                .containsEntry("TOTALREFUNDEDAMOUNT", "12.00");
        assertThat(client.get("/control/ec/transactions").body().lines()
                .filter(l -> l.contains("KIND=REFUND") && l.contains("PARENT=" + id))).hasSize(1);
        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + id
                + "&REFUNDTYPE=Partial&AMT=18.00&CURRENCYCODE=USD&MSGSUBID=refund-two"))
                .containsEntry("ACK", "Success").containsEntry("TOTALREFUNDEDAMOUNT", "30.00");
    }

    @Test
    void aPendingPaymentIsCompletedOrDeniedByPayPal() throws Exception {
        client.control("pending?reason=echeck&count=2");
        String token = client.setUp("20.00", "USD", "Sale");
        client.approve(token);
        Map<String, String> paid = client.pay(token, "20.00", "USD", "Sale", "pend-1");
        assertThat(paid).containsEntry("PAYMENTINFO_0_PAYMENTSTATUS", "Pending")
                .containsEntry("PAYMENTINFO_0_PENDINGREASON", "echeck");
        String id = paid.get("PAYMENTINFO_0_TRANSACTIONID");
        // A pending sale can be neither refunded nor voided.
        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + id + "&REFUNDTYPE=Full&CURRENCYCODE=USD"))
                .containsEntry("L_ERRORCODE0", "10009");
        assertThat(client.call("DoVoid", "AUTHORIZATIONID=" + id)).containsEntry("L_ERRORCODE0", "10609");

        assertThat(client.control("complete?transaction=" + id).statusCode()).isEqualTo(200);
        assertThat(client.call("GetTransactionDetails", "TRANSACTIONID=" + id))
                .containsEntry("PAYMENTSTATUS", "Completed").containsEntry("PENDINGREASON", "None");
        assertThat(client.control("complete?transaction=" + id).statusCode()).isEqualTo(400);

        String other = client.setUp("21.00", "USD", "Sale");
        client.approve(other);
        String denied = client.pay(other, "21.00", "USD", "Sale", "pend-2").get("PAYMENTINFO_0_TRANSACTIONID");
        assertThat(client.control("deny?transaction=" + denied).statusCode()).isEqualTo(200);
        assertThat(client.call("GetTransactionDetails", "TRANSACTIONID=" + denied))
                .containsEntry("PAYMENTSTATUS", "Denied").containsEntry("PENDINGREASON", "None");
    }

    @Test
    void authorizationCapturedInPartsThenCompleted() throws Exception {
        String token = client.setUp("50.00", "CAD", "Authorization");
        assertThat(client.control("approve?token=" + token).body().strip()).isEqualTo("DEMOBUYER0001");

        Map<String, String> auth = client.pay(token, "50.00", "CAD", "Authorization", "auth-1");
        assertThat(auth).containsEntry("PAYMENTINFO_0_PAYMENTSTATUS", "Pending")
                .containsEntry("PAYMENTINFO_0_PENDINGREASON", "authorization");
        String authId = auth.get("PAYMENTINFO_0_TRANSACTIONID");

        Map<String, String> first = client.call("DoCapture", "AUTHORIZATIONID=" + authId
                + "&AMT=30.00&CURRENCYCODE=CAD&COMPLETETYPE=NotComplete&MSGSUBID=cap-1");
        assertThat(first).containsEntry("ACK", "Success").containsEntry("AUTHORIZATIONID", authId)
                .containsEntry("PAYMENTSTATUS", "Completed").containsEntry("AMT", "30.00")
                .containsEntry("CURRENCYCODE", "CAD").containsEntry("PARENTTRANSACTIONID", authId);
        assertThat(first.get("TRANSACTIONID")).matches("[A-Z0-9]{17}").isNotEqualTo(authId);

        assertThat(client.call("DoCapture", "AUTHORIZATIONID=" + authId + "&AMT=20.00&COMPLETETYPE=Complete"))
                .containsEntry("L_ERRORCODE0", "10613"); // no CURRENCYCODE: USD assumed (§6 item 8)
        assertThat(client.call("DoCapture", "AUTHORIZATIONID=" + authId
                + "&AMT=20.01&CURRENCYCODE=CAD&COMPLETETYPE=Complete")).containsEntry("L_ERRORCODE0", "10610");
        assertThat(client.call("DoCapture", "AUTHORIZATIONID=" + authId
                + "&AMT=20.00&CURRENCYCODE=CAD&COMPLETETYPE=Complete&MSGSUBID=cap-2")).containsEntry("ACK", "Success");
        assertThat(client.call("DoCapture", "AUTHORIZATIONID=" + authId
                + "&AMT=1.00&CURRENCYCODE=CAD&COMPLETETYPE=Complete")).containsEntry("L_ERRORCODE0", "10602");
        assertThat(client.call("GetTransactionDetails", "TRANSACTIONID=" + authId))
                .containsEntry("PAYMENTSTATUS", "Completed");
        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + authId + "&REFUNDTYPE=Full&CURRENCYCODE=CAD"))
                .containsEntry("L_ERRORCODE0", "10009");
        assertThat(client.call("RefundTransaction", "TRANSACTIONID=" + first.get("TRANSACTIONID")
                + "&REFUNDTYPE=Full&CURRENCYCODE=CAD")).containsEntry("ACK", "Success").containsEntry("GROSSREFUNDAMT", "30.00");
    }

    @Test
    void authorizationVoided() throws Exception {
        String token = client.setUp("12.00", "USD", "Authorization");
        client.approve(token);
        String authId = client.pay(token, "12.00", "USD", "Authorization", "a-1").get("PAYMENTINFO_0_TRANSACTIONID");

        assertThat(client.call("DoVoid", "AUTHORIZATIONID=" + authId + "&MSGSUBID=void-1"))
                .containsEntry("ACK", "Success").containsEntry("AUTHORIZATIONID", authId).containsEntry("MSGSUBID", "void-1");
        assertThat(client.call("GetTransactionDetails", "TRANSACTIONID=" + authId)).containsEntry("PAYMENTSTATUS", "Voided");
        assertThat(client.call("DoVoid", "AUTHORIZATIONID=" + authId)).containsEntry("L_ERRORCODE0", "10600");
        assertThat(client.call("DoVoid", "AUTHORIZATIONID=" + authId + "&MSGSUBID=void-1"))
                .as("the same MSGSUBID gives the first answer again").containsEntry("ACK", "Success");
        assertThat(client.call("DoCapture", "AUTHORIZATIONID=" + authId + "&AMT=12.00&CURRENCYCODE=USD&COMPLETETYPE=Complete"))
                .containsEntry("L_ERRORCODE0", "10600");
        assertThat(client.call("DoVoid", "AUTHORIZATIONID=NOSUCHAUTH0000000")).containsEntry("L_ERRORCODE0", "10609");
    }

    @Test
    void cancelRedirectsToTheCancelUrlAndLeavesThePaymentUnauthorized() throws Exception {
        String token = client.setUp("9.99", "USD", "Sale");

        HttpResponse<String> cancel = client.postForm("/cgi-bin/webscr", "cmd=_express-checkout&token=" + token
                + "&action=cancel");

        assertThat(cancel.statusCode()).isEqualTo(302);
        assertThat(cancel.headers().firstValue("Location")).hasValue("https://shop.example/cancel?order=7&token=" + token);
        assertThat(client.pay(token, "9.99", "USD", "Sale", "c-1")).containsEntry("ACK", "Failure")
                .containsEntry("L_ERRORCODE0", "10485");
        client.approve(token); // the buyer may still change their mind: the token stays valid
        assertThat(client.pay(token, "9.99", "USD", "Sale", "c-1")).containsEntry("ACK", "Success");
    }

    @Test
    void approvalPageRefusesUnknownExpiredAndMalformedRequests() throws Exception {
        HttpResponse<String> unknown = client.get("/cgi-bin/webscr?cmd=_express-checkout&token=EC-00000000000000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"error\"");

        String token = client.setUp("5.00", "USD", "Sale");
        client.control("expire?token=" + token);
        HttpResponse<String> expired = client.get("/cgi-bin/webscr?cmd=_express-checkout&useraction=commit&token=" + token);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("id=\"error\"", "expired");
        assertThat(client.postForm("/cgi-bin/webscr", "cmd=_express-checkout&token=" + token + "&action=approve")
                .statusCode()).isEqualTo(410);

        assertThat(client.get("/cgi-bin/webscr?token=" + token).statusCode()).isEqualTo(400);
        assertThat(client.postForm("/cgi-bin/webscr", "cmd=_express-checkout&token=" + token + "&action=maybe")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void controlsListCheckoutsTransactionsAndMerchants() throws Exception {
        String token = client.setUp("5.00", "USD", "Sale");
        client.approve(token);
        client.pay(token, "5.00", "USD", "Sale", "l-1");

        assertThat(client.get("/control/ec/checkouts").body()).contains("TOKEN=" + token,
                "CHECKOUTSTATUS=PaymentActionCompleted");
        assertThat(client.get("/control/ec/transactions").body()).contains("KIND=SALE", "AMT=5.00");
        assertThat(client.get("/control/ec/merchants").body()).isEqualTo("merchant.ca@demo.example CA\n"
                + "merchant@demo.example US\n");
        assertThat(client.postForm("/control/reset", "").statusCode()).isEqualTo(200);
        assertThat(client.get("/control/ec/checkouts").body()).isEmpty();
        assertThat(client.get("/control/ec/nothing").statusCode()).isEqualTo(404);
        assertThat(client.get("/control/ec/reset").statusCode()).isEqualTo(405);
        assertThat(client.control("fail-funding?count=x").statusCode()).isEqualTo(400);
    }
}
