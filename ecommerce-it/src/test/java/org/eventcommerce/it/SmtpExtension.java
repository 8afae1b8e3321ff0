package org.eventcommerce.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * GreenMail as the real SMTP server of the deployed application, on {@code it.smtp.port} (the port the
 * application is configured with through {@code ECOMMERCE_SMTP_PORT}), once per test JVM.
 */
public class SmtpExtension implements BeforeAllCallback {

    private static GreenMail greenMail;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        smtp();
    }

    /** The running server. */
    public static synchronized GreenMail smtp() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port", 13025), "127.0.0.1",
                    ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }
}
