package org.eventcommerce.payments.payflow;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.eventcommerce.payments.Card;
import org.eventcommerce.payments.PaymentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NvpEncoderTest {

    @Test
    void tagsTheGuidesSpecialCharacterExamples() {
        // WPPPF-2009 pp.14-15 "Using Special Characters in Values" (§1.3): NAME[14]=Ruff & Johnson, COMMENT1[7]=Level=5
        String body = NvpEncoder.encode(List.of(entry("NAME", "Ruff & Johnson"), entry("COMMENT1", "Level=5")));

        assertThat(body).isEqualTo("NAME[14]=Ruff & Johnson&COMMENT1[7]=Level=5");
    }

    @Test
    void encodesASaleByteForByte() {
        String body = NvpEncoder.encode(PayflowRequestBuilder.fields(PayflowTestData.SALE, PayflowTestData.CREDENTIALS));

        assertThat(body).isEqualTo(PayflowTestData.SALE_BODY);
    }

    @Test
    void foldsAnAccentedHolderToAsciiBeforeTagging() {
        Card card = Card.of("4111111111111111", "1229", null, "Noémie Brâncuși");
        PaymentRequest sale = PaymentRequest.sale(PayflowTestData.SALE_ATTEMPT, PayflowTestData.USD_1234_50, card, null,
                null);

        String body = NvpEncoder.encode(PayflowRequestBuilder.fields(sale, PayflowTestData.CREDENTIALS));

        assertThat(body).isEqualTo("TRXTYPE[1]=S&TENDER[1]=C&PARTNER[6]=PayPal&VENDOR[10]=acmeevents"
                + "&USER[10]=acmeevents&PWD[9]=s3cr3tPwd&ACCT[16]=4111111111111111&EXPDATE[4]=1229"
                + "&BILLTOFIRSTNAME[6]=Noemie&BILLTOLASTNAME[8]=Brancusi&AMT[7]=1234.50&CURRENCY[3]=USD"
                + "&CUSTREF[12]=CR7QX2M4KP9A&VERBOSITY[4]=HIGH");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Noémie Brâncuși | Noemie Brancusi
            Ștefan Țițeica  | Stefan Titeica
            Zoë Ångström    | Zoe Angstrom
            Straße          | Stra?e
            Łódź            | ?odz
            東京             | ??
            Crème brûlée    | Creme brulee
            plain ASCII 123 | plain ASCII 123
            """)
    void toAsciiStripsDiacriticsAndReplacesTheRest(String input, String expected) {
        assertThat(NvpEncoder.toAscii(input)).isEqualTo(expected);
    }

    @Test
    void oneQuestionMarkPerCodePointNotPerUtf16Unit() {
        assertThat(NvpEncoder.toAscii("ok \uD83D\uDE00!")).isEqualTo("ok ?!");
    }

    @Test
    void controlCharactersBecomeQuestionMarks() {
        assertThat(NvpEncoder.toAscii("line1\nline2\ttab\u0000")).isEqualTo("line1?line2?tab?");
    }

    @Test
    void removesDoubleQuotesAndCountsTheCleanedValue() {
        // "Quotation marks are not allowed anywhere, even inside a length tag" [WPPPF-2009 p.14; §1.3]
        assertThat(NvpEncoder.encode(List.of(entry("COMMENT1", "Say \"hi\" & bye"))))
                .isEqualTo("COMMENT1[12]=Say hi & bye");
    }

    @Test
    void emptyValueGetsAZeroTag() {
        assertThat(NvpEncoder.encode(List.of(entry("COMMENT2", ""), entry("A", "1")))).isEqualTo("COMMENT2[0]=&A[1]=1");
    }

    @Test
    void emptyListGivesEmptyBody() {
        assertThat(NvpEncoder.encode(List.of())).isEmpty();
    }

    @Test
    void keepsTheOrderOfASequencedMap() {
        SequencedMap<String, String> pairs = new LinkedHashMap<>();
        pairs.put("ZULU", "z");
        pairs.put("ALPHA", "a");
        pairs.put("MIKE", "m");

        assertThat(NvpEncoder.encode(pairs)).isEqualTo("ZULU[1]=z&ALPHA[1]=a&MIKE[1]=m");
    }

    @Test
    void bodyIsPureAsciiWhateverTheInput() {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        pairs.add(entry("BILLTOLASTNAME", "Ñandú Œuvre ǅ ﬁ ⅓ \"x\""));

        String body = NvpEncoder.encode(pairs);

        assertThat(body.chars()).allMatch(c -> c >= 0x20 && c <= 0x7E);
        assertThat(body).doesNotContain("\"");
        int tagged = Integer.parseInt(body.substring(body.indexOf('[') + 1, body.indexOf(']')));
        assertThat(body.substring(body.indexOf("]=") + 2)).hasSize(tagged);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AC CT", "A=B", "A&B", "A[1]", "NAMÉ", "L-NAME"})
    void refusesNamesThatAreNotFixedAscii(String name) {
        assertThatThrownBy(() -> NvpEncoder.encode(List.of(entry(name, "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[A-Za-z0-9_]+");
    }

    @Test
    void refusesANullValue() {
        List<Map.Entry<String, String>> pairs = Arrays.asList(new java.util.AbstractMap.SimpleEntry<>("AMT", null));

        assertThatThrownBy(() -> NvpEncoder.encode(pairs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NVP value for AMT is null");
    }
}
