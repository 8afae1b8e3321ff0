package org.eventcommerce.domain.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eventcommerce.domain.common.Problems;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.config.AppConfig;
import org.eventcommerce.domain.security.SecretCipher;
import org.eventcommerce.domain.site.Site;

/**
 * {@code Idempotency-Key} handling for writes that move money (API.md "Conventions"): the first request
 * with a key claims it (a unique row, so two instances racing agree on one winner); a repeat with the same
 * body replays the stored response; with another body it is {@code /problems/idempotency-conflict}. A
 * request that fails with an error changes nothing, so its claim is released and the key can be used again.
 *
 * <p>A claim whose request died (the process killed during the provider call) never gets its response. The claim
 * carries the transaction its request recorded before the call ({@link IdempotencyLinker}); once the claim is older
 * than {@code ecommerce.idempotency.abandon-after-seconds} (default 300, longer than any request can last: three
 * provider calls of the client timeout), a repeat answers from that transaction as soon as it is settled (by the
 * reconciler's inquiry), and stores that answer; a claim that recorded no transaction (nothing was sent) is taken
 * over and the request runs as new. Nothing is ever sent twice for one key.
 */
@ApplicationScoped
public class IdempotencyService {

    private static final System.Logger LOG = System.getLogger(IdempotencyService.class.getName());

    /** How long a repeat waits for the first request to finish before answering 409. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    Clock clock;

    @Inject
    IdempotencyStore store;

    @Inject
    ClaimHolder holder;

    @Inject
    AppConfig config;

    /** A stored response. */
    public record Stored(int status, String body) {
    }

    /** Rebuilds the answer of a claimed request whose process died, from the transaction it recorded. */
    @FunctionalInterface
    public interface Recovery {
        /**
         * @param transactionId the database id of the transaction the request recorded before its provider call
         * @return the answer the request would have given, or empty while the transaction is still unresolved
         *         (PENDING or UNKNOWN)
         */
        Optional<Stored> answer(long transactionId);
    }

    /** What a request does with a key found already claimed; see {@link #verdict}. */
    enum Verdict {
        /** Another body or scope under the key: 409 idempotency-conflict. */
        CONFLICT,
        /** The first request finished: replay its answer. */
        REPLAY,
        /** The first request may still be running: wait for it. */
        WAIT,
        /** The first request died before recording anything: nothing was sent, take the claim over. */
        TAKE_OVER,
        /** The first request died after recording its attempt: answer from that transaction once settled. */
        RECOVER
    }

    /**
     * The decision on a claimed key.
     *
     * @param ownHash      the keyed MAC of this request's scope and body
     * @param r            the claim as stored
     * @param now          the current instant (UTC)
     * @param abandonAfter the age past which an unanswered claim's request is taken as dead
     */
    static Verdict verdict(String ownHash, IdempotencyRecord r, Instant now, Duration abandonAfter) {
        if (!r.getRequestHash().equals(ownHash)) {
            return Verdict.CONFLICT;
        }
        if (r.getResponseStatus() != null) {
            return Verdict.REPLAY;
        }
        if (Duration.between(r.getCreatedAt(), now).compareTo(abandonAfter) < 0) {
            return Verdict.WAIT;
        }
        return r.getTransactionId() == null ? Verdict.TAKE_OVER : Verdict.RECOVER;
    }

    /**
     * Claims {@code key} for this request, or returns the response stored for an identical earlier one.
     *
     * @param scope    what the key is used for, e.g. {@code payments:<order id>}
     * @param body     the raw request body (hashed with a keyed MAC, never stored)
     * @param recovery rebuilds the answer of an abandoned claim from its recorded transaction
     * @return empty when claimed (go ahead, then call {@link #finish} or {@link #release})
     * @throws ValidationException when the key is not 1–64 characters
     * @throws org.eventcommerce.domain.common.BusinessException idempotency-conflict for another body or scope;
     *         order-state when the first request is still running after the wait, or died and its transaction is
     *         not settled yet
     */
    public Optional<Stored> claim(Site site, String key, String scope, String body, Recovery recovery) {
        if (key == null || key.isEmpty() || key.length() > 64) {
            throw ValidationException.of("Idempotency-Key", "validation.idempotencyKey");
        }
        String hash = cipher.mac("idempotency", scope + "\n" + body);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                if (store.tryInsert(site, key, scope, hash, clock.instant())) {
                    holder.hold(site.getId(), key);
                    LOG.log(System.Logger.Level.DEBUG, "Idempotency-Key of site {0} claimed", site.getId());
                    return Optional.empty();
                }
            } catch (KeyTaken | jakarta.transaction.TransactionalException lostRace) {
                LOG.log(System.Logger.Level.DEBUG, "Idempotency-Key of site {0}: claim lost ({1})", site.getId(),
                        lostRace.getClass().getSimpleName());
                // fall through and read the winner's row
            }
            Optional<IdempotencyRecord> existing = store.find(site.getId(), key);
            if (existing.isEmpty()) {
                continue; // released meanwhile: try to claim again
            }
            IdempotencyRecord r = existing.get();
            Verdict v = verdict(hash, r, clock.instant(), config.idempotencyAbandonAfter());
            LOG.log(System.Logger.Level.DEBUG, "Idempotency-Key of site {0} already claimed: {1}", site.getId(), v);
            switch (v) {
                case CONFLICT -> throw Problems.idempotencyConflict();
                case REPLAY -> {
                    return Optional.of(new Stored(r.getResponseStatus(), r.getResponseBody()));
                }
                case TAKE_OVER -> {
                    if (store.takeOver(site.getId(), key, r.getCreatedAt(), clock.instant())) {
                        holder.hold(site.getId(), key);
                        return Optional.empty();
                    }
                    // another repeat took it over first: read again
                }
                case RECOVER -> {
                    Optional<Stored> answer = recovery.answer(r.getTransactionId());
                    if (answer.isEmpty()) {
                        throw Problems.orderState("The payment of this request is still being settled with the "
                                + "provider");
                    }
                    keep(site, key, answer.get().status(), answer.get().body());
                    return answer;
                }
                case WAIT -> {
                    if (System.nanoTime() > deadline) {
                        throw Problems.orderState("A request with this Idempotency-Key is still being processed");
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw Problems.orderState("Interrupted while waiting for the first request");
                    }
                }
            }
        }
    }

    /**
     * Stores the response of the claimed request. A failure to store it is logged, not thrown: the request's write
     * has happened and its caller must still get the answer; the claim stays linked to the transaction the request
     * recorded, so a repeat answers from that transaction once the claim counts as abandoned (see the class).
     */
    public void finish(Site site, String key, int status, String body) {
        try {
            keep(site, key, status, body);
        } finally {
            holder.clear();
        }
    }

    /** Stores an answer under the key; a failure is logged (the answer is still given, see {@link #finish}). */
    private void keep(Site site, String key, int status, String body) {
        try {
            store.finish(site.getId(), key, status, body);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "The answer under Idempotency-Key of site " + site.getId() + " ("
                    + (body == null ? 0 : body.length()) + " characters) was not stored; a repeat will answer from "
                    + "the recorded transaction", e);
        }
    }

    /** Releases the claim after a request that changed nothing (an error). */
    public void release(Site site, String key) {
        store.delete(site.getId(), key);
        holder.clear();
    }

    /** The transactional row operations, each in its own transaction. */
    @ApplicationScoped
    public static class IdempotencyStore {

        @PersistenceContext
        EntityManager em;

        /** Inserts the claim; false when the key exists (unique constraint). */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public boolean tryInsert(Site site, String key, String scope, String hash, Instant now) {
            if (find(site.getId(), key).isPresent()) {
                return false;
            }
            try {
                em.persist(new IdempotencyRecord(em.merge(site), key, scope, hash, now));
                em.flush();
                return true;
            } catch (jakarta.persistence.PersistenceException e) {
                // Another request inserted the same key first; this transaction is rolled back.
                throw new KeyTaken();
            }
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public Optional<IdempotencyRecord> find(long siteId, String key) {
            return em.createQuery("select r from IdempotencyRecord r where r.site.id = :s and r.key = :k",
                    IdempotencyRecord.class).setParameter("s", siteId).setParameter("k", key)
                    .getResultStream().findFirst();
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void finish(long siteId, String key, int status, String body) {
            find(siteId, key).map(em::merge).ifPresent(r -> r.finish(status, body));
        }

        /**
         * Takes over an abandoned claim that recorded no transaction: true when this call changed it (claimed at
         * {@code claimedAt}, still unanswered), false when another repeat or the first request got there first.
         */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public boolean takeOver(long siteId, String key, Instant claimedAt, Instant now) {
            return em.createQuery("update IdempotencyRecord r set r.createdAt = :now where r.site.id = :s "
                            + "and r.key = :k and r.createdAt = :then and r.responseStatus is null "
                            + "and r.transactionId is null")
                    .setParameter("now", now).setParameter("s", siteId).setParameter("k", key)
                    .setParameter("then", claimedAt).executeUpdate() == 1;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void delete(long siteId, String key) {
            em.createQuery("delete from IdempotencyRecord r where r.site.id = :s and r.key = :k "
                    + "and r.responseStatus is null").setParameter("s", siteId).setParameter("k", key).executeUpdate();
        }
    }

    /** Thrown inside {@link IdempotencyStore#tryInsert} when the insert lost a race; rolls back that transaction. */
    static class KeyTaken extends RuntimeException {
        KeyTaken() {
            super("Idempotency key already claimed", null, false, false);
        }
    }
}
