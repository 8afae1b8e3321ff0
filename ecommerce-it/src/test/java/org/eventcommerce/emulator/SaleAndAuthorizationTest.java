package org.eventcommerce.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcommerce.emulator.PayflowTestClient.CREDENTIALS;
import static org.eventcommerce.emulator.PayflowTestClient.authorization;
import static org.eventcommerce.emulator.PayflowTestClient.futureExpiry;
import static org.eventcommerce.emulator.PayflowTestClient.sale;

import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.emulator.PayflowTestClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Sales and authorizations against the pilot rules of paypal-protocols.md §1.10. */
class SaleAndAuthorizationTest {

    private final List<String> log = new ArrayList<>();
    private PayPalEmulator emulator;
    private PayflowTestClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = PayPalEmulator.start("127.0.0.1", 0, java.time.Clock.systemUTC(), line -> {
            synchronized (log) {
                log.add(line);
            }
        });
        client = new PayflowTestClient(emulator.baseUri());
    }

    @AfterEach
    void stop() {
        emulator.stop();
    }

    @Test
    void approvesAThousandDollarSale() throws Exception {
        Answer answer = client.post(sale("1000.00") + "&CVV2=123&BILLTOSTREET=123 Main St&BILLTOZIP=12345");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("text/namevalue");
        assertThat(answer.raw()).startsWith("RESULT=0&PNREF=");
        assertThat(answer.get("RESPMSG")).isEqualTo("Approved");
        assertThat(answer.pnref()).matches("[A-Z0-9]{12}");
        assertThat(answer.get("AUTHCODE")).hasSize(6);
        assertThat(answer.get("AVSADDR")).isEqualTo("Y");
        assertThat(answer.get("AVSZIP")).isEqualTo("Y");
        assertThat(answer.get("CVV2MATCH")).isEqualTo("Y");
        assertThat(emulator.transactions()).singleElement()
                .satisfies(t -> {
                    assertThat(t.pnref()).isEqualTo(answer.pnref());
                    assertThat(t.trxType()).isEqualTo("S");
                    assertThat(t.result()).isZero();
                    assertThat(t.acctLastFour()).isEqualTo("1111");
                });
    }

    @Test
    void declinesWithResult12At1012() throws Exception {
        Answer answer = client.post(sale("1012.00"));

        assertThat(answer.result()).isEqualTo(12);
        assertThat(answer.get("RESPMSG")).isEqualTo("Declined");
        assertThat(answer.pnref()).isNotEmpty();
        assertThat(answer.get("AUTHCODE")).isNull();
    }

    @Test
    void flagsForFraudReviewAt1126AndLeavesAnAuthorization() throws Exception {
        Answer answer = client.post(authorization("1126.00"));

        assertThat(answer.result()).isEqualTo(126);
        assertThat(answer.get("RESPMSG")).isEqualTo("Under review by Fraud Service");
        assertThat(answer.get("AUTHCODE")).isNotEmpty();

        Answer inquiry = client.post(PayflowTestClient.followOn("I", "ORIGID=" + answer.pnref()));
        assertThat(inquiry.get("ORIGRESULT")).isEqualTo("126");
        assertThat(inquiry.get("TRANSSTATE")).isEqualTo("3");
    }

    @ParameterizedTest
    @CsvSource({
        "2100.00, 12",
        "2000.00, 1000",
        "1013.00, 13",
        "1104.00, 104",
        "1001.00, 12",   // 1 is not a processor code
        "1000.50, 12",
        "999.99, 0",
        "0.01, 0"
    })
    void appliesTheAmountRules(String amt, int expected) throws Exception {
        assertThat(client.post(sale(amt)).result()).isEqualTo(expected);
    }

    @Test
    void refusesBadCredentialsWithResult1() throws Exception {
        String body = sale("10.00").replace("PWD=emulator-pw1", "PWD=wrong-password");

        Answer answer = client.post(body);

        assertThat(answer.raw()).isEqualTo("RESULT=1&RESPMSG=User authentication failed");
        assertThat(emulator.transactions()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"PARTNER=PayPal, PARTNER=PayPalUK", "VENDOR=demomerchant, VENDOR=Demomerchant",
        "USER=demomerchant, USER=someoneelse"})
    void refusesAnyOtherCredentialCombination(String from, String to) throws Exception {
        assertThat(client.post(sale("10.00").replace(from, to)).result()).isEqualTo(1);
    }

    @Test
    void acceptsAnAccountAddedToTheRegistry() throws Exception {
        emulator.accounts().register(new MerchantAccount("PayPalUK", "ukmerchant", "ukmerchant", "uk-secret1"));
        String body = sale("10.00").replace(CREDENTIALS,
                "PARTNER=PayPalUK&VENDOR=ukmerchant&USER=ukmerchant&PWD=uk-secret1");

        assertThat(client.post(body).result()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"0000000000000000", "000000000000000", "4111111111111112", "''"})
    void refusesUnknownCardsWith23(String acct) throws Exception {
        Answer answer = client.post(sale("10.00").replace("ACCT=4111111111111111", "ACCT=" + acct));

        assertThat(answer.result()).isEqualTo(23);
        assertThat(answer.get("RESPMSG")).isEqualTo("Invalid account number");
    }

    @ParameterizedTest
    @MethodSource("org.eventcommerce.emulator.TestCards#numbers")
    void acceptsEveryPilotTestCard(String acct) throws Exception {
        assertThat(client.post(sale("10.00").replace("ACCT=4111111111111111", "ACCT=" + acct)).result()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"0298", "1399", "12", "abcd"})
    void refusesPastOrMalformedExpiryWith24(String expdate) throws Exception {
        Answer answer = client.post(sale("10.00").replace("EXPDATE=" + futureExpiry(), "EXPDATE=" + expdate));

        assertThat(answer.result()).isEqualTo(24);
        assertThat(answer.get("RESPMSG")).isEqualTo("Invalid expiration date");
    }

    @ParameterizedTest
    @CsvSource({"-1", "34", "1,199.95", "$34.00", "34.5", "34.000", "abc", "''", "12345678901.00"})
    void refusesBadAmountsWith4(String amt) throws Exception {
        assertThat(client.post(sale(amt)).result()).isEqualTo(4);
    }

    @Test
    void refusesAZeroSaleButVerifiesAZeroAuthorization() throws Exception {
        assertThat(client.post(sale("0.00")).result()).isEqualTo(4);

        Answer verification = client.post(authorization("0.00"));
        assertThat(verification.result()).isZero();
        assertThat(verification.get("RESPMSG")).isEqualTo("Verified");
        Answer inquiry = client.post(PayflowTestClient.followOn("I", "ORIGID=" + verification.pnref()));
        assertThat(inquiry.get("TRANSSTATE")).isEqualTo("0");
    }

    @ParameterizedTest
    @CsvSource({"XYZ", "usd", "''", "US"})
    void refusesUnsupportedCurrencyWith6(String currency) throws Exception {
        assertThat(client.post(sale("10.00").replace("CURRENCY=USD", "CURRENCY=" + currency)).result()).isEqualTo(6);
    }

    @Test
    void refusesAMissingCurrencyWith6() throws Exception {
        assertThat(client.post(sale("10.00").replace("&CURRENCY=USD", "")).result()).isEqualTo(6);
    }

    @ParameterizedTest
    @CsvSource({"CAD, 10.00", "GBP, 10.00", "EUR, 10.00", "AUD, 10.00", "JPY, 1000", "JPY, 1000.00"})
    void acceptsSupportedCurrencies(String currency, String amt) throws Exception {
        assertThat(client.post(sale(amt).replace("CURRENCY=USD", "CURRENCY=" + currency)).result()).isZero();
    }

    @Test
    void refusesOtherTendersWith2AndOtherTransactionTypesWith3() throws Exception {
        assertThat(client.post(sale("10.00").replace("TENDER=C", "TENDER=G")).result()).isEqualTo(2);
        assertThat(client.post(sale("10.00").replace("TENDER=C", "TENDER=P")).result()).isEqualTo(2);
        Answer badType = client.post(sale("10.00").replace("TRXTYPE=S", "TRXTYPE=G"));
        assertThat(badType.result()).isEqualTo(3);
        assertThat(badType.get("RESPMSG")).isEqualTo("Invalid transaction type");
    }

    @ParameterizedTest
    @CsvSource({
        "123 Main St, 12345, Y, Y",
        "333 Elm, 50000, Y, Y",
        "334 Elm, 50001, N, N",
        "666 Elm, 99999, N, N",
        "667 Elm, 12345, X, X",
        "Main Street, 12345, X, X",
        "12 Short Rd, 1234A, Y, Y"
    })
    void simulatesAvs(String street, String zip, String avsAddr, String avsZip) throws Exception {
        Answer answer = client.post(sale("10.00") + "&BILLTOSTREET=" + street + "&BILLTOZIP=" + zip);

        assertThat(answer.get("AVSADDR")).isEqualTo(avsAddr);
        assertThat(answer.get("AVSZIP")).isEqualTo(avsZip);
    }

    @Test
    void readsTheLegacyStreetAndZipNames() throws Exception {
        Answer answer = client.post(sale("10.00") + "&STREET=400 Oak&ZIP=60000");

        assertThat(answer.get("AVSADDR")).isEqualTo("N");
        assertThat(answer.get("AVSZIP")).isEqualTo("N");
    }

    @ParameterizedTest
    @CsvSource({"000, Y", "300, Y", "301, N", "600, N", "601, X", "9999, X"})
    void simulatesCvv2(String cvv2, String match) throws Exception {
        assertThat(client.post(sale("10.00") + "&CVV2=" + cvv2).get("CVV2MATCH")).isEqualTo(match);
    }

    @Test
    void addsVerboseFieldsOnlyWithVerbosityHigh() throws Exception {
        Answer low = client.post(sale("10.00") + "&CUSTREF=ORD-1");
        assertThat(low.pairs()).doesNotContainKeys("AMT", "ACCT", "TRANSTIME", "CARDTYPE", "CUSTREF");

        Answer high = client.post(sale("10.00") + "&CUSTREF=ORD-2&VERBOSITY=HIGH");
        assertThat(high.get("AMT")).isEqualTo("10.00");
        assertThat(high.get("ACCT")).isEqualTo("1111");
        assertThat(high.get("TRANSTIME")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(high.get("CARDTYPE")).isEqualTo("0");
        assertThat(high.get("CUSTREF")).isEqualTo("ORD-2");
    }

    @Test
    void neverKeepsOrPrintsTheCardNumberOrCvv() throws Exception {
        client.post("first", sale("10.00") + "&CVV2=987&CUSTREF=ORD-3");
        client.post("second", sale("1012.00") + "&CVV2=987");
        client.post("third", sale("10.00").replace("ACCT=4111111111111111", "ACCT=5555666677778888"));

        // PNREFs are random and may hold any digits: leave them out of the search
        String transactions = client.controlGet("transactions").body().replaceAll("PNREF=[A-Z0-9]{12}", "");
        assertThat(transactions).doesNotContain(PayflowTestClient.VISA, "5555666677778888", "987");
        assertThat(emulator.transactions()).extracting(TransactionRecord::acctLastFour)
                .containsExactly("1111", "1111", "8888");
        assertThat(emulator.transactions()).allSatisfy(t -> assertThat(List.of(t.pnref(), t.vendor(), t.trxType(),
                String.valueOf(t.custref()), t.requestId(), t.respmsg())).noneMatch(v -> v.contains("4111111111111111")));
        synchronized (log) {
            assertThat(log).hasSize(3)
                    .map(line -> line.replaceAll("PNREF=[A-Z0-9]{12}", ""))
                    .noneMatch(line -> line.contains("4111") || line.contains("8888") || line.contains("987"));
        }
    }
}
