package org.eventcommerce.domain.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends {@link MailMessage}s over SMTP with Jakarta Mail. A plain class (no CDI, no JPA) built from plain values,
 * so it can be tested against GreenMail; {@link MailConfig#transport()} builds the application's one from
 * MicroProfile Config, and {@link MailSender} drives it.
 *
 * <p>Each message is {@code multipart/alternative}: a {@code text/plain; charset=UTF-8} part, then a
 * {@code text/html; charset=UTF-8} part (mail readers show the last part they understand, so HTML wins where it
 * can be shown); the subject is RFC 2047-encoded UTF-8 where needed. Connect, read and write timeouts come from
 * {@link Settings} (10 s each by default), so an unreachable or silent server fails within them.
 *
 * <p>Use: {@code try (SmtpTransport.Connection c = transport.open()) { c.send(m1); c.send(m2); }} reuses one SMTP
 * connection for a batch; {@link #send(MailMessage)} sends one message on its own connection. Jakarta Mail
 * sessions are thread-safe; a {@link Connection} is not.
 */
public final class SmtpTransport {

    /**
     * SMTP settings.
     *
     * @param host           SMTP server host, e.g. {@code localhost}
     * @param port           SMTP port, e.g. 25, 587 or GreenMail's 3025
     * @param user           user name for SMTP AUTH, or null/blank for none
     * @param password       password for SMTP AUTH (only with a user); never printed
     * @param starttls       require STARTTLS before anything else is sent (so credentials never travel in clear)
     * @param from           the {@code From} address, e.g. {@code no-reply@shop.example} or
     *                       {@code "Shop <no-reply@shop.example>"}
     * @param connectTimeout how long to wait for the TCP connection
     * @param readTimeout    how long to wait for each server reply (also used as the write timeout)
     */
    public record Settings(String host, int port, String user, String password, boolean starttls, String from,
            Duration connectTimeout, Duration readTimeout) {

        /** @throws IllegalArgumentException for a blank host, a port outside 1–65535 or non-positive timeouts */
        public Settings {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("SMTP host is not set");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("SMTP port out of range: " + port);
            }
            Objects.requireNonNull(from, "from");
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                    || readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("SMTP timeouts must be positive");
            }
        }

        /** Without authentication or TLS, 10 s timeouts: for tests and local relays. */
        public static Settings plain(String host, int port, String from) {
            return new Settings(host, port, null, null, false, from, Duration.ofSeconds(10), Duration.ofSeconds(10));
        }

        boolean authenticates() {
            return user != null && !user.isBlank();
        }

        /** The server as {@code host:port}. */
        public String server() {
            return host + ":" + port;
        }

        @Override
        public String toString() {
            return "Settings[" + server() + ", user=" + (authenticates() ? user : "none") + ", starttls=" + starttls
                    + ", from=" + from + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
        }
    }

    private final Settings settings;
    private final Session session;
    private final InternetAddress from;

    /**
     * @throws IllegalArgumentException when {@code settings.from()} is not a valid address
     */
    public SmtpTransport(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("The sender address (ecommerce.mail.from) is not valid: "
                    + settings.from(), e);
        }
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(Settings s) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", s.host());
        p.setProperty("mail.smtp.port", Integer.toString(s.port()));
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(s.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(s.readTimeout().toMillis()));
        p.setProperty("mail.smtp.auth", Boolean.toString(s.authenticates()));
        if (s.starttls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    public Settings settings() {
        return settings;
    }

    /** The Jakarta Mail session (SMTP properties only; no default-instance sharing). */
    public Session session() {
        return session;
    }

    /**
     * Sends one message on a connection of its own.
     *
     * @throws MailSendException when the server cannot be reached, refuses the message or times out
     */
    public void send(MailMessage message) throws MailSendException {
        try (Connection c = open()) {
            c.send(message);
        }
    }

    /**
     * Connects to the SMTP server (and authenticates, and starts TLS, as configured).
     *
     * @return an open connection; close it when done
     * @throws MailSendException ({@link MailSendException#isConnectionFailure() connection failure}) when the
     *                           server cannot be reached within the connect timeout or refuses the login
     */
    public Connection open() throws MailSendException {
        Connection c = new Connection();
        c.connect();
        return c;
    }

    /**
     * The MIME message for {@code m}: From, To, Subject (UTF-8), Date and a {@code multipart/alternative} body with
     * the text part and the HTML part.
     *
     * @throws AddressException when the recipient address cannot be parsed
     */
    public MimeMessage toMime(MailMessage m) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
        mime.setSubject(m.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        mime.saveChanges();
        return mime;
    }

    /** One SMTP connection, reused for several messages; reconnects once when the server dropped it. */
    public final class Connection implements AutoCloseable {

        private Transport transport;

        private Connection() {
        }

        private void connect() throws MailSendException {
            try {
                Transport t = session.getTransport("smtp");
                if (settings.authenticates()) {
                    t.connect(settings.host(), settings.port(), settings.user(), settings.password());
                } else {
                    t.connect();
                }
                transport = t;
            } catch (MessagingException | IllegalStateException e) {
                throw new MailSendException("Cannot connect to SMTP server " + settings.server() + " ("
                        + summary(e) + ")", e, true, false);
            }
        }

        /**
         * Sends {@code m}.
         *
         * @throws MailSendException connection failure (server gone, timeout: the connection is closed, the next
         *                           call reconnects), permanent (the address is refused or unparsable), or another
         *                           refusal (e.g. a 4xx reply: try again later)
         */
        public void send(MailMessage m) throws MailSendException {
            MimeMessage mime;
            try {
                mime = toMime(m);
            } catch (AddressException e) {
                throw new MailSendException("Invalid recipient address " + m.to() + " (" + summary(e) + ")", e,
                        false, true);
            } catch (MessagingException e) {
                throw new MailSendException("Cannot build the message to " + m.to() + " (" + summary(e) + ")", e,
                        false, false);
            }
            if (transport == null || !transport.isConnected()) {
                closeQuietly();
                connect();
            }
            try {
                transport.sendMessage(mime, mime.getAllRecipients());
            } catch (SendFailedException e) {
                boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                        && isEmpty(e.getValidSentAddresses()) && isEmpty(e.getValidUnsentAddresses());
                throw new MailSendException("SMTP server " + settings.server() + " did not accept the message to "
                        + m.to() + " (" + summary(e) + ")", e, false, refused);
            } catch (MessagingException | IllegalStateException e) {
                boolean broken = hasIoCause(e) || !transport.isConnected();
                if (broken) {
                    closeQuietly();
                }
                throw new MailSendException("Sending to " + m.to() + " through SMTP server " + settings.server()
                        + " failed (" + summary(e) + ")", e, broken, false);
            }
        }

        @Override
        public void close() {
            closeQuietly();
        }

        private void closeQuietly() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException | RuntimeException ignored) {
                    // the connection is gone either way
                }
                transport = null;
            }
        }
    }

    private static boolean isEmpty(Address[] a) {
        return a == null || a.length == 0;
    }

    private static boolean hasIoCause(Throwable t) {
        for (Throwable c = t; c != null; c = next(c)) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The cause, following MessagingException's own chain too. */
    private static Throwable next(Throwable t) {
        Throwable c = t instanceof MessagingException me && me.getNextException() != null ? me.getNextException()
                : t.getCause();
        return c == t ? null : c;
    }

    /**
     * {@code Class: message} of {@code t} and, when different, of its deepest cause, in one line. Jakarta Mail
     * messages name the server and the SMTP reply, never the message content.
     */
    static String summary(Throwable t) {
        Throwable root = t;
        int depth = 0;
        for (Throwable c = next(t); c != null && depth < 10; c = next(c), depth++) {
            root = c;
        }
        String s = describe(t);
        if (root != t) {
            s += "; caused by " + describe(root);
        }
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String describe(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
    }
}
