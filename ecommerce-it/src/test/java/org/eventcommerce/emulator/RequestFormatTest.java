package org.eventcommerce.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcommerce.emulator.PayflowTestClient.sale;
import static org.eventcommerce.emulator.PayflowTestClient.standardHeaders;

import java.util.Map;
import org.eventcommerce.emulator.PayflowTestClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Headers, NVP syntax with length tags, and request-id duplicate detection (paypal-protocols.md §1.2, §1.3). */
class RequestFormatTest {

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

    @Test
    void readsLengthTaggedValuesHoldingAmpersandsAndEqualSigns() throws Exception {
        Answer answer = client.post(sale("10.00") + "&COMMENT1[9]=a&b=c&d=e&CUSTREF[7]=R&D=1 2&VERBOSITY=HIGH");

        assertThat(answer.result()).isZero();
        assertThat(answer.raw()).contains("&CUSTREF[7]=R&D=1 2");
        assertThat(answer.get("CUSTREF")).isEqualTo("R&D=1 2");
        assertThat(emulator.transactions()).singleElement()
                .satisfies(t -> assertThat(t.custref()).isEqualTo("R&D=1 2"));
    }

    @Test
    void readsTaggedCredentialsAndTagsThatEndTheBody() throws Exception {
        String body = "TRXTYPE=S&TENDER=C&PARTNER[6]=PayPal&VENDOR[12]=demomerchant&USER=demomerchant"
                + "&PWD[12]=emulator-pw1&ACCT=4111111111111111&EXPDATE=" + PayflowTestClient.futureExpiry()
                + "&AMT=10.00&CURRENCY=USD&COMMENT2[5]=x&y=z";

        assertThat(client.post(body).result()).isZero();
    }

    @Test
    void doesNotUrlDecodeValues() throws Exception {
        Answer answer = client.post(sale("10.00") + "&CUSTREF=a%26b+c&VERBOSITY=HIGH");

        assertThat(answer.get("CUSTREF")).isEqualTo("a%26b+c");
    }

    @Test
    void countsLengthTagsInCharactersOfTheIso88591Body() throws Exception {
        Answer answer = client.post(sale("10.00") + "&CUSTREF[4]=No\u00e9m&COMMENT1[3]=\u00e9&\u00e9&VERBOSITY=HIGH");

        assertThat(answer.result()).isZero();
        assertThat(answer.get("CUSTREF")).isEqualTo("No\u00e9m");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "&COMMENT1[x]=abc|-7",
        "&COMMENT1[]=abc|-7",
        "&COMMENT1[5=abc|-7",
        "&COMMENT1[3]abc|-7",
        "&COMMENT1[2]=abc|-7",
        "&COMMENT1[50]=abc|-7",
        "&COMMENT1 ABC&X=1|-6",
        "&=abc|-28"
    })
    void answersNegativeResultsForMalformedSyntax(String tail, int result) throws Exception {
        Answer answer = client.post(sale("10.00") + tail);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.result()).isEqualTo(result);
        assertThat(answer.get("RESPMSG")).startsWith("Parameter list format error");
        assertThat(answer.pnref()).isNull();
        assertThat(emulator.transactions()).isEmpty();
    }

    @Test
    void answersMinus6ForAnAmpersandInAName() throws Exception {
        Answer answer = client.post("TRXTYPE&TENDER=C");

        // the message holds "&", so the gateway length-tags it (§1.3)
        assertThat(answer.raw()).isEqualTo("RESULT=-6&RESPMSG[38]=Parameter list format error: & in name");
    }

    @Test
    void refusesAnEmptyBody() throws Exception {
        assertThat(client.post("").result()).isEqualTo(-100);
    }

    @Test
    void refusesAMissingOrWrongContentType() throws Exception {
        Map<String, String> missing = standardHeaders("ct-1");
        missing.remove("Content-Type");
        Map<String, String> form = standardHeaders("ct-2");
        form.put("Content-Type", "application/x-www-form-urlencoded");

        for (Map<String, String> headers : java.util.List.of(missing, form)) {
            Answer answer = client.post(headers, sale("10.00"));
            assertThat(answer.result()).isNegative();
            assertThat(answer.contentType()).isEqualTo("text/namevalue");
        }
        assertThat(emulator.transactions()).isEmpty();
    }

    @Test
    void requiresAPrintableRequestIdOfAtMost32Characters() throws Exception {
        Map<String, String> missing = standardHeaders("x");
        missing.remove("X-VPS-REQUEST-ID");
        assertThat(client.post(missing, sale("10.00")).result()).isEqualTo(-41);
        assertThat(client.post("x".repeat(33), sale("10.00")).result()).isEqualTo(-41);
        assertThat(client.post("y".repeat(32), sale("10.00")).result()).isZero();
    }

    @Test
    void answers101ForATimeoutOfOneSecond() throws Exception {
        Map<String, String> headers = standardHeaders("timeout-1");
        headers.put("X-VPS-CLIENT-TIMEOUT", "1");

        assertThat(client.post(headers, sale("10.00")).result()).isEqualTo(101);
    }

    @Test
    void replaysTheFirstAnswerForARepeatedRequestIdWithoutProcessingTheNewData() throws Exception {
        Answer first = client.post("order-42-try-1", sale("10.00"));
        Answer second = client.post("order-42-try-1", sale("1012.00"));

        assertThat(second.result()).isZero();
        assertThat(second.pnref()).isEqualTo(first.pnref());
        assertThat(second.get("AUTHCODE")).isEqualTo(first.get("AUTHCODE"));
        assertThat(second.get("DUPLICATE")).isEqualTo("1");
        assertThat(first.get("DUPLICATE")).isNull();
        assertThat(second.raw()).isEqualTo(first.raw() + "&DUPLICATE=1");
        assertThat(emulator.transactions()).hasSize(1);
    }

    @Test
    void replaysDeclinesToo() throws Exception {
        Answer first = client.post("decline-1", sale("1012.00"));
        Answer second = client.post("decline-1", sale("10.00"));

        assertThat(second.result()).isEqualTo(12);
        assertThat(second.pnref()).isEqualTo(first.pnref());
        assertThat(second.get("DUPLICATE")).isEqualTo("1");
    }

    @Test
    void keysDuplicatesPerVendor() throws Exception {
        emulator.accounts().register(new MerchantAccount("PayPal", "othermerchant", "othermerchant", "other-pw1"));
        String other = sale("10.00").replace(PayflowTestClient.CREDENTIALS,
                "PARTNER=PayPal&VENDOR=othermerchant&USER=othermerchant&PWD=other-pw1");

        Answer first = client.post("shared-id", sale("10.00"));
        Answer second = client.post("shared-id", other);

        assertThat(second.get("DUPLICATE")).isNull();
        assertThat(second.pnref()).isNotEqualTo(first.pnref());
        assertThat(emulator.transactions()).hasSize(2);
    }

    @Test
    void doesNotRememberRequestIdsOfFailedLogins() throws Exception {
        client.post("login-1", sale("10.00").replace("PWD=emulator-pw1", "PWD=nope-nope"));
        Answer retry = client.post("login-1", sale("10.00"));

        assertThat(retry.result()).isZero();
        assertThat(retry.get("DUPLICATE")).isNull();
    }

    @Test
    void answersOnlyPostOnTheRoot() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var get = http.send(java.net.http.HttpRequest.newBuilder(emulator.baseUri()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var other = http.send(java.net.http.HttpRequest.newBuilder(emulator.baseUri().resolve("/elsewhere"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("A=1")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(other.statusCode()).isEqualTo(404);
    }
}
