package org.eventcommerce.payments.payflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.Card;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.FakeHttpServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Card number, security code and password never reach a log, even with every logger of the JVM at FINEST, nor an
 * exception message or a {@link PaymentResult} (PCI; ActiveMerchant {@code payflow_test.rb#test_scrub}).
 */
@Timeout(10)
class PayflowConnectorLoggingTest {

    private static final String PAN = "5105105105105100"; // PFP-2009 ch.5 Mastercard test card (§1.10)
    private static final String CVV = "987";
    private static final Pattern CVV_ALONE = Pattern.compile("(?<!\\d)" + CVV + "(?!\\d)");
    private static final String PASSWORD = "Sup3r&Secret=Pwd";

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + " "
                    + formatter.formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger root = Logger.getLogger("");
    private final Logger connectorLogger = Logger.getLogger(PayflowConnector.class.getName());
    private Level rootLevel;
    private Level connectorLevel;
    private FakePayflowServer server;
    private HttpClient http;

    @BeforeEach
    void captureEverything() throws IOException {
        rootLevel = root.getLevel();
        connectorLevel = connectorLogger.getLevel();
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        root.setLevel(Level.FINEST);
        connectorLogger.setLevel(Level.FINEST);
        server = new FakePayflowServer();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
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
    void noSecretReachesTheLogOrTheResult() throws IOException {
        PayflowConfig config = new PayflowConfig(server.endpoint(),
                new PayflowCredentials("PayPal", "acmeevents", "clerk", PASSWORD), PayflowConfig.DEFAULT_TIMEOUT);
        PayflowConnector connector = new PayflowConnector(config, http);
        Card card = Card.of(PAN, "1229", CVV, "Noémie Brâncuși");
        Attempt attempt = new Attempt("log-0001", "LOG000000001");
        PaymentRequest sale = PaymentRequest.sale(attempt, Money.of("25", "EUR"), card, "seat A-12", "INV-7");
        // a verbose answer that echoes the card (last four, as PayPal does, and here in full, as it never should)
        server.reply(Reply.ok("RESULT=0&PNREF=EFHP0D426A53&RESPMSG=Approved&AUTHCODE=25TEST&AMT=25.00&ACCT=5100"),
                Reply.ok("RESULT=0&PNREF=EFHP0D426A54&RESPMSG=Approved&AMT=25.00&ACCT[16]=" + PAN + "&CVV2=" + CVV),
                Reply.ok("RESULT=0&&ACCT=" + PAN), // unreadable: logged raw-but-scrubbed
                Reply.status(500, "ACCT=" + PAN));

        List<PaymentResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(connector.execute(sale));
        }
        results.add(refusedConnector().execute(sale));

        assertThat(server.received()).hasSize(4);
        assertThat(server.received().getFirst().body()).contains("ACCT[16]=" + PAN, "CVV2[3]=" + CVV,
                "PWD[16]=" + PASSWORD); // the secrets did go on the wire...
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("FINE ")
                .contains("TRXTYPE[1]=S", "ACCT[10]=[FILTERED]", "CVV2[10]=[FILTERED]", "PWD[10]=[FILTERED]",
                        "BILLTOFIRSTNAME[6]=Noemie"));
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("RESULT=0&PNREF=EFHP0D426A53"));
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("WARNING ").contains("NOT_SENT"));
        for (String line : logged) { // ...but never into the log
            assertThat(line).doesNotContain(PAN).doesNotContain(PASSWORD).doesNotContain("Sup3r");
            assertThat(CVV_ALONE.matcher(line).find()).as(line).isFalse();
        }
        for (PaymentResult result : results) {
            String text = result.toString();
            assertThat(text).doesNotContain(PAN).doesNotContain(PASSWORD);
            assertThat(CVV_ALONE.matcher(text).find()).as(text).isFalse();
        }
        assertThat(results.get(1).fields()).containsEntry("ACCT", "[FILTERED]").containsEntry("CVV2", "[FILTERED]");
    }

    @Test
    void programmingErrorsDoNotQuoteTheCard() {
        PayflowConnector connector = new PayflowConnector(PayflowTestData.config(server.endpoint(),
                PayflowConfig.DEFAULT_TIMEOUT), http);
        PaymentRequest captureWithCard = new PaymentRequest(TransactionKind.CAPTURE, new Attempt("x", "X"),
                Money.of("1", "USD"), Card.of(PAN, "1229", CVV, null), "EFHP0D426A53", null, null, null);

        assertThatThrownBy(() -> connector.execute(captureWithCard)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(PAN).doesNotContain(CVV);
        assertThat(logged).noneMatch(line -> line.contains(PAN));
    }

    private PayflowConnector refusedConnector() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        return new PayflowConnector(new PayflowConfig(URI.create("http://127.0.0.1:" + closedPort),
                new PayflowCredentials("PayPal", "acmeevents", "clerk", PASSWORD), PayflowConfig.DEFAULT_TIMEOUT), http);
    }
}
