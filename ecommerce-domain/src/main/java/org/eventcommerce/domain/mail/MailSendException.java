package org.eventcommerce.domain.mail;

/**
 * Sending one message failed ({@link SmtpTransport}). The message names the SMTP server and what went wrong; it
 * never contains the message body.
 *
 * <ul>
 *   <li>{@link #isConnectionFailure()}: the server could not be reached or the connection broke (refused, DNS,
 *       connect or read timeout, TLS); every other message of the same pass would fail the same way.</li>
 *   <li>{@link #isPermanent()}: the server refused the recipient address for good (an SMTP 5xx reply to
 *       {@code RCPT TO}) or the address cannot be parsed; retrying cannot help.</li>
 * </ul>
 */
public class MailSendException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean connectionFailure;
    private final boolean permanent;

    public MailSendException(String message, Throwable cause, boolean connectionFailure, boolean permanent) {
        super(message, cause);
        this.connectionFailure = connectionFailure;
        this.permanent = permanent;
    }

    public boolean isConnectionFailure() {
        return connectionFailure;
    }

    public boolean isPermanent() {
        return permanent;
    }

    /**
     * What the outbox stores as {@code last_error}: this message and the root cause as {@code Class: message},
     * e.g. {@code "Cannot connect to SMTP server localhost:2525 (ConnectException: Connection refused)"}.
     */
    public String describe() {
        return getMessage();
    }
}
