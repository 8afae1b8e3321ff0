package org.eventcommerce.domain.payment.reconcile;

import org.eventcommerce.domain.config.InMemoryH2;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eventcommerce.domain.config.DatabaseMigrator;
import org.eventcommerce.domain.config.ThrowawayPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's native SQL ({@link ReconcileClaims#TAKE_SQL}, {@link ReconcileClaims#TAKE_SITE_SQL}) on the schema of
 * the migrations (V10 adds the columns), on an in-memory H2 2.2 and, when a server answers on 127.0.0.1:5432, on a
 * fresh PostgreSQL database dropped afterwards: which open transactions are due, that leases and the pass's start are
 * honoured, and that two instances claiming at once get disjoint rows (SKIP LOCKED) while a third finds none.
 */
class ReconcileQueriesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant GRACE_CUTOFF = NOW.minusSeconds(600);
    private static final Instant PASS_START = NOW.minusSeconds(5);

    @Test
    void h2() throws Exception {
        DataSource ds = InMemoryH2.dataSource("reconcile;LOCK_TIMEOUT=2000");
        verify(ds);
    }

    @Test
    void postgresql() throws Exception {
        ThrowawayPostgres.run("ecommerce_reconcile_", this::verify);
    }

    private void verify(DataSource ds) throws SQLException {
        new DatabaseMigrator().migrate(ds);
        try (Connection setup = ds.getConnection()) {
            setup.setAutoCommit(true);
            try (Statement s = setup.createStatement()) {
                for (int site = 1; site <= 2; site++) {
                    s.executeUpdate("insert into site (id, slug, name, time_zone, created_at) values (" + site
                            + ", 'site" + site + "', 'Site', 'UTC', current_timestamp)");
                    s.executeUpdate("insert into account (id, site_id, email, email_key, display_name, created_at)"
                            + " values (" + (10 + site) + ", " + site + ", 'a@example.com', 'a@example.com', 'A',"
                            + " current_timestamp)");
                    s.executeUpdate("insert into offering (id, site_id, external_id, title, service, offering_type,"
                            + " host_id, fee_amount, fee_currency, version, updated_at) values (" + (20 + site) + ", "
                            + site + ", 'o', 'O', 'EVENTS', 'RECORDING', " + (10 + site)
                            + ", 25.00, 'USD', 0, current_timestamp)");
                    s.executeUpdate("insert into purchase_order (id, site_id, public_id, offering_id, attendee_id,"
                            + " status, currency, list_amount, discount_amount, total_amount, refunded_amount,"
                            + " created_at, version) values (" + (30 + site) + ", " + site + ", 'order-" + site
                            + "', " + (20 + site) + ", " + (10 + site) + ", 'AWAITING_PAYMENT', 'USD', 25, 0, 25, 0,"
                            + " current_timestamp, 0)");
                }
            }
            insert(setup, 100, 1, "PENDING", NOW.minusSeconds(1200), null, null, null); // old enough: due
            insert(setup, 101, 1, "PENDING", NOW.minusSeconds(60), null, null, null); // may still be in flight
            insert(setup, 102, 1, "UNKNOWN", NOW, null, null, null); // at once
            insert(setup, 103, 1, "HELD", NOW.minusSeconds(30), null, null, null); // at once
            insert(setup, 104, 1, "APPROVED", NOW.minusSeconds(9000), null, null, null);
            insert(setup, 105, 1, "UNKNOWN", NOW.minusSeconds(9000), NOW.plusSeconds(300), null, null); // backing off
            insert(setup, 106, 1, "UNKNOWN", NOW.minusSeconds(9000), NOW.minusSeconds(60), null, null); // due again
            insert(setup, 107, 1, "UNKNOWN", NOW, null, NOW.plusSeconds(300), null); // another instance holds it
            insert(setup, 108, 1, "UNKNOWN", NOW, null, NOW.minusSeconds(1), null); // a dead instance's claim
            insert(setup, 109, 1, "UNKNOWN", NOW, null, null, NOW.minusSeconds(1)); // tried in this pass
            insert(setup, 110, 2, "PENDING", NOW.minusSeconds(1200), null, null, null); // another site
            insert(setup, 111, 1, "DECLINED", NOW.minusSeconds(9000), null, null, null);
            insert(setup, 112, 1, "NOT_SENT", NOW.minusSeconds(9000), null, null, null);
            insert(setup, 113, 1, "PENDING", NOW.minusSeconds(60), NOW.minusSeconds(1), null, null); // rescheduled
        }
        List<Long> due = List.of(100L, 102L, 103L, 106L, 108L, 110L, 113L);

        try (Connection a = ds.getConnection(); Connection b = ds.getConnection(); Connection c = ds.getConnection()) {
            for (Connection x : List.of(a, b, c)) {
                x.setAutoCommit(false);
            }
            List<Long> first = takeDue(a, 3);
            List<Long> second = takeDue(b, 100);
            assertThat(first).hasSize(3).doesNotHaveDuplicates();
            assertThat(second).as("rows another instance is claiming are skipped, not waited for")
                    .doesNotContainAnyElementsOf(first);
            List<Long> both = new ArrayList<>(first);
            both.addAll(second);
            assertThat(both).as("every due open transaction, nothing else").containsExactlyInAnyOrderElementsOf(due);
            assertThat(takeDue(c, 100)).as("a third instance finds every due row claimed").isEmpty();
            c.rollback();
            a.rollback();
            assertThat(takeDue(c, 100)).as("released when the first claim ends")
                    .containsExactlyInAnyOrderElementsOf(first);
            c.rollback();
            b.rollback();

            assertThat(takeSite(a, 1, 100)).as("Reconcile now: the site's open rows whatever their back-off; "
                    + "not PENDING ones in flight, not leased ones, not those tried in this pass")
                    .containsExactlyInAnyOrder(100L, 102L, 103L, 105L, 106L, 108L);
            assertThat(takeSite(b, 2, 100)).containsExactly(110L);
            a.rollback();
            b.rollback();
        }
    }

    private static List<Long> takeDue(Connection c, int max) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(ReconcileClaims.TAKE_SQL)) {
            p.setObject(1, utc(GRACE_CUTOFF));
            p.setObject(2, utc(NOW));
            p.setObject(3, utc(NOW));
            p.setObject(4, utc(PASS_START));
            p.setInt(5, max);
            return ids(p);
        }
    }

    private static List<Long> takeSite(Connection c, long site, int max) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(ReconcileClaims.TAKE_SITE_SQL)) {
            p.setLong(1, site);
            p.setObject(2, utc(GRACE_CUTOFF));
            p.setObject(3, utc(NOW));
            p.setObject(4, utc(PASS_START));
            p.setInt(5, max);
            return ids(p);
        }
    }

    private static List<Long> ids(PreparedStatement p) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static void insert(Connection c, long id, long site, String status, Instant updatedAt, Instant dueAt,
                               Instant leaseUntil, Instant triedAt) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into payment_transaction (id, site_id, order_id,"
                + " public_id, kind, status, amount, currency, operating_mode, provider_type, request_id, cust_ref,"
                + " duplicate_answer, send_count, created_at, updated_at, reconcile_due_at, reconcile_lease_until,"
                + " reconcile_tried_at) values (?, ?, ?, ?, 'SALE', ?, 25.00, 'USD', 'TEST', 'PAYFLOW_PRO', ?, ?,"
                + " false, 1, ?, ?, ?, ?, ?)")) {
            p.setLong(1, id);
            p.setLong(2, site);
            p.setLong(3, 30 + site);
            p.setString(4, "tx-" + id);
            p.setString(5, status);
            p.setString(6, "request-" + id);
            p.setString(7, "CUST" + id);
            p.setObject(8, utc(updatedAt));
            p.setObject(9, utc(updatedAt));
            p.setObject(10, dueAt == null ? null : utc(dueAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            p.setObject(11, leaseUntil == null ? null : utc(leaseUntil), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            p.setObject(12, triedAt == null ? null : utc(triedAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            p.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
