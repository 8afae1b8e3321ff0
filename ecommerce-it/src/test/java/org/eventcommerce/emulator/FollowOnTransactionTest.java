package org.eventcommerce.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcommerce.emulator.PayflowTestClient.authorization;
import static org.eventcommerce.emulator.PayflowTestClient.followOn;
import static org.eventcommerce.emulator.PayflowTestClient.sale;

import org.eventcommerce.emulator.PayflowTestClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capture, void, credit and inquiry against an ORIGID or CUSTREF (paypal-protocols.md §1.4, §1.8, §1.10). */
class FollowOnTransactionTest {

    private PayPalEmulator emulator;
    private PayflowTestClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = PayPalEmulator.start("127.0.0.1", 0);
        client = new PayflowTestClient(emulator.baseUri());
    }

    @AfterEach
    void stop() {
        emulator.stop();
    }

    private String approvedAuthorization(String amt) throws Exception {
        Answer auth = client.post(authorization(amt));
        assertThat(auth.result()).isZero();
        return auth.pnref();
    }

    private String approvedSale(String amt) throws Exception {
        Answer sale = client.post(sale(amt));
        assertThat(sale.result()).isZero();
        return sale.pnref();
    }

    @Test
    void capturesAnAuthorizationOnceForItsAmount() throws Exception {
        String auth = approvedAuthorization("50.00");

        Answer capture = client.post(followOn("D", "ORIGID=" + auth + "&VERBOSITY=HIGH"));
        assertThat(capture.result()).isZero();
        assertThat(capture.pnref()).isNotEqualTo(auth);
        assertThat(capture.get("AMT")).isEqualTo("50.00");

        Answer again = client.post(followOn("D", "ORIGID=" + auth));
        assertThat(again.result()).isEqualTo(111);
        assertThat(again.get("RESPMSG")).isEqualTo("Capture error");

        Answer inquiry = client.post(followOn("I", "ORIGID=" + auth));
        assertThat(inquiry.get("TRANSSTATE")).isEqualTo("9");
    }

    @Test
    void capturesLessThanButNotMoreThanTheAuthorizedAmount() throws Exception {
        String auth = approvedAuthorization("50.00");
        assertThat(client.post(followOn("D", "ORIGID=" + auth + "&AMT=50.01")).result()).isEqualTo(111);
        assertThat(client.post(followOn("D", "ORIGID=" + auth + "&AMT=5.0")).result()).isEqualTo(4);

        Answer partial = client.post(followOn("D", "ORIGID=" + auth + "&AMT=40.00"));
        assertThat(partial.result()).isZero();
        assertThat(emulator.ledger().find(partial.pnref()).orElseThrow().amount()).isEqualByComparingTo("40.00");
    }

    @Test
    void refusesACaptureWithoutOrWithAnUnknownOrigid() throws Exception {
        Answer missing = client.post(followOn("D", ""));
        assertThat(missing.result()).isEqualTo(7);
        assertThat(missing.get("RESPMSG")).startsWith("Field format error");

        assertThat(client.post(followOn("D", "ORIGID=AAAAAAAAAAAA")).result()).isEqualTo(19);
    }

    @Test
    void refusesToCaptureASaleOrADeclinedAuthorization() throws Exception {
        assertThat(client.post(followOn("D", "ORIGID=" + approvedSale("10.00"))).result()).isEqualTo(111);

        Answer declined = client.post(authorization("1012.00"));
        assertThat(client.post(followOn("D", "ORIGID=" + declined.pnref())).result()).isEqualTo(120);
    }

    @Test
    void voidsAnAuthorizationButNotACapturedOne() throws Exception {
        String open = approvedAuthorization("20.00");
        Answer voided = client.post(followOn("V", "ORIGID=" + open));
        assertThat(voided.result()).isZero();
        assertThat(client.post(followOn("V", "ORIGID=" + open)).result()).isEqualTo(108);
        assertThat(client.post(followOn("D", "ORIGID=" + open)).result()).isEqualTo(111);
        assertThat(client.post(followOn("I", "ORIGID=" + open)).get("TRANSSTATE")).isEqualTo("1003");

        String captured = approvedAuthorization("20.00");
        assertThat(client.post(followOn("D", "ORIGID=" + captured)).result()).isZero();
        Answer voidCaptured = client.post(followOn("V", "ORIGID=" + captured));
        assertThat(voidCaptured.result()).isEqualTo(108);
        assertThat(voidCaptured.get("RESPMSG")).isEqualTo("Void error");
    }

    @Test
    void voidsAnUnsettledSaleButNotASettledOne() throws Exception {
        String unsettled = approvedSale("30.00");
        assertThat(client.post(followOn("V", "ORIGID=" + unsettled)).result()).isZero();
        assertThat(client.post(followOn("I", "ORIGID=" + unsettled)).get("TRANSSTATE")).isEqualTo("1008");

        String settled = approvedSale("30.00");
        assertThat(client.controlPost("settle").statusCode()).isEqualTo(200);
        assertThat(client.post(followOn("V", "ORIGID=" + settled)).result()).isEqualTo(108);
        assertThat(client.post(followOn("V", "")).result()).isEqualTo(7);
        assertThat(client.post(followOn("V", "ORIGID=ZZZZZZZZZZZZ")).result()).isEqualTo(19);
    }

    @Test
    void creditsASaleUpToWhatIsLeft() throws Exception {
        String sale = approvedSale("100.00");

        assertThat(client.post(followOn("C", "ORIGID=" + sale + "&AMT=60.00")).result()).isZero();
        Answer tooMuch = client.post(followOn("C", "ORIGID=" + sale + "&AMT=40.01"));
        assertThat(tooMuch.result()).isEqualTo(105);
        assertThat(tooMuch.get("RESPMSG")).isEqualTo("Credit error");
        Answer rest = client.post(followOn("C", "ORIGID=" + sale + "&VERBOSITY=HIGH"));
        assertThat(rest.result()).isZero();
        assertThat(rest.get("AMT")).isEqualTo("40.00");
        assertThat(client.post(followOn("C", "ORIGID=" + sale + "&AMT=0.01")).result()).isEqualTo(105);
    }

    @Test
    void creditsACapture() throws Exception {
        String auth = approvedAuthorization("500.00");
        Answer capture = client.post(followOn("D", "ORIGID=" + auth));

        Answer credit = client.post(followOn("C", "ORIGID=" + capture.pnref() + "&AMT=500.00"));

        assertThat(credit.result()).isZero();
        assertThat(client.post(followOn("C", "ORIGID=" + capture.pnref() + "&AMT=0.01")).result()).isEqualTo(105);
        assertThat(client.post(followOn("V", "ORIGID=" + capture.pnref())).result())
                .as("a credited capture cannot be voided").isEqualTo(108);
    }

    @Test
    void refusesToCreditAnAuthorization() throws Exception {
        String auth = approvedAuthorization("10.00");

        assertThat(client.post(followOn("C", "ORIGID=" + auth)).result()).isEqualTo(105);
        assertThat(client.post(followOn("C", "ORIGID=UNKNOWN00000")).result()).isEqualTo(19);
        assertThat(client.post(followOn("C", "")).result()).isEqualTo(7);
    }

    @Test
    void refusesReferencesToAnotherMerchantsTransactions() throws Exception {
        emulator.accounts().register(new MerchantAccount("PayPal", "othermerchant", "othermerchant", "other-pw1"));
        String auth = approvedAuthorization("10.00");
        String other = followOn("D", "ORIGID=" + auth).replace(PayflowTestClient.CREDENTIALS,
                "PARTNER=PayPal&VENDOR=othermerchant&USER=othermerchant&PWD=other-pw1");

        assertThat(client.post(other).result()).isEqualTo(19);
    }

    @Test
    void inquiresByOrigid() throws Exception {
        Answer sale = client.post(sale("25.00") + "&CUSTREF=INQ-1");

        Answer inquiry = client.post(followOn("I", "ORIGID=" + sale.pnref()));

        assertThat(inquiry.raw()).startsWith("RESULT=0&PNREF=");
        assertThat(inquiry.pnref()).isNotEqualTo(sale.pnref()).matches("[A-Z0-9]{12}");
        assertThat(inquiry.get("ORIGPNREF")).isEqualTo(sale.pnref());
        assertThat(inquiry.get("ORIGRESULT")).isEqualTo("0");
        assertThat(inquiry.get("TRANSSTATE")).isEqualTo("8");
        assertThat(inquiry.get("RESPMSG")).isEqualTo("Approved");
        assertThat(inquiry.get("AMT")).isEqualTo("25.00");
        assertThat(inquiry.get("CUSTREF")).isEqualTo("INQ-1");
    }

    @Test
    void inquiresByCustrefAndReturnsOnlyTheLastTransaction() throws Exception {
        client.post(sale("10.00") + "&CUSTREF=ORDER-7");
        Answer declined = client.post(sale("1012.00") + "&CUSTREF=ORDER-7");
        client.post(sale("11.00") + "&CUSTREF=ORDER-8");

        Answer inquiry = client.post(followOn("I", "CUSTREF=ORDER-7"));

        assertThat(inquiry.result()).isZero();
        assertThat(inquiry.get("ORIGPNREF")).isEqualTo(declined.pnref());
        assertThat(inquiry.get("ORIGRESULT")).isEqualTo("12");
        assertThat(inquiry.get("TRANSSTATE")).isEqualTo("1");
        assertThat(inquiry.get("AMT")).isEqualTo("1012.00");

        Answer again = client.post(followOn("I", "CUSTREF=ORDER-7"));
        assertThat(again.get("ORIGPNREF")).as("an inquiry is not itself found").isEqualTo(declined.pnref());
    }

    @Test
    void answers19Or20WhenTheInquiryFindsNothing() throws Exception {
        assertThat(client.post(followOn("I", "ORIGID=NOSUCHPNREF1")).result()).isEqualTo(19);
        Answer custref = client.post(followOn("I", "CUSTREF=NOTHING"));
        assertThat(custref.result()).isEqualTo(20);
        assertThat(custref.get("RESPMSG")).isEqualTo("Cannot find the customer reference number");
        assertThat(client.post(followOn("I", "")).result()).isEqualTo(7);
    }

    @Test
    void inquiryFollowsTheOriginalVerbosity() throws Exception {
        Answer sale = client.post(sale("25.00") + "&VERBOSITY=HIGH");

        Answer inquiry = client.post(followOn("I", "ORIGID=" + sale.pnref()));

        assertThat(inquiry.get("ACCT")).isEqualTo("1111");
        assertThat(inquiry.get("CARDTYPE")).isEqualTo("0");
        assertThat(inquiry.get("TRANSTIME")).isEqualTo(sale.get("TRANSTIME"));
    }

    @Test
    void recordsFollowOnsWithTheirOrigid() throws Exception {
        String auth = approvedAuthorization("10.00");
        Answer capture = client.post(followOn("D", "ORIGID=" + auth));

        String lines = client.controlGet("transactions").body();

        assertThat(lines.lines()).hasSize(2);
        assertThat(lines.lines().toList().get(1)).startsWith("PNREF=" + capture.pnref() + "&TRXTYPE=D&AMT=10.00"
                + "&CURRENCY=USD&CUSTREF=&REQUESTID=").endsWith("&RESULT=0&ORIGID=" + auth);
    }

    @Test
    void aSaleHeldForReviewReportsSettledOnceTheMerchantAcceptsIt() throws Exception {
        Answer held = client.post(sale("1126.00"));
        assertThat(held.result()).isEqualTo(126);
        Answer before = client.post(followOn("I", "ORIGID=" + held.pnref()));
        assertThat(before.get("ORIGRESULT")).isEqualTo("126");
        assertThat(before.get("TRANSSTATE")).isEqualTo("3");
        assertThat(emulator.control().acceptReview(held.pnref())).isTrue();
        Answer after = client.post(followOn("I", "ORIGID=" + held.pnref()));
        assertThat(after.get("ORIGRESULT")).isEqualTo("126");
        assertThat(after.get("TRANSSTATE")).isEqualTo("8");
        assertThat(emulator.control().acceptReview(approvedSale("10.00"))).as("only a held one").isFalse();
    }
}
