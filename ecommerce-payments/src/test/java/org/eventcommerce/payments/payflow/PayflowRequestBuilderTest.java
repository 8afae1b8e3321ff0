package org.eventcommerce.payments.payflow;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcommerce.payments.payflow.PayflowTestData.CARD;
import static org.eventcommerce.payments.payflow.PayflowTestData.CREDENTIALS;
import static org.eventcommerce.payments.payflow.PayflowTestData.PAN;
import static org.eventcommerce.payments.payflow.PayflowTestData.USD_1234_50;

import java.util.Map;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.Card;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayflowRequestBuilderTest {

    private static final Attempt ATTEMPT = new Attempt("fedcba9876543210fedcba9876543210", "ATT000000042");
    private static final String PNREF = "EFHP0D426A53";

    @Test
    void saleFieldsInWireOrder() {
        Map<String, String> fields = PayflowRequestBuilder.fields(PayflowTestData.SALE, CREDENTIALS);

        assertThat(fields).containsExactly(entry("TRXTYPE", "S"), entry("TENDER", "C"), entry("PARTNER", "PayPal"),
                entry("VENDOR", "acmeevents"), entry("USER", "acmeevents"), entry("PWD", "s3cr3tPwd"),
                entry("ACCT", PAN), entry("EXPDATE", "1229"), entry("CVV2", "123"),
                entry("BILLTOFIRSTNAME", "Ruff &"), entry("BILLTOLASTNAME", "Johnson=Co"), entry("AMT", "1234.50"),
                entry("CURRENCY", "USD"), entry("CUSTREF", "CR7QX2M4KP9A"), entry("VERBOSITY", "HIGH"),
                entry("COMMENT1", "Reservation \"VIP\" #42"), entry("INVNUM", "INV-1001"));
    }

    @Test
    void authorizationWithoutCvvOrHolder() {
        Card bare = Card.of(PAN, "1229", null, null);
        Map<String, String> fields = PayflowRequestBuilder.fields(
                PaymentRequest.authorization(ATTEMPT, Money.of("0", "EUR"), bare, null, null), CREDENTIALS);

        assertThat(fields.keySet()).containsExactly("TRXTYPE", "TENDER", "PARTNER", "VENDOR", "USER", "PWD", "ACCT",
                "EXPDATE", "AMT", "CURRENCY", "CUSTREF", "VERBOSITY");
        assertThat(fields).containsEntry("TRXTYPE", "A").containsEntry("AMT", "0.00").containsEntry("CURRENCY", "EUR");
    }

    @Test
    void captureCarriesOrigidAndAmount() {
        Map<String, String> fields = PayflowRequestBuilder.fields(
                PaymentRequest.capture(ATTEMPT, USD_1234_50, PNREF), CREDENTIALS);

        assertThat(fields).containsExactly(entry("TRXTYPE", "D"), entry("TENDER", "C"), entry("PARTNER", "PayPal"),
                entry("VENDOR", "acmeevents"), entry("USER", "acmeevents"), entry("PWD", "s3cr3tPwd"),
                entry("ORIGID", PNREF), entry("AMT", "1234.50"), entry("CURRENCY", "USD"),
                entry("CUSTREF", "ATT000000042"), entry("VERBOSITY", "HIGH"));
    }

    @Test
    void voidCarriesCurrencyButNoAmount() {
        Map<String, String> fields = PayflowRequestBuilder.fields(
                PaymentRequest.voidOf(ATTEMPT, Money.zero(java.util.Currency.getInstance("GBP")), PNREF), CREDENTIALS);

        assertThat(fields.keySet()).containsExactly("TRXTYPE", "TENDER", "PARTNER", "VENDOR", "USER", "PWD", "ORIGID",
                "CURRENCY", "CUSTREF", "VERBOSITY");
        assertThat(fields).containsEntry("TRXTYPE", "V").containsEntry("CURRENCY", "GBP");
    }

    @Test
    void creditCarriesOrigidAndAmount() {
        Map<String, String> fields = PayflowRequestBuilder.fields(
                PaymentRequest.credit(ATTEMPT, Money.of("100", "JPY"), PNREF), CREDENTIALS);

        assertThat(fields.keySet()).containsExactly("TRXTYPE", "TENDER", "PARTNER", "VENDOR", "USER", "PWD", "ORIGID",
                "AMT", "CURRENCY", "CUSTREF", "VERBOSITY");
        assertThat(fields).containsEntry("TRXTYPE", "C").containsEntry("AMT", "100").containsEntry("CURRENCY", "JPY");
    }

    @Test
    void creditOfAPayPalPaymentIsTenderP() {
        // PFP-EC 2013 Table A.15 "Credit request parameters": TRXTYPE=C, TENDER "It is always P", ORIGID = the PNREF
        Map<String, String> fields = PayflowRequestBuilder.fields(
                PaymentRequest.credit(ATTEMPT, Money.of("12.50", "USD"), PNREF), CREDENTIALS, true);

        assertThat(fields).containsExactly(entry("TRXTYPE", "C"), entry("TENDER", "P"), entry("PARTNER", "PayPal"),
                entry("VENDOR", "acmeevents"), entry("USER", "acmeevents"), entry("PWD", "s3cr3tPwd"),
                entry("ORIGID", PNREF), entry("AMT", "12.50"), entry("CURRENCY", "USD"),
                entry("CUSTREF", "ATT000000042"), entry("VERBOSITY", "HIGH"));
    }

    @Test
    void captureAndVoidOfAPayPalAuthorizationAreTenderP() {
        // PFP-EC 2013 Tables A.13 (Void) and A.17 (Delayed Capture): TENDER=P, ORIGID = the authorization's PNREF
        assertThat(PayflowRequestBuilder.fields(PaymentRequest.capture(ATTEMPT, USD_1234_50, PNREF), CREDENTIALS,
                true)).containsEntry("TRXTYPE", "D").containsEntry("TENDER", "P").containsEntry("ORIGID", PNREF)
                .containsEntry("AMT", "1234.50");
        assertThat(PayflowRequestBuilder.fields(PaymentRequest.voidOf(ATTEMPT, USD_1234_50, PNREF), CREDENTIALS,
                true)).containsEntry("TRXTYPE", "V").containsEntry("TENDER", "P").doesNotContainKey("AMT");
        assertThat(PayflowRequestBuilder.fields(PaymentRequest.credit(ATTEMPT, USD_1234_50, PNREF), CREDENTIALS))
                .containsEntry("TENDER", "C");
    }

    @Test
    void aPayPalTenderSaleIsRefused() {
        assertThatThrownBy(() -> PayflowRequestBuilder.fields(PaymentRequest.sale(ATTEMPT, USD_1234_50, CARD, null,
                null), CREDENTIALS, true)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(PAN);
    }

    @Test
    void inquiryByReferenceSendsOrigidAndItsOwnCustref() {
        Map<String, String> fields = PayflowRequestBuilder.fields(
                PaymentRequest.inquiryByReference(ATTEMPT, USD_1234_50, PNREF), CREDENTIALS);

        assertThat(fields.keySet()).containsExactly("TRXTYPE", "TENDER", "PARTNER", "VENDOR", "USER", "PWD", "ORIGID",
                "CURRENCY", "CUSTREF", "VERBOSITY");
        assertThat(fields).containsEntry("TRXTYPE", "I").containsEntry("ORIGID", PNREF)
                .containsEntry("CUSTREF", "ATT000000042");
    }

    @Test
    void inquiryByCustrefSendsTheCustrefAskedAbout() {
        // PFP-2009 pp.38-40 (§1.8): TRXTYPE=I&TENDER=C&...&CUSTREF=<ref>
        Map<String, String> fields = PayflowRequestBuilder.fields(
                PaymentRequest.inquiryByCustRef(ATTEMPT, USD_1234_50, "CR7QX2M4KP9A"), CREDENTIALS);

        assertThat(fields).containsExactly(entry("TRXTYPE", "I"), entry("TENDER", "C"), entry("PARTNER", "PayPal"),
                entry("VENDOR", "acmeevents"), entry("USER", "acmeevents"), entry("PWD", "s3cr3tPwd"),
                entry("CURRENCY", "USD"), entry("CUSTREF", "CR7QX2M4KP9A"), entry("VERBOSITY", "HIGH"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Noémie Brâncuși           | Noémie      | Brâncuși
            Ruff & Johnson=Co         | Ruff &      | Johnson=Co
            '  Jean   Paul  Sartre  ' | Jean Paul   | Sartre
            Cher                      | NULL        | Cher
            '   '                     | NULL        | NULL
            NULL                      | NULL        | NULL
            """)
    void splitsTheHolderAtTheLastSpace(String holder, String first, String last) {
        assertThat(PayflowRequestBuilder.splitHolder(holder)).containsExactly(first, last);
    }

    @Test
    void aSingleWordHolderIsSentAsLastNameOnly() {
        Map<String, String> fields = PayflowRequestBuilder.fields(PaymentRequest.sale(ATTEMPT, USD_1234_50,
                Card.of(PAN, "1229", "123", "Cher"), null, null), CREDENTIALS);

        assertThat(fields).doesNotContainKey("BILLTOFIRSTNAME").containsEntry("BILLTOLASTNAME", "Cher");
    }

    @Test
    void sendsAmountForAllButVoidAndInquiry() {
        assertThat(TransactionKind.values()).filteredOn(PayflowRequestBuilder::sendsAmount)
                .containsExactly(TransactionKind.SALE, TransactionKind.AUTHORIZATION, TransactionKind.CAPTURE,
                        TransactionKind.CREDIT);
    }

    @Test
    void refusesASaleWithoutACard() {
        PaymentRequest saleWithoutCard = new PaymentRequest(TransactionKind.SALE, ATTEMPT, USD_1234_50, null, null, null,
                null, null);

        assertThatThrownBy(() -> PayflowRequestBuilder.fields(saleWithoutCard, CREDENTIALS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SALE requires a card");
    }

    @Test
    void refusesProgrammingErrorsWithoutLeakingTheCard() {
        PaymentRequest[] wrong = {
            new PaymentRequest(TransactionKind.AUTHORIZATION, ATTEMPT, USD_1234_50, null, null, null, null, null),
            new PaymentRequest(TransactionKind.SALE, ATTEMPT, USD_1234_50, CARD, PNREF, null, null, null),
            new PaymentRequest(TransactionKind.SALE, ATTEMPT, USD_1234_50,
                    Card.of("4111111111111112", "1229", "123", null), null, null, null, null),
            new PaymentRequest(TransactionKind.AUTHORIZATION, ATTEMPT, USD_1234_50,
                    Card.of("41111111111", "1229", "123", null), null, null, null, null),
            new PaymentRequest(TransactionKind.SALE, ATTEMPT, Money.of("0", "USD"), CARD, null, null, null, null),
            new PaymentRequest(TransactionKind.SALE, ATTEMPT, Money.of("-1", "USD"), CARD, null, null, null, null),
            new PaymentRequest(TransactionKind.SALE, ATTEMPT, USD_1234_50, CARD, null, "CR7QX2M4KP9A", null, null),
            new PaymentRequest(TransactionKind.CAPTURE, ATTEMPT, USD_1234_50, null, null, null, null, null),
            new PaymentRequest(TransactionKind.CAPTURE, ATTEMPT, Money.of("0", "USD"), null, PNREF, null, null, null),
            new PaymentRequest(TransactionKind.CREDIT, ATTEMPT, USD_1234_50, CARD, PNREF, null, null, null),
            new PaymentRequest(TransactionKind.VOID, ATTEMPT, USD_1234_50, null, " ", null, null, null),
            new PaymentRequest(TransactionKind.INQUIRY, ATTEMPT, USD_1234_50, null, null, null, null, null),
            new PaymentRequest(TransactionKind.INQUIRY, ATTEMPT, USD_1234_50, null, PNREF, "CR7QX2M4KP9A", null, null),
            new PaymentRequest(TransactionKind.INQUIRY, ATTEMPT, USD_1234_50, CARD, PNREF, null, null, null),
        };
        for (PaymentRequest request : wrong) {
            assertThatThrownBy(() -> PayflowRequestBuilder.fields(request, CREDENTIALS))
                    .as(request.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain(PAN).doesNotContain("1111").doesNotContain("s3cr3tPwd");
        }
    }
}
