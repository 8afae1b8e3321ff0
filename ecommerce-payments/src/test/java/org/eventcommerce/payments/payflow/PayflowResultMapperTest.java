package org.eventcommerce.payments.payflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcommerce.payments.PaymentStatus.APPROVED;
import static org.eventcommerce.payments.PaymentStatus.DECLINED;
import static org.eventcommerce.payments.PaymentStatus.HELD;
import static org.eventcommerce.payments.PaymentStatus.NOT_SENT;
import static org.eventcommerce.payments.PaymentStatus.UNKNOWN;
import static org.eventcommerce.payments.payflow.PayflowTestData.SALE;
import static org.eventcommerce.payments.payflow.PayflowTestData.USD_1234_50;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayflowResultMapperTest {

    private static final Attempt INQUIRY_ATTEMPT = new Attempt("inq-0001", "INQ000000001");
    private static final PaymentRequest INQUIRY =
            PaymentRequest.inquiryByCustRef(INQUIRY_ATTEMPT, USD_1234_50, "CR7QX2M4KP9A");

    /** Every RESULT named in the brief, and a sample of the others, from PFP-2009 Table 6.9 (§1.6). */
    @ParameterizedTest(name = "RESULT {0} -> {1}")
    @CsvSource(textBlock = """
            0, APPROVED
            126, HELD
            127, HELD
            11, UNKNOWN
            103, UNKNOWN
            104, UNKNOWN
            107, UNKNOWN
            109, UNKNOWN
            150, UNKNOWN
            -1, NOT_SENT
            -2, NOT_SENT
            -8, NOT_SENT
            -12, NOT_SENT
            -105, NOT_SENT
            1, DECLINED
            4, DECLINED
            7, DECLINED
            12, DECLINED
            13, DECLINED
            19, DECLINED
            20, DECLINED
            23, DECLINED
            24, DECLINED
            26, DECLINED
            30, DECLINED
            99, DECLINED
            102, DECLINED
            105, DECLINED
            106, DECLINED
            108, DECLINED
            111, DECLINED
            112, DECLINED
            114, DECLINED
            125, DECLINED
            128, DECLINED
            151, DECLINED
            160, DECLINED
            1000, DECLINED
            """)
    void mapsResultCodes(int result, PaymentStatus expected) {
        assertThat(PayflowResultMapper.status(result)).isEqualTo(expected);
        assertThat(PayflowResultMapper.isAmbiguous(result)).isEqualTo(expected == UNKNOWN);
    }

    @ParameterizedTest(name = "ORIGRESULT={0} TRANSSTATE={1} -> {2}")
    @CsvSource(nullValues = "NULL", textBlock = """
            0,    NULL, APPROVED
            0,    8,    APPROVED
            0,    3,    APPROVED
            0,    1008, DECLINED
            0,    1000, DECLINED
            126,  NULL, HELD
            127,  3,    HELD
            126,  1003, DECLINED
            104,  NULL, UNKNOWN
            11,   106,  UNKNOWN
            12,   1,    DECLINED
            23,   NULL, DECLINED
            -1,   NULL, DECLINED
            NULL, NULL, UNKNOWN
            x,    NULL, UNKNOWN
            NULL, 1009, DECLINED
            0,    abc,  APPROVED
            """)
    void mapsTheOriginalTransactionOfAnInquiry(String origResult, String transState, PaymentStatus expected) {
        assertThat(PayflowResultMapper.originalStatus(origResult, transState)).isEqualTo(expected);
    }

    @Test
    void guideApprovedAnswer() {
        // PFP-2009 ch.6 response example (§1.5)
        PaymentResult result = PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode(PayflowTestData.GUIDE_APPROVED));

        assertThat(result.status()).isEqualTo(APPROVED);
        assertThat(result.resultCode()).isEqualTo("0");
        assertThat(result.message()).isEqualTo("APPROVED");
        assertThat(result.reference()).isEqualTo("EFHP0D426A53");
        assertThat(result.authCode()).isEqualTo("25TEST");
        assertThat(result.amount()).isNull();
        assertThat(result.duplicate()).isFalse();
        assertThat(result.originalStatus()).isNull();
        assertThat(result.fields()).containsEntry("AVSADDR", "Y").containsEntry("AVSZIP", "N")
                .containsEntry("CVV2MATCH", "Y").hasSize(7);
    }

    @Test
    void verboseAnswerCarriesTheAmountAndScrubsTheEchoedAccount() {
        // VERBOSITY=HIGH adds AMT, ACCT (last 4), TRANSTIME... [PFP-2009 App. D; omnipay-payflow PurchaseSuccess.txt]
        PaymentResult result = PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode("RESULT=0&PNREF=VA0A2B3C4D5E"
                + "&RESPMSG=Approved&AUTHCODE=010101&AMT=1234.50&ACCT=1111&TRANSTIME=2026-01-02 10:11:12"));

        assertThat(result.amount()).isEqualTo(USD_1234_50);
        assertThat(result.fields()).containsEntry("ACCT", "[FILTERED]").containsEntry("TRANSTIME", "2026-01-02 10:11:12");
    }

    @Test
    void declinedAnswer() {
        PaymentResult result = PayflowResultMapper.fromAnswer(SALE,
                NvpDecoder.decode("RESULT=12&PNREF=VA0A2B3C4D5F&RESPMSG=Declined&AMT=1234.50"));

        assertThat(result.status()).isEqualTo(DECLINED);
        assertThat(result.resultCode()).isEqualTo("12");
        assertThat(result.message()).isEqualTo("Declined");
    }

    @Test
    void fraudReviewIsHeld() {
        // django-oscar-paypal tests/unit/payflow/gateway_tests.py fixture style (§1.5 PREFPSMSG)
        PaymentResult result = PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode(
                "RESULT=126&PNREF=V19A2E6CC5B7&RESPMSG=Under review by Fraud Service&AUTHCODE=010101"
                        + "&PREFPSMSG=Review: More than one rule was triggered for Review&POSTFPSMSG=Review"));

        assertThat(result.status()).isEqualTo(HELD);
        assertThat(result.authCode()).isEqualTo("010101");
    }

    @Test
    void matchingDuplicateKeepsItsStatus() {
        PaymentResult result = PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode(
                "RESULT=0&PNREF=EFHP0D426A53&RESPMSG=Approved&AUTHCODE=25TEST&AMT=1234.50&DUPLICATE=1"));

        assertThat(result.status()).isEqualTo(APPROVED);
        assertThat(result.duplicate()).isTrue();
        assertThat(result.message()).isEqualTo("Approved");
    }

    @Test
    void duplicateWithAnotherAmountIsUnknown() {
        PaymentResult result = PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode(
                "RESULT=0&PNREF=EFHP0D426A53&RESPMSG=Approved&AMT=99.06&DUPLICATE=1"));

        assertThat(result.status()).isEqualTo(UNKNOWN);
        assertThat(result.message()).isEqualTo("duplicate answer does not match this attempt");
        assertThat(result.duplicate()).isTrue();
        assertThat(result.resultCode()).isEqualTo("0");
        assertThat(result.reference()).isEqualTo("EFHP0D426A53");
        assertThat(result.amount()).isEqualTo(Money.of("99.06", "USD"));
    }

    @Test
    void duplicateWithAnotherAmountIsAMismatchWhoseReferenceIsAnotherTransactions() {
        PaymentResult result = PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode(
                "RESULT=0&PNREF=EFHP0D426A53&RESPMSG=Approved&AUTHCODE=25TEST&AMT=99.06&CUSTREF=CR7QX2M4KP9A"
                        + "&DUPLICATE=1"));

        assertThat(PayflowResultMapper.isDuplicateMismatch(result)).isTrue();
        assertThat(result.status()).isEqualTo(UNKNOWN);
        assertThat(result.amount()).isEqualTo(Money.of("99.06", "USD"));
    }

    @Test
    void duplicateEchoingAnotherCustrefCannotBeMatchedEvenForTheSameAmount() {
        // DESIGN.md step 4 "or that cannot be matched": the replay of another attempt's transaction (a colliding
        // X-VPS-REQUEST-ID, angelleye/paypal-woocommerce#97); VERBOSITY=HIGH answers echo CUSTREF
        PaymentResult other = PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode(
                "RESULT=0&PNREF=EFHP0D426A53&RESPMSG=Approved&AUTHCODE=25TEST&AMT=1234.50&CUSTREF=ZZZZZZZZZZZZ"
                        + "&DUPLICATE=1"));
        PaymentResult ours = PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode(
                "RESULT=0&PNREF=EFHP0D426A53&RESPMSG=Approved&AUTHCODE=25TEST&AMT=1234.50&CUSTREF=CR7QX2M4KP9A"
                        + "&DUPLICATE=1"));
        PaymentResult firstAnswer = PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode(
                "RESULT=0&PNREF=EFHP0D426A53&RESPMSG=Approved&AUTHCODE=25TEST&AMT=1234.50&CUSTREF=ZZZZZZZZZZZZ"));

        assertThat(other.status()).isEqualTo(UNKNOWN);
        assertThat(other.message()).isEqualTo(PayflowResultMapper.DUPLICATE_MISMATCH);
        assertThat(PayflowResultMapper.isDuplicateMismatch(other)).isTrue();
        assertThat(ours.status()).isEqualTo(APPROVED);
        assertThat(PayflowResultMapper.isDuplicateMismatch(ours)).isFalse();
        assertThat(firstAnswer.status()).as("only a replay is checked against the attempt").isEqualTo(APPROVED);
        assertThat(PayflowResultMapper.isDuplicateMismatch(firstAnswer)).isFalse();
    }

    @Test
    void anInquiryAnswerEchoesTheCustrefAskedAboutAndIsNoMismatch() {
        PaymentResult result = PayflowResultMapper.fromAnswer(INQUIRY, NvpDecoder.decode(
                "RESULT=0&PNREF=EQRB8A32CD69&ORIGPNREF=EFHP0D426A53&ORIGRESULT=0&TRANSSTATE=8&AMT=1234.50"
                        + "&CUSTREF=CR7QX2M4KP9A&DUPLICATE=1"));

        assertThat(result.status()).isEqualTo(APPROVED);
        assertThat(PayflowResultMapper.isDuplicateMismatch(result)).isFalse();
    }

    @Test
    void aPlainUnknownIsNoDuplicateMismatch() {
        assertThat(PayflowResultMapper.isDuplicateMismatch(PaymentResult.unknown(
                PayflowResultMapper.DUPLICATE_MISMATCH))).isFalse();
        assertThat(PayflowResultMapper.isDuplicateMismatch(null)).isFalse();
    }

    @Test
    void duplicateWithoutAmountIsUnknown() {
        PaymentResult result = PayflowResultMapper.fromAnswer(SALE,
                NvpDecoder.decode("RESULT=12&PNREF=EFHP0D426A53&RESPMSG=Declined&DUPLICATE=1"));

        assertThat(result.status()).isEqualTo(UNKNOWN);
        assertThat(result.message()).isEqualTo(PayflowResultMapper.DUPLICATE_MISMATCH);
    }

    @Test
    void duplicateOfAKindWithoutAmountKeepsItsStatus() {
        PaymentRequest voidRequest = PaymentRequest.voidOf(new Attempt("void-1", "VOID00000001"), USD_1234_50,
                "EFHP0D426A53");

        PaymentResult result = PayflowResultMapper.fromAnswer(voidRequest,
                NvpDecoder.decode("RESULT=0&PNREF=EFHP0D426A54&RESPMSG=Approved&DUPLICATE=1"));

        assertThat(result.status()).isEqualTo(APPROVED);
        assertThat(result.duplicate()).isTrue();
    }

    @Test
    void otherDuplicateFlagsAreUnknownAndZeroIsNoDuplicate() {
        PaymentResult two = PayflowResultMapper.fromAnswer(SALE,
                NvpDecoder.decode("RESULT=0&PNREF=EFHP0D426A53&RESPMSG=Approved&AMT=1234.50&DUPLICATE=2"));
        PaymentResult zero = PayflowResultMapper.fromAnswer(SALE,
                NvpDecoder.decode("RESULT=0&PNREF=EFHP0D426A53&RESPMSG=Approved&AMT=1234.50&DUPLICATE=0"));

        assertThat(two.status()).isEqualTo(UNKNOWN);
        assertThat(two.duplicate()).isFalse();
        assertThat(zero.status()).isEqualTo(APPROVED);
        assertThat(zero.duplicate()).isFalse();
    }

    @Test
    void answerWithoutUsableResultIsUnknown() {
        PaymentResult missing = PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode("PNREF=X&RESPMSG=Approved"));
        PaymentResult text = PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode("RESULT=OK&PNREF=X"));

        assertThat(missing.status()).isEqualTo(UNKNOWN);
        assertThat(missing.message()).isEqualTo("answer without RESULT");
        assertThat(text.status()).isEqualTo(UNKNOWN);
        assertThat(text.resultCode()).isEqualTo("OK");
    }

    @Test
    void amountsAreParsedInTheRequestCurrency() {
        PaymentRequest yen = PaymentRequest.credit(new Attempt("c-1", "CRED00000001"), Money.of("1500", "JPY"), "P1");

        assertThat(PayflowResultMapper.fromAnswer(yen, NvpDecoder.decode("RESULT=0&AMT=1500")).amount())
                .isEqualTo(Money.of("1500", "JPY"));
        assertThat(PayflowResultMapper.fromAnswer(yen, NvpDecoder.decode("RESULT=0&AMT=1500.00")).amount())
                .isEqualTo(Money.of("1500", "JPY"));
        assertThat(PayflowResultMapper.fromAnswer(yen, NvpDecoder.decode("RESULT=0&AMT=1500.50")).amount()).isNull();
        assertThat(PayflowResultMapper.fromAnswer(SALE, NvpDecoder.decode("RESULT=0&AMT=1,234.50")).amount()).isNull();
    }

    @Test
    void inquiryFoundReportsTheOriginal() {
        // the fields PayPal's SDK reads from an Inquiry answer [SDK TransactionResponse#setParams], as the
        // project's emulator sends them
        PaymentResult result = PayflowResultMapper.fromAnswer(INQUIRY, NvpDecoder.decode(
                "RESULT=0&PNREF=EQRB8A32CD69&ORIGPNREF=EFHP0D426A53&ORIGRESULT=0&TRANSSTATE=8&RESPMSG=Approved"
                        + "&AMT=1234.50&CUSTREF=CR7QX2M4KP9A"));

        assertThat(result.status()).isEqualTo(APPROVED);
        assertThat(result.originalStatus()).isEqualTo(APPROVED);
        assertThat(result.reference()).isEqualTo("EFHP0D426A53");
        assertThat(result.amount()).isEqualTo(USD_1234_50);
        assertThat(result.fields()).containsEntry("CUSTREF", "CR7QX2M4KP9A").containsEntry("TRANSSTATE", "8");
    }

    @Test
    void inquiryOfAVoidedTransaction() {
        PaymentResult result = PayflowResultMapper.fromAnswer(INQUIRY, NvpDecoder.decode(
                "RESULT=0&PNREF=EQRB8A32CD70&ORIGPNREF=EFHP0D426A53&ORIGRESULT=0&TRANSSTATE=1003&RESPMSG=Approved"));

        assertThat(result.status()).isEqualTo(APPROVED);
        assertThat(result.originalStatus()).isEqualTo(DECLINED);
    }

    @Test
    void inquiryOfAHeldTransactionAndFallbackToPnref() {
        PaymentResult result = PayflowResultMapper.fromAnswer(INQUIRY,
                NvpDecoder.decode("RESULT=0&PNREF=EFHP0D426A53&ORIGRESULT=126&RESPMSG=Approved"));

        assertThat(result.originalStatus()).isEqualTo(HELD);
        assertThat(result.reference()).isEqualTo("EFHP0D426A53");
    }

    @ParameterizedTest(name = "RESULT {0}")
    @CsvSource(delimiter = '|', textBlock = """
            19 | Original transaction ID not found
            20 | Cannot find customer reference
            """)
    void inquiryThatFindsNothingIsDeclinedWithItsCode(String code, String message) {
        PaymentResult result = PayflowResultMapper.fromAnswer(INQUIRY,
                NvpDecoder.decode("RESULT=" + code + "&PNREF=EQRB8A32CD71&RESPMSG=" + message));

        assertThat(result.status()).isEqualTo(DECLINED);
        assertThat(result.resultCode()).isEqualTo(code);
        assertThat(result.message()).isEqualTo(message);
        assertThat(result.originalStatus()).isNull();
    }

    @Test
    void transportFailuresBeforeSendingAreNotSent() {
        Throwable[] before = {
            new ConnectException("Connection refused"),
            new IOException("wrapped", new ConnectException()),
            new HttpConnectTimeoutException("HTTP connect timed out"),
            new IOException(new UnresolvedAddressException()),
            new UnknownHostException("pilot-payflowpro.paypal.com"),
            new SSLHandshakeException("PKIX path building failed"),
        };
        for (Throwable failure : before) {
            PaymentResult result = PayflowResultMapper.fromTransportFailure(failure);
            assertThat(result.status()).as(failure.toString()).isEqualTo(NOT_SENT);
            assertThat(result.message()).startsWith("not sent to Payflow: " + failure.getClass().getSimpleName());
        }
    }

    @Test
    void transportFailuresAfterSendingAreUnknown() {
        Throwable[] after = {
            new HttpTimeoutException("request timed out"),
            new IOException("Connection reset"),
            new IOException("HTTP/1.1 header parser received no bytes"),
            new InterruptedException(),
        };
        for (Throwable failure : after) {
            PaymentResult result = PayflowResultMapper.fromTransportFailure(failure);
            assertThat(result.status()).as(failure.toString()).isEqualTo(UNKNOWN);
            assertThat(result.resultCode()).isNull();
        }
        assertThat(PayflowResultMapper.fromTransportFailure(new HttpTimeoutException("request timed out")).message())
                .isEqualTo("no answer from Payflow after sending: HttpTimeoutException: request timed out");
    }

    @Test
    void httpStatusAndUnreadableBodyAreUnknown() {
        assertThat(PayflowResultMapper.fromHttpStatus(500).status()).isEqualTo(UNKNOWN);
        assertThat(PayflowResultMapper.fromHttpStatus(500).message()).isEqualTo("HTTP 500 from Payflow; outcome unknown");
        PaymentResult unreadable = PayflowResultMapper.fromUnreadableBody(new NvpFormatException("empty pair", 3));
        assertThat(unreadable.status()).isEqualTo(UNKNOWN);
        assertThat(unreadable.message()).isEqualTo("unreadable Payflow answer: empty pair (at offset 3)");
    }
}
