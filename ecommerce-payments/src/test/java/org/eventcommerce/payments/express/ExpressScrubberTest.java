package org.eventcommerce.payments.express;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PWD and SIGNATURE never leave in clear (ActiveMerchant {@code test_scrub}, STYLE.md). */
class ExpressScrubberTest {

    @Test
    void scrubsEncodedBodies() {
        String body = "METHOD=DoVoid" + ExpressTestData.HEADER_TAIL + "&AUTHORIZATIONID=1";
        assertThat(ExpressScrubber.scrub(body)).isEqualTo("METHOD=DoVoid&VERSION=124.0"
                + "&USER=platform_api1.events.example&PWD=[FILTERED]&SIGNATURE=[FILTERED]"
                + "&SUBJECT=host%2Bevents%40merchant.example&AUTHORIZATIONID=1");
    }

    @Test
    void scrubsNamesInAnyCaseOrEncodingAndMalformedBodies() {
        assertThat(ExpressScrubber.scrub("pwd=a&%53IGNATURE=b&x=%zz&Signature")).isEqualTo(
                "pwd=[FILTERED]&%53IGNATURE=[FILTERED]&x=%zz&Signature=[FILTERED]");
        assertThat(ExpressScrubber.scrub((String) null)).isNull();
    }

    @Test
    void scrubsMaps() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("USER", "u");
        fields.put("PWD", "p");
        fields.put("SIGNATURE", "s");
        assertThat(ExpressScrubber.scrub(fields)).containsExactly(Map.entry("USER", "u"),
                Map.entry("PWD", "[FILTERED]"), Map.entry("SIGNATURE", "[FILTERED]"));
    }
}
