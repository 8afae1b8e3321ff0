package org.eventcommerce.domain.entitlement;

import org.eventcommerce.domain.config.InMemoryH2;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.eventcommerce.domain.account.ApiKeyService;
import org.eventcommerce.domain.config.DatabaseMigrator;
import org.eventcommerce.domain.config.ThrowawayPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The API's one-statement paths on the schema of the migrations, on an in-memory H2 2.2 and, when a server answers on
 * 127.0.0.1:5432, on a fresh PostgreSQL database: {@link EntitlementService#checkWithKey} (the key and the answer
 * in one statement, BENCHMARKS.md issue 5). Two sites with the same attendee e-mail
 * and offering id: a key answers for its own site only; an unknown key gets nothing; a revocation (what a full
 * refund writes) is seen by the very next check, and a re-grant through a new order answers with that order.
 */
class EntitlementQueriesTest {

    private static final String KEY_1 = ApiKeyService.hash("key-of-site-1");
    private static final String KEY_2 = ApiKeyService.hash("key-of-site-2");
    private static final Instant GRANTED = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void h2() throws Exception {
        DataSource ds = InMemoryH2.dataSource("entitlements");
        verify(ds);
    }

    @Test
    void postgresql() throws Exception {
        ThrowawayPostgres.run("ecommerce_entitlement_", this::verify);
    }

    private void verify(DataSource ds) throws SQLException {
        new DatabaseMigrator().migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            TwoSites.insert(s, KEY_1, KEY_2);
            // Site 1's attendee holds access; site 2's bought nothing with an entitlement.
            s.executeUpdate("insert into entitlement (id, site_id, attendee_id, offering_id, order_id, granted_at)"
                    + " values (40, 1, 11, 21, 31, timestamp with time zone '2026-05-01 10:00:00+00')");
        }
        EntitlementService entitlements = new EntitlementService();
        entitlements.dataSource = ds;

        EntitlementService.KeyedCheck yes = entitlements.checkWithKey(KEY_1, " ANN@example.COM ", "java-101").orElseThrow();
        assertThat(yes.site()).isEqualTo(new ApiKeyService.KeySite(1, ZoneId.of("America/New_York")));
        assertThat(yes.check()).isEqualTo(new EntitlementService.Check(true, "order-1", GRANTED));
        assertThat(yes.knownAttendee()).isTrue();

        // Site 2's key: the same e-mail and offering id exist there, without access; site 1's rows stay invisible.
        EntitlementService.KeyedCheck other = entitlements.checkWithKey(KEY_2, "ann@example.com", "java-101").orElseThrow();
        assertThat(other.site().siteId()).isEqualTo(2);
        assertThat(other.check()).isEqualTo(EntitlementService.Check.DENIED);
        assertThat(other.knownAttendee()).isTrue();

        // Unknown attendee or offering: the site is known, the answer is no.
        EntitlementService.KeyedCheck bob = entitlements.checkWithKey(KEY_1, "bob@example.com", "java-101").orElseThrow();
        assertThat(bob.check().granted()).isFalse();
        assertThat(bob.knownAttendee()).isFalse();
        assertThat(entitlements.checkWithKey(KEY_1, "ann@example.com", "java-102").orElseThrow().check().granted())
                .isFalse();
        // Unknown key: no row at all (the API answers 401).
        assertThat(entitlements.checkWithKey(ApiKeyService.hash("nope"), "ann@example.com", "java-101")).isEmpty();

        // A full refund revokes: the very next check says no (nothing is cached).
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("update entitlement set revoked_at = current_timestamp where id = 40");
        }
        assertThat(entitlements.checkWithKey(KEY_1, "ann@example.com", "java-101").orElseThrow().check())
                .isEqualTo(EntitlementService.Check.DENIED);

        // A new purchase re-grants through its own order: the answer names that order.
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate(TwoSites.order(35, 1, "order-again", 21, 11));
            s.executeUpdate("update entitlement set revoked_at = null, order_id = 35,"
                    + " granted_at = timestamp with time zone '2026-05-02 08:30:00+00' where id = 40");
        }
        assertThat(entitlements.checkWithKey(KEY_1, "ann@example.com", "java-101").orElseThrow().check())
                .isEqualTo(new EntitlementService.Check(true, "order-again", Instant.parse("2026-05-02T08:30:00Z")));
    }
}
