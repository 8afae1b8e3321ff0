package org.eventcommerce.payments.payflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.payflow.HostedPageReturn.Verification;
import org.junit.jupiter.api.Test;

/**
 * Checking what PayPal's hosted page sends back (§1.7 step 3). The approved parameters are the field set of a real
 * Payflow silent post (WebService::PayflowPro {@code t/response.t} fixture: ACCT last four, AMT, AUTHCODE, PNREF,
 * RESULT, SECURETOKEN, SECURETOKENID, TENDER=CC, TRXTYPE/TYPE=S, …).
 */
class HostedPageReturnTest {

    private static final String ID = "DB034C3E-1914-11E5-9F6E-A581E074F348";
    private static final Money USD_1_01 = Money.of("1.01", "USD");

    private static Map<String, String> silentPost() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ACCT", "9990");
        p.put("AMT", "1.01");
        p.put("AUTHCODE", "111111");
        p.put("AVSADDR", "Y");
        p.put("AVSZIP", "Y");
        p.put("CVV2MATCH", "Y");
        p.put("PNREF", "B73P7D8BB233");
        p.put("RESPMSG", "Approved");
        p.put("RESULT", "0");
        p.put("SECURETOKEN", "8PbL3UE8NaUGOQdAtGzAY8wZf");
        p.put("SECURETOKENID", ID);
        p.put("TENDER", "CC");
        p.put("TRANSTIME", "2015-06-22 12:28:52");
        p.put("TRXTYPE", "S");
        p.put("TYPE", "S");
        return p;
    }

    @Test
    void aMatchingApprovalIsPaid() {
        HostedPageReturn r = HostedPageReturn.verify(ID, TransactionKind.SALE, USD_1_01, silentPost());

        assertThat(r.verification()).isEqualTo(Verification.MATCHED);
        assertThat(r.isPaid()).isTrue();
        assertThat(r.result().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(r.result().reference()).isEqualTo("B73P7D8BB233");
        assertThat(r.result().authCode()).isEqualTo("111111");
        assertThat(r.result().amount()).isEqualTo(USD_1_01);
        assertThat(r.result().fields()).containsEntry("SECURETOKEN", NvpScrubber.FILTERED)
                .containsEntry("ACCT", NvpScrubber.FILTERED);
    }

    @Test
    void anotherTokenIdIsNeverPaid() {
        HostedPageReturn r = HostedPageReturn.verify("11111111-2222-3333-4444-555555555555", TransactionKind.SALE,
                USD_1_01, silentPost());

        assertThat(r.verification()).isEqualTo(Verification.SECURE_TOKEN_ID_MISMATCH);
        assertThat(r.isPaid()).isFalse();
        assertThat(r.result().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(r.result().message()).startsWith(HostedPageReturn.NOT_PAID_PREFIX + "SECURETOKENID");
    }

    @Test
    void anotherAmountOrAMissingAmountIsNeverPaid() {
        Map<String, String> other = silentPost();
        other.put("AMT", "0.01");
        Map<String, String> none = silentPost();
        none.remove("AMT");

        HostedPageReturn r1 = HostedPageReturn.verify(ID, TransactionKind.SALE, USD_1_01, other);
        HostedPageReturn r2 = HostedPageReturn.verify(ID, TransactionKind.SALE, USD_1_01, none);

        assertThat(r1.verification()).isEqualTo(Verification.AMOUNT_MISMATCH);
        assertThat(r1.result().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(r1.result().message()).isEqualTo(HostedPageReturn.NOT_PAID_PREFIX
                + "AMT 0.01 is not the 1.01 asked for (RESULT 0, Approved)");
        assertThat(r2.verification()).isEqualTo(Verification.AMOUNT_MISMATCH);
        assertThat(r2.isPaid()).isFalse();
    }

    @Test
    void anotherCurrencyIsNeverPaid() {
        Map<String, String> p = silentPost();
        p.put("CURRENCY", "EUR");

        HostedPageReturn r = HostedPageReturn.verify(ID, TransactionKind.SALE, USD_1_01, p);

        assertThat(r.verification()).isEqualTo(Verification.CURRENCY_MISMATCH);
        assertThat(r.result().status()).isEqualTo(PaymentStatus.UNKNOWN);
    }

    @Test
    void aMatchingDeclineIsDeclinedAndAFraudReviewHeld() {
        Map<String, String> declined = silentPost();
        declined.put("RESULT", "12");
        declined.put("RESPMSG", "Declined");
        declined.remove("AMT"); // a decline is trusted without AMT: it never pays
        Map<String, String> review = silentPost();
        review.put("RESULT", "126");

        assertThat(HostedPageReturn.verify(ID, TransactionKind.SALE, USD_1_01, declined).result().status())
                .isEqualTo(PaymentStatus.DECLINED);
        HostedPageReturn held = HostedPageReturn.verify(ID, TransactionKind.SALE, USD_1_01, review);
        assertThat(held.result().status()).isEqualTo(PaymentStatus.HELD);
        assertThat(held.isPaid()).isFalse();
    }

    @Test
    void withoutResultItIsIncomplete() {
        Map<String, String> p = silentPost();
        p.remove("RESULT");

        HostedPageReturn r = HostedPageReturn.verify(ID, TransactionKind.SALE, USD_1_01, p);

        assertThat(r.verification()).isEqualTo(Verification.INCOMPLETE);
        assertThat(r.result().status()).isEqualTo(PaymentStatus.UNKNOWN);
    }

    @Test
    void parsesAFormEncodedSilentPostBody() {
        Map<String, String> p = HostedPageReturn.parseForm("RESULT=0&RESPMSG=Approved&SECURETOKEN=a%2Bb%3D%3D"
                + "&SECURETOKENID=" + ID + "&AMT=1.01&BILLTONAME=Foo+Bar&EMPTY=&RESULT=12");

        assertThat(p).containsEntry("RESULT", "0").containsEntry("SECURETOKEN", "a+b==")
                .containsEntry("BILLTONAME", "Foo Bar").containsEntry("EMPTY", "");
        assertThat(HostedPageReturn.verify(ID, TransactionKind.SALE, USD_1_01, p).isPaid()).isTrue();
    }
}
