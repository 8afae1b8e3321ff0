package org.eventcommerce.domain.mail;

import java.util.Objects;

/**
 * One rendered e-mail for one recipient: what {@link MailOutbox#enqueue} stores and {@link SmtpTransport} sends as
 * a {@code multipart/alternative} message (the text part, then the HTML part), in UTF-8.
 *
 * <p>Shape: {@code new MailMessage("ana@example.com", "Your promotion code from Shop", "Hello Ana, ...",
 * "<p>Hello Ana, ...</p>")}. Every value carries only this recipient's data (issue 3: "each message carries only
 * its own recipient's values").
 *
 * @param to      the recipient's address as written (e.g. {@code o'brien+promo@example.com}); not blank
 * @param subject the subject line, plain text (never HTML-escaped); not null
 * @param text    the {@code text/plain} part, not escaped; not null
 * @param html    the {@code text/html} part, its values already HTML-escaped; not null
 */
public record MailMessage(String to, String subject, String text, String html) {

    /** @throws IllegalArgumentException when {@code to} is blank or a part is null */
    public MailMessage {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("A mail message needs a recipient address");
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    /** Address and subject only: the bodies may hold the promotion code and are kept out of logs. */
    @Override
    public String toString() {
        return "MailMessage[to=" + to + ", subject=" + subject + "]";
    }
}
