package org.eventcommerce.domain.config;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 database for the tests that run the same SQL on H2 and on {@link ThrowawayPostgres}. */
public final class InMemoryH2 {

    private InMemoryH2() {
    }

    /**
     * The database {@code jdbc:h2:mem:<name>} (user {@code sa}, no password), kept while the JVM runs
     * ({@code DB_CLOSE_DELAY=-1}).
     *
     * @param name the database name, optionally followed by settings, e.g. {@code "outbox;LOCK_TIMEOUT=2000"}
     */
    public static DataSource dataSource(String name) {
        int settings = name.indexOf(';');
        String url = settings < 0 ? name + ";DB_CLOSE_DELAY=-1"
                : name.substring(0, settings) + ";DB_CLOSE_DELAY=-1" + name.substring(settings);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + url);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }
}
