package org.eventcommerce.domain.entitlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.account.ApiKeyService;

/**
 * The entitlement check answered from memory ({@link EntitlementSnapshot} per site) at the cost of the API key's
 * lookup: one statement reads the key's site, its time zone and its entitlement counter, and the answer comes from
 * the site's snapshot when that is current. Not thread-confined; one instance per application
 * ({@link EntitlementService} holds it).
 *
 * <p>When there is no current snapshot the caller asks the database ({@link EntitlementService#checkWithKey}'s
 * single statement), so an answer is never older than the counter read in the same request: a site's first check
 * starts loading its snapshot in the background; a snapshot behind the counter catches up in the calling thread
 * (the changed rows only), while other threads that find it busy ask the database; a counter below the snapshot's
 * (a database restored from a backup) drops the snapshot. A site with more than {@code maxEntries} active
 * entitlements is never held (each check asks the database).
 *
 * <p>Source of the design: issue 5 "Under load" (a cache only with invalidation on every instance: a refund revokes
 * access at once), BENCHMARKS.md.
 */
final class EntitlementSnapshots {

    private static final Logger LOG = Logger.getLogger(EntitlementSnapshots.class.getName());

    /** The key's site, its time zone and its entitlement counter: the ping's lookup plus one column. */
    static final String KEY_AND_COUNTER = "select s.id, s.time_zone, s.entitlement_version"
            + " from api_key k join site s on s.id = k.site_id where k.key_hash = ?";

    /** What a check found: the key's site and counter, and the answer when a current snapshot gave one. */
    record Found(ApiKeyService.KeySite site, long counter, EntitlementService.KeyedCheck answer) {
    }

    private final DataSource dataSource;
    private final Executor loader;
    private final int maxEntries;
    private final Map<Long, EntitlementSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Set<Long> loading = ConcurrentHashMap.newKeySet();
    private final Set<Long> tooLarge = ConcurrentHashMap.newKeySet();

    /**
     * @param loader runs a site's first load (the application's managed executor; {@code Runnable::run} loads in
     *        the calling thread)
     * @param maxEntries the most active entitlements a site's snapshot may hold
     */
    EntitlementSnapshots(DataSource dataSource, Executor loader, int maxEntries) {
        this.dataSource = dataSource;
        this.loader = loader;
        this.maxEntries = maxEntries;
    }

    /**
     * Reads the key's site and counter, and answers from the site's snapshot when it is (or, caught up, becomes)
     * current.
     *
     * @param keyHash the SHA-256 hex of the caller's API key
     * @param email the attendee's e-mail as sent (compared by {@link Account#key})
     * @param offeringId the platform's offering id
     * @return empty when no key has that hash; otherwise the site, and an answer or null (ask the database)
     * @throws SQLException when the database fails
     */
    Optional<Found> check(String keyHash, String email, String offeringId) throws SQLException {
        ApiKeyService.KeySite site;
        long counter;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(KEY_AND_COUNTER)) {
            ps.setString(1, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                site = new ApiKeyService.KeySite(rs.getLong(1), ZoneId.of(rs.getString(2)));
                counter = rs.getLong(3);
            }
        }
        EntitlementSnapshot snapshot = current(site.siteId(), counter);
        if (snapshot == null) {
            return Optional.of(new Found(site, counter, null));
        }
        EntitlementSnapshot.Grant g = snapshot.get(EntitlementSnapshot.key(offeringId, Account.key(email)));
        EntitlementService.Check answer = g == null ? EntitlementService.Check.DENIED
                : new EntitlementService.Check(true, g.orderId(), g.grantedAt());
        // A grant proves an account with that address (checked when stored); its absence proves nothing.
        return Optional.of(new Found(site, counter, new EntitlementService.KeyedCheck(site, answer, g != null)));
    }

    /** The site's snapshot if it holds every change up to {@code counter} (catching up if needed), else null. */
    private EntitlementSnapshot current(long siteId, long counter) throws SQLException {
        EntitlementSnapshot s = snapshots.get(siteId);
        if (s == null) {
            startLoading(siteId);
            return null;
        }
        if (s.version() == counter) {
            return s;
        }
        if (s.version() > counter) {
            LOG.warning(() -> "Site " + siteId + "'s entitlement counter went back from " + s.version() + " to "
                    + counter + " (a restored database?): its snapshot is reloaded");
            snapshots.remove(siteId, s);
            return null;
        }
        boolean caughtUp;
        try (Connection c = dataSource.getConnection()) {
            caughtUp = s.catchUp(c, counter, maxEntries);
        } catch (SQLException | RuntimeException e) {
            snapshots.remove(siteId, s);
            throw e;
        }
        if (caughtUp) {
            return s;
        }
        if (s.size() > maxEntries) {
            snapshots.remove(siteId, s);
            tooLarge.add(siteId);
        }
        return null;
    }

    private void startLoading(long siteId) {
        if (tooLarge.contains(siteId) || !loading.add(siteId)) {
            return;
        }
        try {
            loader.execute(() -> load(siteId));
        } catch (RejectedExecutionException e) {
            loading.remove(siteId);
            LOG.log(Level.FINE, "Entitlement snapshot load rejected; the next check tries again", e);
        }
    }

    /** Loads the site's snapshot (the counter, then its active entitlements); logs and forgets a failure. */
    void load(long siteId) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams the rows (fetch size) only inside a transaction
            try {
                EntitlementSnapshot s = EntitlementSnapshot.load(c, siteId, maxEntries);
                c.commit();
                if (s == null) {
                    tooLarge.add(siteId);
                    LOG.info(() -> "Site " + siteId + " has more than " + maxEntries + " active entitlements: they"
                            + " are checked in the database (ecommerce.entitlements.snapshot.max-entries)");
                } else {
                    snapshots.put(siteId, s);
                    LOG.fine(() -> "Site " + siteId + "'s entitlement snapshot: " + s.size() + " active, counter "
                            + s.version());
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Loading site " + siteId + "'s entitlement snapshot failed; checks ask the"
                    + " database and the next one tries again", e);
        } finally {
            loading.remove(siteId);
        }
    }

    /** The site's snapshot as held now (tests), or null. */
    EntitlementSnapshot held(long siteId) {
        return snapshots.get(siteId);
    }
}
