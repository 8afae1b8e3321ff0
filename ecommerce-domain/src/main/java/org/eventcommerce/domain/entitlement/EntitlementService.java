package org.eventcommerce.domain.entitlement;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.account.ApiKeyService;
import org.eventcommerce.domain.config.DatabaseMigrator;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Grants entitlements and answers "may this attendee enter this offering?" (the platform's hot path).
 *
 * <p>Every grant and revocation numbers itself from its site's counter ({@code site.entitlement_version},
 * migration V14) in its own transaction, so that each instance's in-memory snapshot of a site's entitlements
 * ({@link EntitlementSnapshots}) knows when it is behind: the API's check then costs the API key's lookup, and a
 * refund's revocation is still seen by the very next check on every instance. Settings:
 * {@code ecommerce.entitlements.snapshot.enabled} (default true; false answers every check with one database
 * statement) and {@code ecommerce.entitlements.snapshot.max-entries} (default 1,000,000 active entitlements per
 * site; a larger site is checked in the database).
 */
@ApplicationScoped
public class EntitlementService {

    /**
     * The API's check in one statement: the key (by its SHA-256 hex) and its site, then, left-joined on that site,
     * the attendee (unique {@code (site_id, email_key)}), the offering (unique {@code (site_id, external_id)}), the
     * active entitlement (unique {@code (site_id, attendee_id, offering_id)}) and its order. One row when the key
     * is known (entitlement columns null when there is no active entitlement, the account's id null when no account
     * has that address), none when it is not. Plain SQL,
     * valid on H2 and PostgreSQL.
     */
    static final String CHECK_WITH_KEY = "select s.id, s.time_zone, o.public_id, e.granted_at, a.id"
            + " from api_key k join site s on s.id = k.site_id"
            + " left join account a on a.site_id = k.site_id and a.email_key = ?"
            + " left join offering f on f.site_id = k.site_id and f.external_id = ?"
            + " left join entitlement e on e.site_id = k.site_id and e.attendee_id = a.id and e.offering_id = f.id"
            + " and e.revoked_at is null"
            + " left join purchase_order o on o.id = e.order_id"
            + " where k.key_hash = ?";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseMigrator.DATASOURCE)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "ecommerce.entitlements.snapshot.enabled", defaultValue = "true")
    boolean snapshotEnabled;

    @Inject
    @ConfigProperty(name = "ecommerce.entitlements.snapshot.max-entries", defaultValue = "1000000")
    int snapshotMaxEntries;

    /** Null when checks always ask the database (disabled, or a test that sets none). */
    EntitlementSnapshots snapshots;

    @PostConstruct
    void startSnapshots() {
        if (snapshotEnabled) {
            snapshots = new EntitlementSnapshots(dataSource, executor, snapshotMaxEntries);
        }
    }

    /** The answer of {@code GET /api/v1/entitlements}. */
    public record Check(boolean granted, String orderId, Instant grantedAt) {
        static final Check DENIED = new Check(false, null, null);
    }

    /**
     * A {@link Check} answered for the site of the API key that asked, and that site's time zone;
     * {@code knownAttendee} tells whether the site has an account with that address (then the address is a valid
     * one: it was checked when the account was stored).
     */
    public record KeyedCheck(ApiKeyService.KeySite site, Check check, boolean knownAttendee) {
    }

    /**
     * The platform's hot path ({@code GET /api/v1/entitlements}): authenticates the API key and answers whether
     * the attendee with {@code email} (case-insensitive) holds an active entitlement to the offering with platform
     * id {@code offeringId} of the key's site, in one indexed statement without a JTA transaction or entities
     * (BENCHMARKS.md, issue 5). Nothing is cached: a refund's revocation is seen by the next check on every
     * instance.
     *
     * @param keyHash the SHA-256 hex of the caller's API key ({@link ApiKeyService#hash})
     * @return empty when no key has that hash (the caller answers 401)
     * @throws IllegalStateException wrapping a database failure
     */
    public Optional<KeyedCheck> checkWithKey(String keyHash, String email, String offeringId) {
        if (snapshots != null) {
            try {
                Optional<EntitlementSnapshots.Found> found = snapshots.check(keyHash, email, offeringId);
                if (found.isEmpty()) {
                    return Optional.empty();
                }
                if (found.get().answer() != null) {
                    return Optional.of(found.get().answer());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("entitlement check failed", e);
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CHECK_WITH_KEY)) {
            ps.setString(1, Account.key(email));
            ps.setString(2, offeringId);
            ps.setString(3, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ApiKeyService.KeySite site = new ApiKeyService.KeySite(rs.getLong(1), ZoneId.of(rs.getString(2)));
                String orderId = rs.getString(3);
                OffsetDateTime grantedAt = rs.getObject(4, OffsetDateTime.class);
                rs.getLong(5);
                boolean known = !rs.wasNull();
                return Optional.of(new KeyedCheck(site, orderId == null || grantedAt == null ? Check.DENIED
                        : new Check(true, orderId, grantedAt.toInstant()), known));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("entitlement check failed", e);
        }
    }

    /** Grants (or re-grants) access through a paid {@code order}; call inside the paying transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Entitlement grant(PurchaseOrder order, Instant now) {
        Optional<Entitlement> existing = find(order.getAttendee(), order);
        Entitlement e;
        if (existing.isPresent()) {
            e = existing.get();
            e.regrant(order, now);
        } else {
            e = new Entitlement(order, now);
            em.persist(e);
        }
        numberChange(e, order.getSite().getId());
        return e;
    }

    /**
     * Revokes the access granted through {@code order} (DESIGN.md vocabulary: "revoked by a full refund"); an
     * entitlement since re-granted through another order is left alone. Call inside the refunding transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(PurchaseOrder order, Instant now) {
        Optional<Entitlement> granted = find(order.getAttendee(), order)
                .filter(e -> e.isActive() && e.getOrder().getId().equals(order.getId()));
        if (granted.isPresent()) {
            granted.get().revoke(now);
            numberChange(granted.get(), order.getSite().getId());
        }
    }

    /**
     * Gives the change just made to {@code e} the next number of its site's entitlement counter: flushes the
     * persistence context (so the row exists and every earlier write of the transaction holds its locks first), then
     * increments {@code site.entitlement_version} (the site row stays locked until commit, so numbers commit in
     * order) and writes the new number on the row (two statements). Call as the transaction's last write: a grant
     * or revocation is the last thing every paying, capturing and refunding transaction does, so the site row is
     * locked only for the commit and no lock is taken after it (no deadlock with a transaction waiting for it).
     */
    private void numberChange(Entitlement e, long siteId) {
        em.flush();
        em.createNativeQuery("update site set entitlement_version = entitlement_version + 1 where id = ?")
                .setParameter(1, siteId).executeUpdate();
        em.createNativeQuery("update entitlement set change_version = (select entitlement_version from site"
                        + " where id = ?) where id = ?")
                .setParameter(1, siteId).setParameter(2, e.getId()).executeUpdate();
    }

    /** Active entitlements of {@code attendee}, newest first. */
    @Transactional
    public List<Entitlement> ofAttendee(Account attendee) {
        return em.createQuery("select e from Entitlement e where e.attendee.id = :a and e.revokedAt is null "
                + "order by e.grantedAt desc", Entitlement.class).setParameter("a", attendee.getId()).getResultList();
    }

    /** True when {@code attendee} already has active access to the order's offering. */
    @Transactional
    public boolean hasActive(Account attendee, long offeringId) {
        return !em.createQuery("select e.id from Entitlement e where e.attendee.id = :a and e.offering.id = :o "
                        + "and e.revokedAt is null", Long.class)
                .setParameter("a", attendee.getId()).setParameter("o", offeringId).setMaxResults(1)
                .getResultList().isEmpty();
    }

    private Optional<Entitlement> find(Account attendee, PurchaseOrder order) {
        return em.createQuery("select e from Entitlement e where e.attendee.id = :a and e.offering.id = :o",
                        Entitlement.class)
                .setParameter("a", attendee.getId()).setParameter("o", order.getOffering().getId())
                .getResultStream().findFirst();
    }
}
