package org.eventcommerce.domain.payment.report;

import org.eventcommerce.domain.config.InMemoryH2;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.eventcommerce.domain.config.ThrowawayPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Migration V7 (the revenue report) on a database holding orders paid before it, on an in-memory H2 and, when a
 * server answers on 127.0.0.1:5432, on a fresh PostgreSQL database dropped afterwards: a paid order takes the mode of
 * its approved payment, a zero total paid without one the site's mode; unpaid orders stay without a mode.
 */
class RevenueMigrationTest {

    @Test
    void h2() throws Exception {
        DataSource ds = InMemoryH2.dataSource("revenue-migration");
        verify(ds);
    }

    @Test
    void postgresql() throws Exception {
        ThrowawayPostgres.run("ecommerce_revenue_", this::verify);
    }

    private void verify(DataSource ds) throws SQLException {
        flyway(ds).target("6").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("insert into site (id, slug, name, time_zone, created_at)"
                    + " values (1, 'rev', 'Rev', 'UTC', current_timestamp)");
            s.executeUpdate("insert into commerce_configuration (id, site_id, events_enabled, training_enabled,"
                    + " operating_mode, express_checkout, currency, promotion_codes_enabled, version, updated_at)"
                    + " values (2, 1, true, true, 'PRODUCTION', false, 'USD', true, 0, current_timestamp)");
            s.executeUpdate("insert into account (id, site_id, email, email_key, display_name, created_at)"
                    + " values (3, 1, 'ann@example.com', 'ann@example.com', 'Ann', current_timestamp)");
            s.executeUpdate("insert into offering (id, site_id, external_id, title, service, offering_type, host_id,"
                    + " fee_amount, fee_currency, version, updated_at)"
                    + " values (4, 1, 'ev-1', 'Workshop', 'EVENTS', 'LIVE_EVENT', 3, 25.00, 'USD', 1,"
                    + " current_timestamp)");
            order(s, 10, "PAID", true);          // paid by a Test-mode sale (the site is in Production now)
            order(s, 11, "REFUNDED", true);      // paid by a Production sale, refunded since
            order(s, 12, "PAID", true);          // a zero total: no transaction
            order(s, 13, "AWAITING_PAYMENT", false);
            transaction(s, 20, 10, "SALE", "DECLINED", "PRODUCTION");
            transaction(s, 21, 10, "SALE", "APPROVED", "TEST");
            transaction(s, 22, 11, "SALE", "APPROVED", "PRODUCTION");
            transaction(s, 23, 11, "CREDIT", "APPROVED", "PRODUCTION");
            transaction(s, 24, 13, "SALE", "DECLINED", "TEST");
        }
        assertThat(flyway(ds).load().migrate().migrationsExecuted).isPositive();
        Map<Long, String> modes = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, paid_mode from purchase_order order by id")) {
            while (rs.next()) {
                modes.put(rs.getLong(1), rs.getString(2));
            }
        }
        Map<Long, String> expected = new LinkedHashMap<>();
        expected.put(10L, "TEST");
        expected.put(11L, "PRODUCTION");
        expected.put(12L, "PRODUCTION");
        expected.put(13L, null);
        assertThat(modes).containsExactlyEntriesOf(expected);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource ds) {
        return Flyway.configure(RevenueMigrationTest.class.getClassLoader()).dataSource(ds)
                .locations("classpath:db/migration");
    }

    private static void order(Statement s, long id, String status, boolean paid) throws SQLException {
        s.executeUpdate("insert into purchase_order (id, site_id, public_id, offering_id, attendee_id, status,"
                + " currency, list_amount, discount_amount, total_amount, refunded_amount, created_at, paid_at, version)"
                + " values (" + id + ", 1, 'order-" + id + "', 4, 3, '" + status + "', 'USD', 25.00, 0, 25.00, 0,"
                + " current_timestamp, " + (paid ? "current_timestamp" : "null") + ", 0)");
    }

    private static void transaction(Statement s, long id, long order, String kind, String status, String mode)
            throws SQLException {
        s.executeUpdate("insert into payment_transaction (id, site_id, order_id, public_id, kind, status, amount,"
                + " currency, operating_mode, provider_type, request_id, cust_ref, duplicate_answer, send_count,"
                + " created_at, updated_at) values (" + id + ", 1, " + order + ", 'tx-" + id + "', '" + kind + "', '"
                + status + "', 25.00, 'USD', '" + mode + "', 'PAYFLOW_PRO', 'req-" + id + "', 'c" + id + "', false, 1,"
                + " current_timestamp, current_timestamp)");
    }
}
