package org.eventcommerce.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emulator's own NVP reader and writer (paypal-protocols.md §1.3). */
class NvpCodecTest {

    private final NvpParser parser = new NvpParser();

    @Test
    void readsPlainAndTaggedPairs() throws Exception {
        NvpRequest request = parser.parse("TRXTYPE=S&COMMENT1[9]=a&b=c&d=e&NAME[14]=Ruff & Johnson&EMPTY=&LAST=x");

        assertThat(request.asMap()).containsExactly(
                Map.entry("TRXTYPE", "S"),
                Map.entry("COMMENT1", "a&b=c&d=e"),
                Map.entry("NAME", "Ruff & Johnson"),
                Map.entry("EMPTY", ""),
                Map.entry("LAST", "x"));
    }

    @Test
    void keepsEqualSignsInUntaggedValuesAndLooksNamesUpWithoutCase() throws Exception {
        NvpRequest request = parser.parse("comment1=Level=5&");

        assertThat(request.value("COMMENT1")).isEqualTo("Level=5");
        assertThat(request.has("missing")).isFalse();
    }

    @Test
    void readsBytesAsIso88591() throws Exception {
        byte[] body = {'N', '[', '2', ']', '=', (byte) 0xE9, '&', '&', 'X', '=', '1'};

        NvpRequest request = parser.parse(body);

        assertThat(request.asMap()).containsExactly(Map.entry("N", "\u00e9&"), Map.entry("X", "1"));
        assertThatThrownBy(() -> parser.parse(new byte[] {'N', '[', '3', ']', '=', (byte) 0xE9, '&'}))
                .isInstanceOf(NvpFormatException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A=1&B C&D=2|-6",
        "A&B=1|-6",
        "A=1&&B=2|-6",
        "A[1x]=1|-7",
        "A[-1]=1|-7",
        "A[3]=12|-7",
        "A[1]=12|-7",
        "A[1]:1|-7",
        "A[1|-7",
        "=1|-28",
        "A=1&B|-28"
    })
    void refusesMalformedSyntax(String body, int result) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(NvpFormatException.class, e -> assertThat(e.result()).isEqualTo(result));
    }

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> parser.parse(""))
                .isInstanceOfSatisfying(NvpFormatException.class, e -> assertThat(e.result()).isEqualTo(-100));
    }

    @Test
    void writesResultFirstAndTagsValuesWithAmpersandOrEqualSign() {
        NvpResponse response = NvpResponse.result(0)
                .add("PNREF", "A1B2C3D4E5F6")
                .add("RESPMSG", "Approved")
                .add("COMMENT1", "a&b")
                .add("TOKEN", "Fj+1AFUWft0+I0CUFOKh5WA==")
                .add("SKIPPED", null)
                .build();

        assertThat(new NvpWriter().write(response.pairs())).isEqualTo(
                "RESULT=0&PNREF=A1B2C3D4E5F6&RESPMSG=Approved&COMMENT1[3]=a&b&TOKEN[25]=Fj+1AFUWft0+I0CUFOKh5WA==");
    }

    @Test
    void addsTheDuplicateFlagLast() {
        NvpResponse response = NvpResponse.result(12).add("PNREF", "X").add("RESPMSG", "Declined").build();

        assertThat(response.asDuplicate().toString()).isEqualTo("RESULT=12&PNREF=X&RESPMSG=Declined&DUPLICATE=1");
        assertThat(response.asDuplicate().asDuplicate().toString()).endsWith("RESPMSG=Declined&DUPLICATE=1");
    }

    @Test
    void roundTripsWhatItWrites() throws Exception {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("A", "x&y=z");
        pairs.put("B", "plain");
        pairs.put("C", "&");

        assertThat(parser.parse(new NvpWriter().write(pairs)).asMap()).isEqualTo(pairs);
    }
}
