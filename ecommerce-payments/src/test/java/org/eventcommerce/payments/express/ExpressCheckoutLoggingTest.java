package org.eventcommerce.payments.express;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The platform's API password and signature never reach a log, a result or a toString, even at FINEST. */
@Timeout(15)
class ExpressCheckoutLoggingTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLevel() + " " + formatter.formatMessage(record)
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger root = Logger.getLogger("");
    private final Logger connectorLogger = Logger.getLogger(ExpressCheckoutConnector.class.getName());
    private Level rootLevel;
    private Level connectorLevel;
    private FakeNvpServer server;
    private HttpClient http;

    @BeforeEach
    void captureEverything() throws IOException {
        rootLevel = root.getLevel();
        connectorLevel = connectorLogger.getLevel();
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        root.setLevel(Level.FINEST);
        connectorLogger.setLevel(Level.FINEST);
        server = new FakeNvpServer();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void restore() {
        server.close();
        http.close();
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        connectorLogger.setLevel(connectorLevel);
    }

    @Test
    void noSecretReachesTheLogOrAResult() throws IOException {
        ExpressCheckoutConfig config = ExpressTestData.config(server.endpoint(), Duration.ofSeconds(5));
        ExpressCheckoutConnector connector = new ExpressCheckoutConnector(config, http);
        // a (wrong) answer that echoes the secrets back
        server.reply("ACK=Success&TOKEN=EC-1&PWD=" + ExpressTestData.PASSWORD.replace("&", "%26")
                        + "&SIGNATURE=" + ExpressTestData.SIGNATURE.replace("/", "%2F"),
                ExpressTestData.NO_PERMISSION, "ACK=Success&PWD=%zz");
        List<Object> results = new ArrayList<>();
        results.add(connector.setExpressCheckout(new CheckoutSetup(Money.of("5", "USD"), URI.create("https://a.example/r"),
                URI.create("https://a.example/c"), null, null, PaymentAction.SALE)));
        results.add(connector.testConnection(Currency.getInstance("USD")));
        results.add(connector.doVoid("AUTH1", "m-1"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        results.add(new ExpressCheckoutConnector(ExpressTestData.config(URI.create("http://127.0.0.1:" + closed + "/nvp"),
                Duration.ofSeconds(2)), http).doVoid("AUTH1", "m-2"));

        assertThat(server.received().getFirst().body()).contains("&PWD=Pw%26d%3DSecr3t%2B1&"); // on the wire...
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("FINE ").contains("PWD=[FILTERED]",
                "SIGNATURE=[FILTERED]", "SUBJECT=host%2Bevents%40merchant.example"));
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("correlation 1b2c3d4e5f6a7"));
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("WARNING ").contains("NOT_SENT"));
        List<String> texts = new ArrayList<>(logged);
        results.forEach(r -> texts.add(r.toString()));
        texts.add(config.toString());
        texts.add(ExpressTestData.CREDENTIALS.toString());
        texts.add(connector.toString());
        for (String text : texts) { // ...but nowhere else
            assertThat(text).doesNotContain("Secr3t").doesNotContain("Secr3t".replace("3", "%33"))
                    .doesNotContain("SignatureWith").doesNotContain("Pw%26d");
        }
    }
}
