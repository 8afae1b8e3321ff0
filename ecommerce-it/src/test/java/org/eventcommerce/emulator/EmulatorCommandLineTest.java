package org.eventcommerce.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The standalone program's options and lifecycle. */
class EmulatorCommandLineTest {

    @Test
    void defaultsToLocalhost8089() {
        assertThat(EmulatorCommandLine.parse()).isEqualTo(new EmulatorCommandLine("127.0.0.1", 8089, false));
    }

    @Test
    void readsPortAndHostInBothForms() {
        assertThat(EmulatorCommandLine.parse("--port", "9000", "--host", "0.0.0.0", "--log"))
                .isEqualTo(new EmulatorCommandLine("0.0.0.0", 9000, true));
        assertThat(EmulatorCommandLine.parse("--port=0", "--host=localhost"))
                .isEqualTo(new EmulatorCommandLine("localhost", 0, false));
    }

    @Test
    void refusesBadOptions() {
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--port", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--port", "70000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--verbose")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsExpressCheckoutMerchantsAndCredentials() {
        EmulatorCommandLine options = EmulatorCommandLine.parse("--ec-merchant", "host@events.example",
                "--ec-merchant=host.ca@events.example:CA", "--ec-user", "api_user", "--ec-password=p4ssw0rdX",
                "--ec-signature", "s1gn4tureX");

        var settings = options.expressSettings();
        assertThat(settings.merchants().describe()).containsExactly("host.ca@events.example CA",
                "host@events.example US", "merchant.ca@demo.example CA", "merchant@demo.example US");
        assertThat(settings.credentials().matches("api_user", "p4ssw0rdX", "s1gn4tureX")).isTrue();
        assertThat(options.toString()).doesNotContain("p4ssw0rdX").doesNotContain("s1gn4tureX");
        assertThat(options.listEcMerchants()).isFalse();
    }

    @Test
    void replacesTheMerchantListAndListsIt() {
        EmulatorCommandLine options = EmulatorCommandLine.parse("--ec-merchants", "a@x.example,b@y.example:CA",
                "--list-ec-merchants");

        assertThat(options.expressSettings().merchants().describe()).containsExactly("a@x.example US", "b@y.example CA");
        assertThat(options.listEcMerchants()).isTrue();
        assertThat(EmulatorCommandLine.parse("--ec-merchants=").expressSettings().merchants().emails()).isEmpty();
        assertThat(EmulatorCommandLine.parse().expressSettings().merchants().emails())
                .containsExactly("merchant.ca@demo.example", "merchant@demo.example");
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--ec-merchant", "not-an-email"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorCommandLine.parse("--ec-merchant", "a@b.example:USA"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsMerchantsFromTheCommandLineWithoutStarting() throws Exception {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            PayPalEmulator.main(new String[] {"--list-ec-merchants", "--ec-merchant", "host@events.example"});
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "Express Checkout API user: platform_api1.demo.example\n"
                + "host@events.example US\nmerchant.ca@demo.example CA\nmerchant@demo.example US\n");
    }

    @Test
    void startsOnAFreePortAndStops() throws Exception {
        PayPalEmulator emulator = PayPalEmulator.start("127.0.0.1", 0);
        try {
            assertThat(emulator.port()).isPositive();
            assertThat(emulator.baseUri().toString()).isEqualTo("http://127.0.0.1:" + emulator.port() + "/");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(emulator.baseUri().resolve("/control/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("ok\n");
        } finally {
            emulator.stop();
        }
    }
}
