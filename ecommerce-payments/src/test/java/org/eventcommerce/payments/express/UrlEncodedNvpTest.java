package org.eventcommerce.payments.express;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Classic NVP is URL-encoded both ways [EC-2012 pp.58-62; §3.1], unlike Payflow's length tags. */
class UrlEncodedNvpTest {

    @Test
    void encodesAmpersandsEqualsSignsSpacesAndNonAscii() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("METHOD", "SetExpressCheckout");
        fields.put("PAYMENTREQUEST_0_DESC", "Ruff & Johnson = 2 seats, Noémie");
        fields.put("SKIPPED", null);
        fields.put("EMPTY", "");

        assertThat(UrlEncodedNvp.encode(fields)).isEqualTo("METHOD=SetExpressCheckout"
                + "&PAYMENTREQUEST_0_DESC=Ruff+%26+Johnson+%3D+2+seats%2C+No%C3%A9mie&EMPTY=");
    }

    @Test
    void decodesPayPalsLowerCaseEscapesAsInTheGuides() {
        // Sandbox User Guide (April 2012) p.39: TIMESTAMP=2007%2d04%2d05T23%3a30%3a16Z ... VERSION=2%2e300000
        assertThat(UrlEncodedNvp.decode(ExpressTestData.GUIDE_SET_EC)).containsExactly(
                Map.entry("TOKEN", "EC-3DJ78083ES565113B"), Map.entry("TIMESTAMP", "2007-04-05T23:30:16Z"),
                Map.entry("CORRELATIONID", "333fb808bb23"), Map.entry("ACK", "Success"),
                Map.entry("VERSION", "2.300000"), Map.entry("BUILD", "1.0006"));
    }

    @Test
    void roundTripsAnyValue() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("A", "x&y=z+%20 ü€");
        fields.put("B", "");
        assertThat(UrlEncodedNvp.decode(UrlEncodedNvp.encode(fields))).isEqualTo(fields);
    }

    @Test
    void toleratesATrailingAmpersandAndANameWithoutValue() {
        assertThat(UrlEncodedNvp.decode("ACK=Success&FLAG&\n")).containsExactly(Map.entry("ACK", "Success"),
                Map.entry("FLAG", ""));
        assertThat(UrlEncodedNvp.decode("")).isEmpty();
    }

    @Test
    void refusesBadEscapesEmptyNamesAndRepeatsWithoutQuotingTheBody() {
        assertThatThrownBy(() -> UrlEncodedNvp.decode("ACK=Success&PWD=se%zzcret"))
                .isInstanceOf(UrlEncodedNvp.MalformedNvpException.class)
                .hasMessage("bad percent escape (at offset 16)").message().doesNotContain("cret");
        assertThatThrownBy(() -> UrlEncodedNvp.decode("=x")).hasMessageStartingWith("empty name");
        assertThatThrownBy(() -> UrlEncodedNvp.decode("ACK=Success&ACK=Failure")).hasMessageStartingWith("name given twice");
    }
}
