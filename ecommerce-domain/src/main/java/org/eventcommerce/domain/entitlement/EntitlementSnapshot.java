package org.eventcommerce.domain.entitlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One site's active entitlements in memory, as of the site's entitlement counter {@link #version()}
 * ({@code site.entitlement_version}, migration V14): {@code (offering external id, attendee e-mail key)} → the
 * order that granted access and when. Built by {@link #load}, brought forward by {@link #catchUp}; read by any
 * number of threads while one writes.
 *
 * <p>Why it is exact: every grant and revocation takes the next counter number under the site row's lock, held
 * until its transaction commits, and writes that number on its entitlement row ({@link EntitlementService}). So
 * when a statement reads counter {@code v}, every change numbered up to {@code v} is committed and visible to later
 * statements. {@link #catchUp} reads the rows numbered above the snapshot's number (their current state, which may
 * be newer than {@code v}: applying it is still right) and publishes the new number only after applying them; a
 * reader that sees a number at least the one it read from the database therefore sees every change up to it.
 */
final class EntitlementSnapshot {

    /** The order that granted access (public id) and when (UTC). */
    record Grant(String orderId, Instant grantedAt) {
    }

    static final String COUNTER = "select entitlement_version from site where id = ?";

    static final String ACTIVE = "select f.external_id, a.email_key, o.public_id, e.granted_at from entitlement e"
            + " join account a on a.id = e.attendee_id join offering f on f.id = e.offering_id"
            + " join purchase_order o on o.id = e.order_id where e.site_id = ? and e.revoked_at is null";

    static final String CHANGES = "select f.external_id, a.email_key, o.public_id, e.granted_at, e.revoked_at,"
            + " e.change_version from entitlement e"
            + " join account a on a.id = e.attendee_id join offering f on f.id = e.offering_id"
            + " join purchase_order o on o.id = e.order_id where e.site_id = ? and e.change_version > ?";

    private final long siteId;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final ReentrantLock writer = new ReentrantLock();
    private volatile long version;

    private EntitlementSnapshot(long siteId) {
        this.siteId = siteId;
    }

    /**
     * Reads the site's counter, then every active entitlement of the site (two statements; changes committed in
     * between are read again by the next {@link #catchUp}, which applies their current state).
     *
     * @param maxEntries the most entitlements to hold; more gives null (the site is then checked in the database)
     * @return the snapshot, or null when the site holds more than {@code maxEntries} active entitlements
     * @throws SQLException when the database fails
     */
    static EntitlementSnapshot load(Connection c, long siteId, int maxEntries) throws SQLException {
        EntitlementSnapshot s = new EntitlementSnapshot(siteId);
        long counter;
        try (PreparedStatement ps = c.prepareStatement(COUNTER)) {
            ps.setLong(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no site " + siteId);
                }
                counter = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(ACTIVE)) {
            ps.setFetchSize(5_000);
            ps.setLong(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (s.grants.size() >= maxEntries) {
                        return null;
                    }
                    s.grants.put(key(rs.getString(1), rs.getString(2)),
                            new Grant(rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
        }
        s.version = counter;
        return s;
    }

    /** The key of an offering (its external id, as the platform sends it) and an e-mail key ({@code Account.key}). */
    static String key(String offeringExternalId, String emailKey) {
        return offeringExternalId + '\u0000' + emailKey;
    }

    long siteId() {
        return siteId;
    }

    /** The counter number every change up to which this snapshot holds. */
    long version() {
        return version;
    }

    int size() {
        return grants.size();
    }

    /** The active grant of {@code key} ({@link #key}), or null. Valid for a counter up to {@link #version()}. */
    Grant get(String key) {
        return grants.get(key);
    }

    /**
     * Applies every change numbered above {@link #version()} and advances it to at least {@code counter}, unless
     * another thread is doing so (then returns false at once: the caller asks the database instead).
     *
     * @param counter the site's counter as the caller read it
     * @param maxEntries past this many entitlements the snapshot gives up (returns false; drop it)
     * @return true when the snapshot now holds every change up to {@code counter}
     * @throws SQLException when the database fails (drop the snapshot)
     */
    boolean catchUp(Connection c, long counter, int maxEntries) throws SQLException {
        if (!writer.tryLock()) {
            return false;
        }
        try {
            long from = version;
            if (from >= counter) {
                return true;
            }
            long reached = counter;
            try (PreparedStatement ps = c.prepareStatement(CHANGES)) {
                ps.setLong(1, siteId);
                ps.setLong(2, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = key(rs.getString(1), rs.getString(2));
                        if (rs.getObject(5) == null) {
                            grants.put(key, new Grant(rs.getString(3),
                                    rs.getObject(4, OffsetDateTime.class).toInstant()));
                        } else {
                            grants.remove(key);
                        }
                        reached = Math.max(reached, rs.getLong(6));
                    }
                }
            }
            if (grants.size() > maxEntries) {
                return false;
            }
            version = reached;
            return true;
        } finally {
            writer.unlock();
        }
    }
}
