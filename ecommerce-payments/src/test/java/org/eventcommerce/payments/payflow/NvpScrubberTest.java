package org.eventcommerce.payments.payflow;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** After ActiveMerchant's {@code test/unit/gateways/payflow_test.rb#test_scrub} (STYLE.md "Payments"). */
class NvpScrubberTest {

    @Test
    void scrubsTheSaleWeSendAndKeepsEverythingElseByteForByte() {
        String scrubbed = NvpScrubber.scrub(PayflowTestData.SALE_BODY);

        assertThat(scrubbed).isEqualTo("TRXTYPE[1]=S&TENDER[1]=C&PARTNER[6]=PayPal&VENDOR[10]=acmeevents"
                + "&USER[10]=acmeevents&PWD[10]=[FILTERED]&ACCT[10]=[FILTERED]&EXPDATE[4]=1229&CVV2[10]=[FILTERED]"
                + "&BILLTOFIRSTNAME[6]=Ruff &&BILLTOLASTNAME[10]=Johnson=Co&AMT[7]=1234.50&CURRENCY[3]=USD"
                + "&CUSTREF[12]=CR7QX2M4KP9A&VERBOSITY[4]=HIGH&COMMENT1[19]=Reservation VIP #42&INVNUM[8]=INV-1001");
        assertThat(NvpDecoder.decode(scrubbed)).containsEntry("ACCT", "[FILTERED]").containsEntry("PWD", "[FILTERED]")
                .containsEntry("BILLTOFIRSTNAME", "Ruff &");
    }

    @Test
    void scrubsUntaggedValues() {
        assertThat(NvpScrubber.scrub("USER=me&PWD=secret&ACCT=4111111111111111&CVV2=123&AMT=10.00"))
                .isEqualTo("USER=me&PWD=[FILTERED]&ACCT=[FILTERED]&CVV2=[FILTERED]&AMT=10.00");
    }

    @Test
    void scrubsATaggedSecureTokenHoldingEquals() {
        assertThat(NvpScrubber.scrub("RESULT=0&SECURETOKEN[25]=Fj+1AFUWft0+I0CUFOKh5WA==&SECURETOKENID=9a9ea82"))
                .isEqualTo("RESULT=0&SECURETOKEN[10]=[FILTERED]&SECURETOKENID=9a9ea82");
    }

    @Test
    void aTaggedPasswordMayHoldAmpersandAndEquals() {
        assertThat(NvpScrubber.scrub("PWD[10]=ab&PWD=xyz&USER[2]=me")).isEqualTo("PWD[10]=[FILTERED]&USER[2]=me");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            acct=4111111111111111&x=1                 | acct=[FILTERED]&x=1
            Cvv2[3]=123                               | Cvv2[10]=[FILTERED]
            ACCT[4]=4111111111111111&AMT=1            | ACCT[10]=[FILTERED]&AMT=1
            X=1&ACCT[99]=4111111111111111             | X=1&ACCT[10]=[FILTERED]
            AMT[x]=1&ACCT=4111111111111111&CVV2[3]=123 | AMT[x]=1&ACCT=[FILTERED]&CVV2=[FILTERED]
            X[2]&4111111111111111                     | X[2]&[FILTERED]
            ACCT                                      | ACCT
            ACCTTYPE=0&PWDHINT=x&SECURETOKENID=42     | ACCTTYPE=0&PWDHINT=x&SECURETOKENID=42
            """)
    void lenientOnBodiesTheDecoderRefuses(String body, String expected) {
        assertThat(NvpScrubber.scrub(body)).isEqualTo(expected);
    }

    @Test
    void answersWithoutSecretsAreUnchanged() {
        assertThat(NvpScrubber.scrub(PayflowTestData.GUIDE_APPROVED)).isEqualTo(PayflowTestData.GUIDE_APPROVED);
        assertThat(NvpScrubber.scrub("RESULT=0&BILLTOLASTNAME[6]=&= Foo")).isEqualTo("RESULT=0&BILLTOLASTNAME[6]=&= Foo");
    }

    @Test
    void nullAndEmpty() {
        assertThat(NvpScrubber.scrub((String) null)).isNull();
        assertThat(NvpScrubber.scrub("")).isEmpty();
    }

    @Test
    void scrubsAMapKeepingItsOrder() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("RESULT", "0");
        fields.put("ACCT", "1111");
        fields.put("pwd", "x");
        fields.put("SECURETOKEN", "Fj+1AFUWft0+I0CUFOKh5WA==");
        fields.put("AMT", "10.00");

        assertThat(NvpScrubber.scrub(fields)).containsExactly(entry("RESULT", "0"), entry("ACCT", "[FILTERED]"),
                entry("pwd", "[FILTERED]"), entry("SECURETOKEN", "[FILTERED]"), entry("AMT", "10.00"));
        assertThat(fields).containsEntry("ACCT", "1111"); // the input is not changed
    }

    @Test
    void secretNames() {
        assertThat(NvpScrubber.SECRET_NAMES).containsExactlyInAnyOrder("ACCT", "CVV2", "PWD", "SECURETOKEN");
        assertThat(NvpScrubber.isSecret(" cvv2 ")).isTrue();
        assertThat(NvpScrubber.isSecret("EXPDATE")).isFalse();
        assertThat(NvpScrubber.isSecret(null)).isFalse();
    }
}
