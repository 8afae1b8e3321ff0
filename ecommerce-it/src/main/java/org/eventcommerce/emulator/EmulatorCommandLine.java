package org.eventcommerce.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eventcommerce.emulator.express.ApiCredentials;
import org.eventcommerce.emulator.express.ExpressSettings;
import org.eventcommerce.emulator.express.PermittedMerchants;

/**
 * The options of {@link PayPalEmulator#main(String[])}:
 * <ul>
 *   <li>{@code --port N} (default 8089, 0 = any free port), {@code --host H} (default 127.0.0.1), {@code --log} (one
 *       line per Payflow answer and per NVP call on standard output, never card data or API secrets);</li>
 *   <li>Express Checkout: {@code --ec-merchant EMAIL[:CC]} (repeatable) adds a merchant who granted the platform API
 *       permission (account country CC, default US) to the defaults ({@link PermittedMerchants#defaults()});
 *       {@code --ec-merchants A[:CC],B[:CC]} replaces the defaults with exactly this list (empty: nobody);
 *       {@code --ec-user U}, {@code --ec-password P}, {@code --ec-signature S} replace the platform's API credentials
 *       (defaults {@link ApiCredentials#DEFAULTS});</li>
 *   <li>{@code --list-ec-merchants}: print the API user and the permitted merchants ("email country") and exit.</li>
 * </ul>
 * Both {@code --port 8089} and {@code --port=8089} forms are accepted.
 *
 * @param ecMerchants       the {@code --ec-merchant}/{@code --ec-merchants} entries, {@code EMAIL} or
 *                          {@code EMAIL:CC}
 * @param ecReplaceDefaults true when {@code --ec-merchants} was given
 * @param ecCredentials     the platform's API credentials
 * @param listEcMerchants   true for {@code --list-ec-merchants}
 */
public record EmulatorCommandLine(String host, int port, boolean log, List<String> ecMerchants,
                                  boolean ecReplaceDefaults, ApiCredentials ecCredentials, boolean listEcMerchants) {

    public static final int DEFAULT_PORT = 8089;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String USAGE = "usage: PayPalEmulator [--host 127.0.0.1] [--port 8089] [--log]"
            + " [--ec-merchant EMAIL[:CC]]... [--ec-merchants EMAIL[:CC],...] [--ec-user U] [--ec-password P]"
            + " [--ec-signature S] [--list-ec-merchants]";

    public EmulatorCommandLine {
        ecMerchants = List.copyOf(ecMerchants);
        Objects.requireNonNull(ecCredentials, "ecCredentials");
    }

    /** Host, port and log only; Express Checkout defaults. */
    public EmulatorCommandLine(String host, int port, boolean log) {
        this(host, port, log, List.of(), false, ApiCredentials.DEFAULTS, false);
    }

    /** Parses the arguments; throws IllegalArgumentException with a message on a bad option. */
    public static EmulatorCommandLine parse(String... args) {
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        boolean log = false;
        List<String> merchants = new ArrayList<>();
        boolean replace = false;
        String user = ApiCredentials.DEFAULT_USER;
        String password = ApiCredentials.DEFAULT_PASSWORD;
        String signature = ApiCredentials.DEFAULT_SIGNATURE;
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--host", "--port", "--ec-merchant", "--ec-merchants", "--ec-user", "--ec-password",
                     "--ec-signature" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--host" -> host = text(name, value);
                        case "--port" -> port = port(value);
                        case "--ec-merchant" -> merchants.add(merchant(value));
                        case "--ec-merchants" -> {
                            replace = true;
                            for (String one : value.split(",")) {
                                if (!one.isBlank()) {
                                    merchants.add(merchant(one.strip()));
                                }
                            }
                        }
                        case "--ec-user" -> user = text(name, value);
                        case "--ec-password" -> password = text(name, value);
                        default -> signature = text(name, value);
                    }
                }
                case "--log" -> log = true;
                case "--list-ec-merchants" -> list = true;
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        return new EmulatorCommandLine(host, port, log, merchants, replace,
                new ApiCredentials(user, password, signature), list);
    }

    /** The Express Checkout settings these options describe. */
    public ExpressSettings expressSettings() {
        PermittedMerchants merchants = ecReplaceDefaults ? PermittedMerchants.none() : PermittedMerchants.defaults();
        for (String entry : ecMerchants) {
            int colon = entry.lastIndexOf(':');
            merchants.permit(colon < 0 ? entry : entry.substring(0, colon), colon < 0 ? "US" : entry.substring(colon + 1));
        }
        return new ExpressSettings(ecCredentials, merchants);
    }

    private static String merchant(String value) {
        int colon = value.lastIndexOf(':');
        String email = colon < 0 ? value : value.substring(0, colon);
        String country = colon < 0 ? "US" : value.substring(colon + 1);
        PermittedMerchants.none().permit(email, country); // validates
        return value;
    }

    private static String text(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return value;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + value);
        }
    }

    @Override
    public String toString() {
        return "EmulatorCommandLine[host=" + host + ", port=" + port + ", log=" + log + ", ecMerchants=" + ecMerchants
                + ", ecReplaceDefaults=" + ecReplaceDefaults + ", " + ecCredentials + ", listEcMerchants="
                + listEcMerchants + "]";
    }
}
