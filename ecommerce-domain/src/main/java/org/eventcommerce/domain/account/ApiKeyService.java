package org.eventcommerce.domain.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.eventcommerce.domain.site.Site;

/**
 * Platform API keys. A key is a high-entropy secret, so a fast SHA-256 digest is enough to store it (unlike
 * passwords); the plain key is never stored.
 */
@ApplicationScoped
public class ApiKeyService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The site the key belongs to, if the key is known. */
    @Transactional
    public Optional<Site> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return em.createQuery("select k.site from ApiKey k where k.keyHash = :h", Site.class)
                .setParameter("h", hash(key)).getResultStream().findFirst();
    }

    /** Registers {@code key} for {@code site}. */
    @Transactional
    public void register(Site site, String key, String label) {
        em.persist(new ApiKey(site, hash(key), label, clock.instant()));
    }

    /** SHA-256 hex of {@code key}. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
