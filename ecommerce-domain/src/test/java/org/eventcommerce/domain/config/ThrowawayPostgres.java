package org.eventcommerce.domain.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs a test body against a fresh PostgreSQL database on 127.0.0.1:5432 (user postgres, trust auth) that is
 * dropped afterwards; aborts the test (skips it) when the server is not reachable.
 */
public final class ThrowawayPostgres {

    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/";

    private ThrowawayPostgres() {
    }

    /** A test body that gets the fresh database. */
    @FunctionalInterface
    public interface Body {
        void run(DataSource ds) throws Exception;
    }

    /** Creates {@code <prefix><random hex>}, runs {@code body} on it, drops it. */
    public static void run(String prefix, Body body) throws Exception {
        Properties admin = new Properties();
        admin.setProperty("user", "postgres");
        admin.setProperty("connectTimeout", "2");
        admin.setProperty("socketTimeout", "20");
        Connection adminConnection;
        try {
            adminConnection = DriverManager.getConnection(PG_URL + "postgres", admin);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at 127.0.0.1:5432 as postgres: " + e.getMessage());
            return;
        }
        String db = prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection c = adminConnection; Statement s = c.createStatement()) {
            s.execute("create database " + db);
            try {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setUrl(PG_URL + db);
                ds.setUser("postgres");
                ds.setConnectTimeout(2);
                ds.setSocketTimeout(20);
                body.run(ds);
            } finally {
                s.execute("drop database if exists " + db + " with (force)");
            }
        }
    }
}
