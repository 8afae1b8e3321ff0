package org.eventcommerce.domain.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.OperatingMode;

/**
 * One e-mail waiting in, or sent from, the outbox (table {@code mail_outbox}, migration V2). Rows are kept as the
 * history the outbox view shows; they are never deleted by the application.
 *
 * <p>Life cycle: {@link Status#PENDING} → {@link Status#SENT}; or PENDING → (failed attempt, retried after
 * {@link #BACKOFF}) → ... → {@link Status#FAILED} after {@value #MAX_ATTEMPTS} attempts or at once when the
 * server refuses the address for good; FAILED → PENDING again when the administrator retries. {@link Status#HELD}
 * is Test mode without a redirect address: the mail stays in the outbox view and is never sent.
 *
 * <p>{@link #getLastError()} is the exception class and message of the last failure, truncated to
 * {@value #LAST_ERROR_MAX} characters; it never holds the message body (which holds the code).
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxEntry extends BaseEntity {

    /** Where an outbox entry stands. */
    public enum Status {
        /** Waiting to be sent (due at {@link #getNextAttemptAt()}). */
        PENDING,
        /** Accepted by the SMTP server. */
        SENT,
        /** Given up: every attempt failed, or the server refused the address for good; the administrator may retry. */
        FAILED,
        /** Test mode without a redirect address: kept in the outbox, never sent to anyone. */
        HELD
    }

    /** Attempts before an entry is FAILED. */
    public static final int MAX_ATTEMPTS = 5;

    /** The wait after the 1st, 2nd, 3rd and 4th failed attempt; the 5th makes the entry FAILED. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofHours(1));

    /** Column sizes (V2__promotion_codes.sql). */
    static final int SUBJECT_MAX = 1000;
    static final int BODY_MAX = 1_000_000;
    static final int LAST_ERROR_MAX = 500;
    static final int BATCH_ID_MAX = 36;
    static final int RECIPIENT_MAX = 254;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "site_id")
    private Site site;

    @Column(name = "batch_id")
    private String batchId;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false)
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "operating_mode", nullable = false)
    private OperatingMode mode;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxEntry() {
    }

    /**
     * A new entry for {@code message}, applying the operating mode (issue 3: "In Test mode no mail reaches a real
     * recipient"):
     * <ul>
     *   <li>PRODUCTION: PENDING, to {@code message.to()}, subject as given;</li>
     *   <li>TEST with a redirect address: PENDING, to the redirect address, subject prefixed
     *       {@code "[Test → original@address] "} so the administrator sees whom it was for;</li>
     *   <li>TEST without a redirect (null or blank): HELD, addressed to {@code message.to()}, never sent.</li>
     * </ul>
     *
     * @param batchId      groups the mails of one creation (for progress); null or at most 36 characters
     * @param testRedirect the site's Test-mode redirect address; ignored in PRODUCTION
     * @throws IllegalArgumentException when the batch id, the recipient or a rendered part is too long for its
     *                                  column (a subject beyond {@value #SUBJECT_MAX} characters is shortened)
     */
    public static OutboxEntry create(Site site, String batchId, OperatingMode mode, String testRedirect,
            MailMessage message, Instant now) {
        if (mode == null) {
            throw new IllegalArgumentException("The operating mode decides where mail goes; it must be set");
        }
        if (batchId != null && batchId.length() > BATCH_ID_MAX) {
            throw new IllegalArgumentException("Batch id longer than " + BATCH_ID_MAX + " characters");
        }
        String redirect = testRedirect == null || testRedirect.isBlank() ? null : testRedirect.strip();
        String to = message.to().strip();
        String subject = MailTemplate.singleLine(message.subject());
        Status status = Status.PENDING;
        if (mode == OperatingMode.TEST) {
            if (redirect == null) {
                status = Status.HELD;
            } else {
                subject = testPrefix(to) + subject;
                to = redirect;
            }
        }
        if (to.length() > RECIPIENT_MAX) {
            throw new IllegalArgumentException("Recipient address longer than " + RECIPIENT_MAX + " characters");
        }
        if (message.text().length() > BODY_MAX || message.html().length() > BODY_MAX) {
            throw new IllegalArgumentException("Rendered mail body longer than " + BODY_MAX + " characters");
        }
        OutboxEntry e = new OutboxEntry();
        e.site = site;
        e.batchId = batchId;
        e.recipient = to;
        e.subject = truncate(subject, SUBJECT_MAX);
        e.textBody = message.text();
        e.htmlBody = message.html();
        e.status = status;
        e.mode = mode;
        e.attempts = 0;
        e.nextAttemptAt = now;
        e.createdAt = now;
        return e;
    }

    /** The Test-mode subject prefix: {@code "[Test → ana@example.com] "}. */
    public static String testPrefix(String originalRecipient) {
        return "[Test \u2192 " + originalRecipient + "] ";
    }

    /** The message to hand to {@link SmtpTransport}: this entry's (possibly redirected) recipient and parts. */
    public MailMessage toMessage() {
        return new MailMessage(recipient, subject, textBody, htmlBody);
    }

    /** The SMTP server accepted the message. */
    void markSent(Instant now) {
        status = Status.SENT;
        attempts++;
        sentAt = now;
        lastError = null;
    }

    /**
     * An attempt failed: one more attempt counted; PENDING again after {@link #BACKOFF}, or FAILED when this was
     * attempt {@value #MAX_ATTEMPTS} or {@code permanent} (the server refused the address for good).
     *
     * @param error a description without the message body (see {@link MailSendException#describe()})
     */
    void markFailed(String error, boolean permanent, Instant now) {
        attempts++;
        lastError = truncate(error == null ? "unknown error" : error, LAST_ERROR_MAX);
        if (permanent || attempts >= MAX_ATTEMPTS) {
            status = Status.FAILED;
            nextAttemptAt = now;
        } else {
            status = Status.PENDING;
            nextAttemptAt = now.plus(backoff(attempts));
        }
    }

    /** The wait after {@code failedAttempts} failed attempts (1 → 30 s, 2 → 2 min, 3 → 10 min, 4+ → 1 h). */
    public static Duration backoff(int failedAttempts) {
        int i = Math.max(1, Math.min(failedAttempts, BACKOFF.size())) - 1;
        return BACKOFF.get(i);
    }

    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = max - 1;
        if (Character.isLowSurrogate(s.charAt(cut))) {
            cut--; // never split a surrogate pair
        }
        return s.substring(0, cut) + "\u2026";
    }

    public Site getSite() {
        return site;
    }

    public String getBatchId() {
        return batchId;
    }

    /** Where the mail goes: the recipient, or in Test mode the redirect address. */
    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public Status getStatus() {
        return status;
    }

    public OperatingMode getMode() {
        return mode;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    @Override
    public String toString() {
        return "OutboxEntry[id=" + getId() + ", to=" + recipient + ", status=" + status + ", attempts=" + attempts
                + "]";
    }
}
