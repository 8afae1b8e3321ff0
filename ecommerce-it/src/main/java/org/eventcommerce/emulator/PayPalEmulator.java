package org.eventcommerce.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.eventcommerce.emulator.express.ExpressCheckoutEmulator;
import org.eventcommerce.emulator.express.ExpressSettings;

/**
 * The PayPal emulator: a standalone HTTP server that answers the Payflow Pro NVP endpoint as PayPal documents
 * its pilot server (paypal-protocols.md §1.1-§1.10; DESIGN.md "The PayPal emulator"). Test and demo
 * infrastructure only, never packaged into the WAR; it shares no code with the project's connectors.
 *
 * <ul>
 *   <li>{@code POST /}: Payflow NVP ({@link PayflowEndpoint}), including Secure Token creation ({@link SecureTokens})
 *       and Express Checkout through Payflow ({@link ExpressCheckouts}); test credentials in
 *       {@link EmulatorAccounts};</li>
 *   <li>{@code /hosted}: the hosted checkout page of a Secure Token ({@link HostedPageEndpoint});</li>
 *   <li>{@code /payflow-ec/checkout}: the buyer's Payflow Express Checkout approval page ({@link ExpressCheckoutPage});</li>
 *   <li>{@code /control/...}: test controls ({@link ControlEndpoint}, {@link EmulatorControl});</li>
 *   <li>{@code POST /nvp}, {@code /cgi-bin/webscr} and {@code /control/ec/...}: classic NVP Express Checkout, its
 *       buyer approval page and its controls ({@link ExpressCheckoutEmulator}; §3).</li>
 * </ul>
 *
 * <p>Run standalone: {@code java -cp ecommerce-it/target/classes org.eventcommerce.emulator.PayPalEmulator
 * --port 8089 --host 127.0.0.1}; it prints "PayPal emulator listening on http://127.0.0.1:8089/" and runs until
 * killed. From tests: {@code PayPalEmulator.start("127.0.0.1", 0)}. Thread-safe; each request runs on its own
 * virtual thread, so held answers do not block others.
 */
public final class PayPalEmulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final String host;
    private final EmulatorAccounts accounts;
    private final TransactionLedger ledger;
    private final EmulatorControl control;
    private final ExpressCheckoutEmulator express;
    private final SilentPoster silentPoster;

    private PayPalEmulator(HttpServer server, ExecutorService executor, String host, EmulatorAccounts accounts,
                           TransactionLedger ledger, EmulatorControl control, ExpressCheckoutEmulator express,
                           SilentPoster silentPoster) {
        this.silentPoster = silentPoster;
        this.server = server;
        this.executor = executor;
        this.host = host;
        this.accounts = accounts;
        this.ledger = ledger;
        this.control = control;
        this.express = express;
    }

    /** Starts on {@code host}:{@code port} (0 = any free port) with the system UTC clock and no logging. */
    public static PayPalEmulator start(String host, int port) throws IOException {
        return start(host, port, Clock.systemUTC(), message -> { });
    }

    /**
     * Starts with a given clock (expiry dates, TRANSTIME) and a log sink receiving one line per Payflow answer
     * (never card data).
     */
    public static PayPalEmulator start(String host, int port, Clock clock, Consumer<String> log) throws IOException {
        return start(host, port, clock, log, ExpressSettings.defaults());
    }

    /**
     * Starts with a given clock, log sink, and Express Checkout settings (the platform's API credentials and the
     * merchants who granted permission).
     */
    public static PayPalEmulator start(String host, int port, Clock clock, Consumer<String> log,
                                       ExpressSettings expressSettings) throws IOException {
        EmulatorAccounts accounts = EmulatorAccounts.defaults();
        TransactionLedger ledger = new TransactionLedger();
        DuplicateRequestGuard duplicates = new DuplicateRequestGuard();
        EmulatorControl control = new EmulatorControl(ledger, duplicates, new HoldGate());
        TransactionRecorder recorder = new TransactionRecorder(ledger, new ReferenceGenerator(), clock);
        VerbosityFields verbosity = new VerbosityFields(clock);
        CardTransactions cards = new CardTransactions(recorder, control, new ExpiryDate(clock), verbosity);
        SecureTokens secureTokens = new SecureTokens(clock);
        ExpressCheckouts expressCheckouts = new ExpressCheckouts(recorder, control, verbosity, clock);
        control.onReset(secureTokens::clear);
        control.onReset(expressCheckouts::clear);
        SilentPoster silentPoster = new SilentPoster(log);
        PayflowProcessor processor = new PayflowProcessor(recorder, cards,
                new FollowOnTransactions(ledger, recorder, control, verbosity),
                new Inquiries(ledger, recorder, verbosity), secureTokens, expressCheckouts);

        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 256);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new PayflowEndpoint(accounts, duplicates, processor, control, log));
        ExpressCheckoutEmulator express = new ExpressCheckoutEmulator(expressSettings, clock);
        server.createContext("/control/", new ControlEndpoint(control, ledger, express.controls()::reset));
        express.install(server, log);
        server.createContext("/hosted", new HostedPageEndpoint(secureTokens, cards, silentPoster, log));
        server.createContext("/payflow-ec/", new ExpressCheckoutPage(expressCheckouts));
        server.start();
        return new PayPalEmulator(server, executor, host, accounts, ledger, control, express, silentPoster);
    }

    /** {@code http://host:port/}, the URL to configure as the Payflow host. */
    public URI baseUri() {
        String shownHost = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + shownHost + ":" + port() + "/");
    }

    /**
     * The hosted checkout page for Secure Tokens, {@code http://host:port/hosted}: configure it as the hosted-page
     * base of the connector (PayPal's is {@code https://payflowlink.paypal.com}).
     */
    public URI hostedPageUri() {
        return baseUri().resolve("hosted");
    }

    /**
     * The Express Checkout approval page for Payflow EC, {@code http://host:port/payflow-ec/checkout}: configure it
     * as the Express Checkout base of the connector (PayPal's is {@code https://www.sandbox.paypal.com/cgi-bin/webscr}).
     */
    public URI expressCheckoutUri() {
        return baseUri().resolve("payflow-ec/checkout");
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Delivers the hosted page's Silent POSTs to {@code base} (scheme, host, port; the path and query stay those of
     * SILENTPOSTURL), or as given when null. Integration tests need it: their server listens on a port Arquillian
     * picks, while the URLs it writes carry its public URL (as behind a proxy).
     */
    public void deliverSilentPostsTo(URI base) {
        silentPoster.deliverTo(base);
    }

    /** The test controls. */
    public EmulatorControl control() {
        return control;
    }

    /** The classic NVP Express Checkout emulator: its controls and settings. */
    public ExpressCheckoutEmulator express() {
        return express;
    }

    /** The merchant accounts; {@code accounts().register(...)} adds one. */
    public EmulatorAccounts accounts() {
        return accounts;
    }

    /** The recorded transactions. */
    public TransactionLedger ledger() {
        return ledger;
    }

    /** Read-only copies of the recorded transactions, in order. */
    public List<TransactionRecord> transactions() {
        return ledger.snapshot();
    }

    /** Releases held answers and stops the server. */
    public void stop() {
        control.release();
        server.stop(0);
        executor.shutdownNow();
        silentPoster.close();
    }

    @Override
    public void close() {
        stop();
    }

    /** Runs the emulator until the process is killed. Options: see {@link EmulatorCommandLine}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        EmulatorCommandLine options;
        try {
            options = EmulatorCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(EmulatorCommandLine.USAGE);
            System.exit(2);
            return;
        }
        ExpressSettings expressSettings = options.expressSettings();
        if (options.listEcMerchants()) {
            System.out.println("Express Checkout API user: " + expressSettings.credentials().user());
            expressSettings.merchants().describe().forEach(System.out::println);
            return;
        }
        Consumer<String> log = options.log() ? System.out::println : message -> { };
        PayPalEmulator emulator = start(options.host(), options.port(), Clock.systemUTC(), log, expressSettings);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop, "paypal-emulator-stop"));
        System.out.println("PayPal emulator listening on " + emulator.baseUri());
        System.out.println("Express Checkout: API user " + expressSettings.credentials().user()
                + ", merchants who granted permission: " + String.join(", ", expressSettings.merchants().emails()));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
