package org.eventcommerce.domain.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eventcommerce.domain.common.Problems;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.security.SecretCipher;
import org.eventcommerce.domain.site.Site;

/**
 * {@code Idempotency-Key} handling for writes that move money (API.md "Conventions"): the first request
 * with a key claims it (a unique row, so two instances racing agree on one winner); a repeat with the same
 * body replays the stored response; with another body it is {@code /problems/idempotency-conflict}. A
 * request that fails with an error changes nothing, so its claim is released and the key can be used again.
 */
@ApplicationScoped
public class IdempotencyService {

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

    /** A stored response. */
    public record Stored(int status, String body) {
    }

    /**
     * Claims {@code key} for this request, or returns the response stored for an identical earlier one.
     *
     * @param scope what the key is used for, e.g. {@code payments:<order id>}
     * @param body  the raw request body (hashed with a keyed MAC, never stored)
     * @return empty when claimed (go ahead, then call {@link #finish} or {@link #release})
     * @throws ValidationException when the key is not 1–64 characters
     * @throws org.eventcommerce.domain.common.BusinessException idempotency-conflict for another body or scope;
     *         order-state when the first request is still running after the wait
     */
    public Optional<Stored> claim(Site site, String key, String scope, String body) {
        if (key == null || key.isEmpty() || key.length() > 64) {
            throw ValidationException.of("Idempotency-Key", "validation.idempotencyKey");
        }
        String hash = cipher.mac("idempotency", scope + "\n" + body);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                if (store.tryInsert(site, key, scope, hash, clock.instant())) {
                    return Optional.empty();
                }
            } catch (KeyTaken | jakarta.transaction.TransactionalException lostRace) {
                // fall through and read the winner's row
            }
            Optional<IdempotencyRecord> existing = store.find(site.getId(), key);
            if (existing.isEmpty()) {
                continue; // released meanwhile: try to claim again
            }
            IdempotencyRecord r = existing.get();
            if (!r.getRequestHash().equals(hash)) {
                throw Problems.idempotencyConflict();
            }
            if (r.getResponseStatus() != null) {
                return Optional.of(new Stored(r.getResponseStatus(), r.getResponseBody()));
            }
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

    /** Stores the response of the claimed request. */
    public void finish(Site site, String key, int status, String body) {
        store.finish(site.getId(), key, status, body);
    }

    /** Releases the claim after a request that changed nothing (an error). */
    public void release(Site site, String key) {
        store.delete(site.getId(), key);
    }

    /** The transactional row operations, each in its own transaction. */
    @ApplicationScoped
    public static class IdempotencyStore {

        @PersistenceContext
        EntityManager em;

        /** Inserts the claim; false when the key exists (unique constraint). */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public boolean tryInsert(Site site, String key, String scope, String hash, java.time.Instant now) {
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
