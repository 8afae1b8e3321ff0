package org.eventcommerce.emulator;

/**
 * The options of {@link PayPalEmulator#main(String[])}: {@code --port N} (default 8089, 0 = any free port),
 * {@code --host H} (default 127.0.0.1), {@code --log} (one line per Payflow answer on standard output,
 * never card data). Both {@code --port 8089} and {@code --port=8089} are accepted.
 */
public record EmulatorCommandLine(String host, int port, boolean log) {

    public static final int DEFAULT_PORT = 8089;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String USAGE = "usage: PayPalEmulator [--host 127.0.0.1] [--port 8089] [--log]";

    /** Parses the arguments; throws IllegalArgumentException with a message on a bad option. */
    public static EmulatorCommandLine parse(String... args) {
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        boolean log = false;
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
                case "--host", "--port" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if ("--host".equals(name)) {
                        if (value.isBlank()) {
                            throw new IllegalArgumentException("--host needs a value");
                        }
                        host = value;
                    } else {
                        port = port(value);
                    }
                }
                case "--log" -> log = true;
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        return new EmulatorCommandLine(host, port, log);
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
}
