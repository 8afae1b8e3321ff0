package org.eventcommerce.domain.account;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.eventcommerce.domain.config.DatabaseMigrator;
import org.eventcommerce.domain.site.Site;

/**
 * Platform API keys. A key is a high-entropy secret, so a fast SHA-256 digest is enough to store it (unlike
 * passwords); the plain key is never stored.
 *
 * <p>Every API call is authenticated here, so the lookup is one indexed JDBC statement on the unique
 * {@code key_hash}, without a JTA transaction or an entity (BENCHMARKS.md, issue 5): nothing is cached, so a key
 * deleted from {@code api_key} stops working at the next request, on every instance.
 */
@ApplicationScoped
public class ApiKeyService {

    /** The longest key accepted; longer bearer values are refused without a lookup. */
    public static final int MAX_KEY_LENGTH = 200;

    static final String LOOKUP = "select s.id, s.time_zone from api_key k join site s on s.id = k.site_id"
            + " where k.key_hash = ?";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource(lookup = DatabaseMigrator.DATASOURCE)
    DataSource dataSource;

    /** The site a key acts for: its id and time zone. */
    public record KeySite(long siteId, ZoneId timeZone) {
    }

    /**
     * The site the key with SHA-256 hex {@code keyHash} belongs to, if any (one statement, autocommit).
     *
     * @throws IllegalStateException wrapping a database failure
     */
    public Optional<KeySite> lookup(String keyHash) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            ps.setString(1, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new KeySite(rs.getLong(1), ZoneId.of(rs.getString(2))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("API key lookup failed", e);
        }
    }

    /** Whether {@code key} is worth a lookup: present, not blank, at most {@link #MAX_KEY_LENGTH} characters. */
    public static boolean acceptable(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_KEY_LENGTH;
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
