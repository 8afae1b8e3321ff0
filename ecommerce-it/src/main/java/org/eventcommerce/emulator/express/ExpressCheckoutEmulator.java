package org.eventcommerce.emulator.express;

import com.sun.net.httpserver.HttpServer;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The classic NVP Express Checkout emulator (§3.1-§3.7), installed on the emulator's HTTP server:
 * <ul>
 *   <li>{@code POST /nvp}: the API ({@link NvpEndpoint}, {@link NvpOperations});</li>
 *   <li>{@code /cgi-bin/webscr?cmd=_express-checkout&token=...}: the buyer's approval page ({@link ApprovalPage});</li>
 *   <li>{@code /control/ec/...}: test controls ({@link ExpressControlEndpoint}, {@link ExpressControls}).</li>
 * </ul>
 * Platform credentials and permitted merchants come from {@link ExpressSettings} (defaults
 * {@link ApiCredentials#DEFAULTS}, {@link PermittedMerchants#defaults()}). Tokens live 3 hours on the
 * {@link ExpressClock}, which tests may move. Thread-safe.
 */
public final class ExpressCheckoutEmulator {

    private final ExpressSettings settings;
    private final ExpressClock clock;
    private final ExpressStore store = new ExpressStore();
    private final Buyer buyer = new Buyer();
    private final ExpressControls controls;
    private final NvpOperations operations;

    /**
     * @param settings credentials and merchants (kept by reference: changes apply at once)
     * @param clock    the base clock; the Express Checkout clock is this plus an adjustable offset
     */
    public ExpressCheckoutEmulator(ExpressSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = new ExpressClock(Objects.requireNonNull(clock, "clock"));
        this.controls = new ExpressControls(store, this.clock, settings.merchants(), buyer);
        this.operations = new NvpOperations(store, this.clock, settings, controls);
    }

    /** Adds the three contexts to {@code server}; {@code log} receives one line per NVP call (no secrets). */
    public void install(HttpServer server, Consumer<String> log) {
        server.createContext("/nvp", new NvpEndpoint(operations, log));
        server.createContext("/cgi-bin/webscr", new ApprovalPage(store, clock, buyer));
        server.createContext("/control/ec/", new ExpressControlEndpoint(controls, store, clock));
    }

    /** The test controls. */
    public ExpressControls controls() {
        return controls;
    }

    /** Credentials and permitted merchants. */
    public ExpressSettings settings() {
        return settings;
    }
}
