package org.eventcommerce.domain.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eventcommerce.domain.common.BaseEntity;

/**
 * One subject of one failed attempt (table {@code failed_attempt}, V8; indexed by site in V13): in which site (null
 * for sign-ins, which have no site), what was tried ({@link Kind}), by whom ({@link SubjectKind} + subject), when
 * (UTC instant) and, for promotion codes, the code as typed (at most 64 characters). Never holds a password.
 */
@Entity
@Table(name = "failed_attempt")
public class FailedAttempt extends BaseEntity {

    /** What failed. */
    public enum Kind {
        /** A promotion code that does not exist in the site. */
        PROMOTION_CODE,
        /** A sign-in with a wrong e-mail or password. */
        SIGN_IN,
        /**
         * A card payment the provider declined for the card (not for the merchant's set-up,
         * {@link org.eventcommerce.domain.payment.PaymentOutcomes#isMerchantSetupProblem}): card testing.
         */
        CARD_DECLINE
    }

    /** Who tried: the throttle counts each subject on its own. */
    public enum SubjectKind {
        /** A platform API key (its public id, never the key). */
        API_KEY,
        /** An attendee's or a person's e-mail, lower case. */
        EMAIL,
        /** A portal session (a hash of the session id). */
        SESSION,
        /** The client's IP address as the server sees it. */
        ADDRESS,
        /** An order (its public id): the card payments declined on it. */
        ORDER
    }

    /** A subject of an attempt. */
    public record Subject(SubjectKind kind, String value) {

        /**
         * The {@link SubjectKind#EMAIL} subject of an attendee's e-mail: stripped and lower case (ROOT locale), so
         * {@code Ana@Example.com } and {@code ana@example.com} are one person.
         *
         * @throws IllegalArgumentException when {@code email} is null or blank
         */
        public static Subject email(String email) {
            if (email == null || email.isBlank()) {
                throw new IllegalArgumentException("No e-mail");
            }
            return new Subject(SubjectKind.EMAIL, email.strip().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "site_id")
    private Long siteId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    private SubjectKind subjectKind;

    @Column(nullable = false)
    private String subject;

    @Column
    private String attempt;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    protected FailedAttempt() {
    }

    FailedAttempt(Kind kind, Long siteId, Subject subject, String attempt, Instant at) {
        this.kind = kind;
        this.siteId = siteId;
        this.subjectKind = subject.kind();
        this.subject = subject.value().length() > 320 ? subject.value().substring(0, 320) : subject.value();
        this.attempt = attempt == null ? null : attempt.length() > 64 ? attempt.substring(0, 64) : attempt;
        this.attemptedAt = at;
    }

    public Kind getKind() {
        return kind;
    }

    public SubjectKind getSubjectKind() {
        return subjectKind;
    }

    public String getSubject() {
        return subject;
    }

    public String getAttempt() {
        return attempt;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }
}
