package org.eventcommerce.payments.payflow;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NvpDecoderTest {

    @Test
    void decodesTheGuidesApprovedAnswerInOrder() {
        // PFP-2009 ch.6, response example (§1.5)
        Map<String, String> fields = NvpDecoder.decode(PayflowTestData.GUIDE_APPROVED);

        assertThat(fields).containsExactly(entry("RESULT", "0"), entry("PNREF", "EFHP0D426A53"),
                entry("RESPMSG", "APPROVED"), entry("AUTHCODE", "25TEST"), entry("AVSADDR", "Y"),
                entry("AVSZIP", "N"), entry("CVV2MATCH", "Y"));
    }

    @Test
    void honoursTheSecureTokenLengthTag() {
        // Gateway guide 2012 p.29 (§1.5, §1.7): the base64 token holds '+' and '=' and is always tagged
        Map<String, String> fields = NvpDecoder.decode("RESULT=0&RESPMSG=Approved&SECURETOKEN[25]=Fj+1AFUWft0+I0CUFOKh5WA=="
                + "&SECURETOKENID=9a9ea8208de1413abc3d60c86cb1f4c5");

        assertThat(fields).containsExactly(entry("RESULT", "0"), entry("RESPMSG", "Approved"),
                entry("SECURETOKEN", "Fj+1AFUWft0+I0CUFOKh5WA=="),
                entry("SECURETOKENID", "9a9ea8208de1413abc3d60c86cb1f4c5"));
    }

    @Test
    void honoursOmnipaysTaggedValueThatStartsWithAmpersandAndEquals() {
        // thephpleague/omnipay-payflow src/Message/Response.php#decodeData test data (§1.3)
        Map<String, String> fields = NvpDecoder.decode("RESULT=0&BILLTOLASTNAME[6]=&= Foo&PNREF=V19A2E6CC5B6");

        assertThat(fields).containsExactly(entry("RESULT", "0"), entry("BILLTOLASTNAME", "&= Foo"),
                entry("PNREF", "V19A2E6CC5B6"));
    }

    @Test
    void taggedValuesMayHoldAmpersandsAndEqualsAnywhere() {
        Map<String, String> fields = NvpDecoder.decode(
                "NAME[14]=Ruff & Johnson&COMMENT1[7]=Level=5&RESPMSG[12]=a&RESULT=9&Z");

        assertThat(fields).containsExactly(entry("NAME", "Ruff & Johnson"), entry("COMMENT1", "Level=5"),
                entry("RESPMSG", "a&RESULT=9&Z"));
    }

    @Test
    void untaggedPairsSplitOnAmpersandAndTheFirstEquals() {
        Map<String, String> fields = NvpDecoder.decode("RESULT=7&RESPMSG=Field format error: a=b&EMPTY=&LAST=x");

        assertThat(fields).containsExactly(entry("RESULT", "7"), entry("RESPMSG", "Field format error: a=b"),
                entry("EMPTY", ""), entry("LAST", "x"));
    }

    @Test
    void taggedEmptyValueAndTaggedLastValue() {
        assertThat(NvpDecoder.decode("A[0]=&B[3]=x=y")).containsExactly(entry("A", ""), entry("B", "x=y"));
    }

    @Test
    void taggedNamesAsSentWithPayPalNvpHeader() {
        // PAYPAL-NVP: Y answers carry tags on every name [DEV header-parameters page; §1.2]
        assertThat(NvpDecoder.decode("TOKEN[20]=EC-17C76533PL706494P&CORRELATIONID[13]=2f5a1f0e8e5b9&ACK[7]=Success"))
                .containsExactly(entry("TOKEN", "EC-17C76533PL706494P"), entry("CORRELATIONID", "2f5a1f0e8e5b9"),
                        entry("ACK", "Success"));
    }

    @Test
    void toleratesATrailingAmpersandOrLineBreak() {
        assertThat(NvpDecoder.decode("RESULT=0&PNREF=X&")).containsExactly(entry("RESULT", "0"), entry("PNREF", "X"));
        assertThat(NvpDecoder.decode("RESULT=0&PNREF=X\r\n")).containsExactly(entry("RESULT", "0"), entry("PNREF", "X"));
        assertThat(NvpDecoder.decode("RESULT=0&PNREF[1]=X\n")).containsExactly(entry("RESULT", "0"), entry("PNREF", "X"));
    }

    @Test
    void theMapIsUnmodifiable() {
        Map<String, String> fields = NvpDecoder.decode("RESULT=0");

        assertThatThrownBy(() -> fields.put("RESULT", "12")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                           | empty NVP body                                  | 0
            RESULT                       | pair without '='                                | 0
            RESULT=0&PNREF               | pair without '='                                | 9
            RESULT=0&&PNREF=1            | empty pair                                      | 9
            =0                           | empty name                                      | 0
            RESULT=0&=1                  | empty name                                      | 9
            RE SULT=0                    | invalid character in name                       | 2
            A[x]=1                       | length tag is not a number                      | 1
            A[]=1                        | length tag is not a number                      | 1
            A[-1]=1                      | length tag is not a number                      | 1
            A[3                          | unterminated length tag                         | 1
            A[2]x                        | length tag not followed by '='                  | 4
            A[10]=short                  | length tag [10] runs past the end of the body   | 6
            A[2]=abc&B=1                 | tagged value not followed by '&'                | 7
            A[99999999999]=1             | length tag is not a number                      | 1
            RESULT=0&RESULT=1            | name given twice                                | 9
            """)
    void refusesMalformedBodies(String body, String problem, int offset) {
        assertThatThrownBy(() -> NvpDecoder.decode(body))
                .isInstanceOfSatisfying(NvpFormatException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(problem + " (at offset " + offset + ")");
                    assertThat(e.offset()).isEqualTo(offset);
                });
    }

    @Test
    void errorMessagesNeverQuoteTheBody() {
        assertThatThrownBy(() -> NvpDecoder.decode("RESULT=0&ACCT[30]=4111111111111111"))
                .isInstanceOf(NvpFormatException.class)
                .message().doesNotContain("4111").doesNotContain("ACCT");
    }
}
