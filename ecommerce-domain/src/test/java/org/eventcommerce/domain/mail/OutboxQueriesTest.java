package org.eventcommerce.domain.mail;

import org.eventcommerce.domain.config.InMemoryH2;
import org.eventcommerce.domain.config.ThrowawayPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The outbox's native SQL ({@link OutboxWorker#TAKE_SQL}) and the {@code mail_outbox} table of migration V2, on an
 * in-memory H2 2.2 and, when a server answers on 127.0.0.1:5432 (user postgres, trust auth), on a fresh
 * PostgreSQL database dropped afterwards: two transactions taking due rows at once get disjoint rows.
 */
class OutboxQueriesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void h2() throws Exception {
        DataSource ds = InMemoryH2.dataSource("outbox;LOCK_TIMEOUT=2000");
        verify(ds);
    }

    @Test
    void postgresql() throws Exception {
        ThrowawayPostgres.run("ecommerce_outbox_", ds -> verify(ds));
    }

    private void verify(DataSource ds) throws SQLException {
        new DatabaseMigrator().migrate(ds);
        try (Connection setup = ds.getConnection()) {
            setup.setAutoCommit(true);
            try (Statement s = setup.createStatement()) {
                s.executeUpdate("insert into site (id, slug, name, time_zone, created_at)"
                        + " values (1, 'outbox', 'Outbox', 'UTC', current_timestamp)");
            }
            for (long id = 100; id < 110; id++) {
                insert(setup, id, "PENDING", NOW.minusSeconds(60), "t", "h");
            }
            insert(setup, 110, "PENDING", NOW.plusSeconds(30), "t", "h"); // not due yet
            insert(setup, 111, "FAILED", NOW.minusSeconds(60), "t", "h");
            insert(setup, 112, "HELD", NOW.minusSeconds(60), "t", "h");
            insert(setup, 113, "SENT", NOW.minusSeconds(60), "t", "h");
            // rendered bodies may grow well beyond the template limits
            insert(setup, 114, "SENT", NOW, "t".repeat(300_000), "h".repeat(900_000));
            assertThatThrownBy(() -> insert(setup, 115, "LOST", NOW, "t", "h")).isInstanceOf(SQLException.class);
        }

        try (Connection a = ds.getConnection(); Connection b = ds.getConnection();
             Connection c = ds.getConnection()) {
            for (Connection x : List.of(a, b, c)) {
                x.setAutoCommit(false);
            }
            List<Long> first = take(a, 4);
            List<Long> second = take(b, 100);
            assertThat(first).hasSize(4).doesNotHaveDuplicates();
            assertThat(second).as("rows locked by the other transaction are skipped, not waited for, and only the"
                    + " rows returned are locked").hasSize(6).doesNotContainAnyElementsOf(first);
            List<Long> both = new ArrayList<>(first);
            both.addAll(second);
            assertThat(both).as("every due PENDING row, nothing else")
                    .containsExactlyInAnyOrder(100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L, 109L);
            assertThat(take(c, 100)).as("a third transaction finds every due row taken").isEmpty();
            c.rollback();
            a.rollback();
            assertThat(take(c, 100)).as("released at the end of the first transaction")
                    .containsExactlyInAnyOrderElementsOf(first);
            c.rollback();
            b.rollback();
        }
    }

    private static List<Long> take(Connection c, int max) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(OutboxWorker.TAKE_SQL)) {
            p.setObject(1, NOW.atOffset(ZoneOffset.UTC));
            p.setInt(2, max);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void insert(Connection c, long id, String status, Instant due, String text, String html)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into mail_outbox (id, site_id, batch_id, recipient,"
                + " subject, text_body, html_body, status, operating_mode, attempts, next_attempt_at, created_at)"
                + " values (?, 1, 'batch', 'a@example.com', 'S', ?, ?, ?, 'PRODUCTION', 0, ?, ?)")) {
            OffsetDateTime at = due.atOffset(ZoneOffset.UTC);
            p.setLong(1, id);
            p.setString(2, text);
            p.setString(3, html);
            p.setString(4, status);
            p.setObject(5, at);
            p.setObject(6, at);
            p.executeUpdate();
        }
    }
}
