package org.eventcommerce.domain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The Flyway migrations (DESIGN.md "Data and configuration": valid on H2 and PostgreSQL) on an in-memory H2
 * database and, when a server answers on 127.0.0.1:5432 (user postgres, trust auth), on a fresh PostgreSQL
 * database that is dropped afterwards.
 */
class MigrationTest {

    private static final Set<String> TABLES = Set.of("site", "commerce_configuration", "provider_credentials",
            "account", "account_role", "api_key", "offering", "purchase_order", "payment_transaction", "entitlement",
            "idempotency_record", "reconciliation_alert");

    @Test
    void h2() throws Exception {
        DataSource ds = InMemoryH2.dataSource("mig");
        verify(ds, "values next value for ec_id_seq");
    }

    @Test
    void postgresql() throws Exception {
        ThrowawayPostgres.run("ecommerce_unit_", ds -> verify(ds, "select nextval('ec_id_seq')"));
    }

    private void verify(DataSource ds, String nextValueSql) throws SQLException {
        new DatabaseMigrator().migrate(ds);

        Flyway flyway = Flyway.configure(MigrationTest.class.getClassLoader()).dataSource(ds)
                .locations("classpath:db/migration").load();
        assertThat(flyway.info().current()).as("a schema version is recorded").isNotNull();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.migrate().migrationsExecuted).as("a second run changes nothing").isZero();

        try (Connection c = ds.getConnection()) {
            assertThat(tables(c)).containsAll(TABLES);
            assertSequence(c, nextValueSql);
            assertOpenKeyUniqueness(c);
            // V15: an answer holding an order with many attempts fits (it outgrew varchar(8000)).
            assertThat(columnSize(c, "idempotency_record", "response_body")).isEqualTo(1_000_000);
        }
    }

    private static int columnSize(Connection c, String table, String column) throws SQLException {
        boolean upper = c.getMetaData().storesUpperCaseIdentifiers(); // H2 yes, PostgreSQL no
        try (ResultSet rs = c.getMetaData().getColumns(null, null, upper ? table.toUpperCase(Locale.ROOT) : table,
                upper ? column.toUpperCase(Locale.ROOT) : column)) {
            assertThat(rs.next()).as(table + "." + column).isTrue();
            return rs.getInt("COLUMN_SIZE");
        }
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new TreeSet<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema != null && schema.equalsIgnoreCase("public")) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** EclipseLink allocates 50 ids per round trip: the sequence must step by 50 (BaseEntity). */
    private static void assertSequence(Connection c, String nextValueSql) throws SQLException {
        try (Statement s = c.createStatement()) {
            long first = nextValue(s, nextValueSql);
            long second = nextValue(s, nextValueSql);
            assertThat(first).isGreaterThanOrEqualTo(50);
            assertThat(second - first).isEqualTo(50);
        }
    }

    private static long nextValue(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** uq_order_open: any number of orders without an open key, at most one per key. */
    private static void assertOpenKeyUniqueness(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into site (id, slug, name, time_zone, created_at)"
                    + " values (1, 's', 'S', 'UTC', current_timestamp)");
            s.executeUpdate("insert into account (id, site_id, email, email_key, display_name, created_at)"
                    + " values (2, 1, 'Ann@example.com', 'ann@example.com', 'Ann', current_timestamp)");
            s.executeUpdate("insert into account (id, site_id, email, email_key, display_name, created_at)"
                    + " values (3, 1, 'host@example.com', 'host@example.com', 'Host', current_timestamp)");
            s.executeUpdate("insert into offering (id, site_id, external_id, title, service, offering_type, host_id,"
                    + " fee_amount, fee_currency, version, updated_at)"
                    + " values (4, 1, 'ev-1', 'Workshop', 'EVENTS', 'LIVE_EVENT', 3, 25.00, 'USD', 1,"
                    + " current_timestamp)");
        }
        insertOrder(c, 10, null);
        insertOrder(c, 11, null);
        insertOrder(c, 12, null);
        insertOrder(c, 13, "1/2/4");
        insertOrder(c, 14, "1/3/4");
        assertThatThrownBy(() -> insertOrder(c, 15, "1/2/4"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), count(open_key) from purchase_order")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(5);
            assertThat(rs.getInt(2)).isEqualTo(2);
        }
        // cancelling (open_key := null) frees the key for a new order
        try (Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update purchase_order set open_key = null, status = 'CANCELLED'"
                    + " where id = 13")).isEqualTo(1);
        }
        insertOrder(c, 16, "1/2/4");
    }

    private static void insertOrder(Connection c, long id, String openKey) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into purchase_order (id, site_id, public_id,"
                + " offering_id, attendee_id, status, currency, list_amount, discount_amount, total_amount,"
                + " refunded_amount, open_key, created_at, version)"
                + " values (?, 1, ?, 4, 2, 'AWAITING_PAYMENT', 'USD', 25.00, 0, 25.00, 0, ?, current_timestamp, 0)")) {
            p.setLong(1, id);
            p.setString(2, "order-" + id);
            p.setString(3, openKey);
            p.executeUpdate();
        }
    }
}
