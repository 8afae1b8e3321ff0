package org.eventcommerce.domain.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eventcommerce.domain.security.FailedAttempt.Kind;
import org.eventcommerce.domain.security.FailedAttempt.Subject;
import org.eventcommerce.domain.security.FailedAttempt.SubjectKind;

/**
 * Throttles guessing (issue 5 "Security"): promotion codes that do not exist, failed sign-ins, and card numbers
 * tried on one order until one passes (card testing: a declined card payment counts against its order). Each failure is
 * recorded once per subject (API key, e-mail, session, client address) in {@code failed_attempt}; while any
 * subject of a new attempt has {@code limit} or more failures of the same kind in the last {@code window}, the
 * attempt is refused with {@link TooManyAttemptsException} before anything is looked up, so a blocked guesser
 * learns nothing, not even from a right guess. The counts live in the database, so every instance sees the same
 * ones (DESIGN.md "Scaling out").
 *
 * <p>Promotion-code failures are counted per site (DESIGN.md "nothing crosses sites"): the same e-mail, address or
 * session guessing on one site never blocks it on another, and each site's administrator sees only the site's own
 * rows. Sign-ins have no site (one sign-in page serves every site, and an e-mail may have an account in several):
 * they are counted across the deployment, with a null site.
 *
 * <p>Limits (MicroProfile Config, per subject, per window): a subject that is one person (an e-mail, a browser
 * session) gets {@code ecommerce.throttle.promotion-codes.failures} (default 10) or
 * {@code ecommerce.throttle.sign-in.failures} (10); a subject many people share (a platform API key, which serves
 * every attendee, and a client address, which may be an office behind one NAT or a proxy) gets
 * {@code ecommerce.throttle.shared-failures} (100), so one guesser cannot lock everyone else out.
 * Windows: {@code ecommerce.throttle.promotion-codes.window-minutes} and
 * {@code ecommerce.throttle.sign-in.window-minutes} (15 each). Card payments declined on one order:
 * {@code ecommerce.throttle.card-declines.failures} (default 10) in
 * {@code ecommerce.throttle.card-declines.window-minutes} (60).
 */
@ApplicationScoped
public class AttemptThrottle {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ecommerce.throttle.promotion-codes.failures", defaultValue = "10")
    int codeFailures;

    @Inject
    @ConfigProperty(name = "ecommerce.throttle.shared-failures", defaultValue = "100")
    int sharedFailures;

    @Inject
    @ConfigProperty(name = "ecommerce.throttle.promotion-codes.window-minutes", defaultValue = "15")
    int codeWindowMinutes;

    @Inject
    @ConfigProperty(name = "ecommerce.throttle.sign-in.failures", defaultValue = "10")
    int signInFailures;

    @Inject
    @ConfigProperty(name = "ecommerce.throttle.sign-in.window-minutes", defaultValue = "15")
    int signInWindowMinutes;

    @Inject
    @ConfigProperty(name = "ecommerce.throttle.card-declines.failures", defaultValue = "10")
    int cardDeclines;

    @Inject
    @ConfigProperty(name = "ecommerce.throttle.card-declines.window-minutes", defaultValue = "60")
    int cardWindowMinutes;

    /**
     * Refuses the attempt when one of {@code subjects} is over the limit of {@code kind} in {@code siteId}.
     *
     * @param siteId the site whose failures count (promotion codes), or null for sign-ins, which have no site
     * @throws TooManyAttemptsException {@code error.promotion.tooManyAttempts} or {@code error.signIn.tooManyAttempts}
     *                                  with the minutes to wait
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void check(Kind kind, Long siteId, List<Subject> subjects) {
        Duration window = window(kind);
        Instant now = clock.instant();
        Instant since = now.minus(window);
        for (Subject s : subjects) {
            var query = em.createQuery("select a.attemptedAt from FailedAttempt a where a.kind = :k"
                            + (siteId == null ? " and a.siteId is null" : " and a.siteId = :site")
                            + " and a.subjectKind = :sk and a.subject = :s and a.attemptedAt > :since"
                            + " order by a.attemptedAt desc", Instant.class)
                    .setParameter("k", kind).setParameter("sk", s.kind()).setParameter("s", s.value())
                    .setParameter("since", since).setMaxResults(limit(kind, s.kind()));
            if (siteId != null) {
                query.setParameter("site", siteId);
            }
            List<Instant> recent = query.getResultList();
            if (recent.size() >= limit(kind, s.kind())) {
                // Free again when the oldest of the counted failures leaves the window.
                Duration wait = Duration.between(now, recent.getLast().plus(window));
                throw new TooManyAttemptsException(switch (kind) {
                    case SIGN_IN -> "error.signIn.tooManyAttempts";
                    case CARD_DECLINE -> "error.payment.tooManyDeclines";
                    case PROMOTION_CODE -> "error.promotion.tooManyAttempts";
                }, wait);
            }
        }
    }

    /**
     * Records one failure of {@code kind} for each subject, in its own transaction (the caller's is rolled back by
     * the problem it is about to throw).
     *
     * @param siteId  the site (the failures count there only), or null for sign-ins
     * @param attempt what was typed (a promotion code; not kept for sign-ins and card declines: never a password
     *                nor card data)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(Kind kind, Long siteId, List<Subject> subjects, String attempt) {
        Instant now = clock.instant();
        for (Subject s : subjects) {
            em.persist(new FailedAttempt(kind, siteId, s, kind == Kind.PROMOTION_CODE ? attempt : null, now));
        }
    }

    /** The site's failed promotion-code attempts, newest first, one page (paged in the database). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FailedAttempt> promotionCodeFailures(long siteId, int first, int max) {
        return em.createQuery("select a from FailedAttempt a where a.siteId = :s and a.kind = :k"
                        + " order by a.attemptedAt desc, a.id desc", FailedAttempt.class)
                .setParameter("s", siteId).setParameter("k", Kind.PROMOTION_CODE)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** How many failed promotion-code attempt rows the site has. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long promotionCodeFailureCount(long siteId) {
        return em.createQuery("select count(a) from FailedAttempt a where a.siteId = :s and a.kind = :k", Long.class)
                .setParameter("s", siteId).setParameter("k", Kind.PROMOTION_CODE).getSingleResult();
    }

    /** Deletes the rows older than {@code age}; returns how many. */
    @Transactional
    public int purgeOlderThan(Duration age) {
        return em.createQuery("delete from FailedAttempt a where a.attemptedAt < :t")
                .setParameter("t", clock.instant().minus(age)).executeUpdate();
    }

    /** The limit of {@code kind} for a subject of {@code subjectKind}. */
    public int limit(Kind kind, SubjectKind subjectKind) {
        if (subjectKind == SubjectKind.API_KEY || subjectKind == SubjectKind.ADDRESS) {
            return sharedFailures;
        }
        return switch (kind) {
            case SIGN_IN -> signInFailures;
            case CARD_DECLINE -> cardDeclines;
            case PROMOTION_CODE -> codeFailures;
        };
    }

    /** The window of {@code kind}. */
    public Duration window(Kind kind) {
        return Duration.ofMinutes(switch (kind) {
            case SIGN_IN -> signInWindowMinutes;
            case CARD_DECLINE -> cardWindowMinutes;
            case PROMOTION_CODE -> codeWindowMinutes;
        });
    }
}
