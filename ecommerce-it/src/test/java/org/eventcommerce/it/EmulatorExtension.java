package org.eventcommerce.it;

import org.eventcommerce.emulator.PayPalEmulator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the PayPal emulator once per test JVM on {@code it.emulator.port} (the port the deployed
 * application is configured to call through {@code ECOMMERCE_PAYFLOW_TEST_URL}). It runs beside the
 * application, not inside it, so the application never shares its code.
 */
public class EmulatorExtension implements BeforeAllCallback {

    private static PayPalEmulator emulator;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        emulator();
    }

    /** The running emulator. */
    public static synchronized PayPalEmulator emulator() {
        if (emulator == null) {
            int port = Integer.getInteger("it.emulator.port", 18089);
            try {
                emulator = PayPalEmulator.start("127.0.0.1", port);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot start the PayPal emulator on port " + port, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop));
        }
        return emulator;
    }
}
