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
