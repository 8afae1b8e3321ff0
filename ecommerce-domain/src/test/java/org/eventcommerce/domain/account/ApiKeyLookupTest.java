package org.eventcommerce.domain.account;

import org.eventcommerce.domain.config.InMemoryH2;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Optional;
import javax.sql.DataSource;
import org.eventcommerce.domain.config.DatabaseMigrator;
import org.eventcommerce.domain.config.ThrowawayPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * {@link ApiKeyService#lookup} (the one statement every API call sends) on the migrated schema, on an in-memory H2
 * 2.2 and, when a server answers on 127.0.0.1:5432, on a fresh PostgreSQL database: a key's hash gives its own site
 * and time zone; an unknown hash, or the plain key instead of its hash, gives nothing; a deleted key stops working
 * at the next lookup.
 */
class ApiKeyLookupTest {

    @Test
    void h2() throws Exception {
        DataSource ds = InMemoryH2.dataSource("apikeys");
        verify(ds);
    }

    @Test
    void postgresql() throws Exception {
        ThrowawayPostgres.run("ecommerce_apikey_", this::verify);
    }

    private void verify(DataSource ds) throws SQLException {
        new DatabaseMigrator().migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("insert into site (id, slug, name, time_zone, created_at) values"
                    + " (1, 'one', 'One', 'America/New_York', current_timestamp),"
                    + " (2, 'two', 'Two', 'Europe/Bucharest', current_timestamp)");
            s.executeUpdate("insert into api_key (id, site_id, key_hash, label, created_at) values"
                    + " (11, 1, '" + ApiKeyService.hash("key-one") + "', 'k', current_timestamp),"
                    + " (12, 2, '" + ApiKeyService.hash("key-two") + "', 'k', current_timestamp)");
        }
        ApiKeyService keys = new ApiKeyService();
        keys.dataSource = ds;

        assertThat(keys.lookup(ApiKeyService.hash("key-one")))
                .isEqualTo(Optional.of(new ApiKeyService.KeySite(1, ZoneId.of("America/New_York"))));
        assertThat(keys.lookup(ApiKeyService.hash("key-two")))
                .isEqualTo(Optional.of(new ApiKeyService.KeySite(2, ZoneId.of("Europe/Bucharest"))));
        assertThat(keys.lookup(ApiKeyService.hash("key-three"))).isEmpty();
        assertThat(keys.lookup("key-one")).as("the plain key is not its hash").isEmpty();

        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("delete from api_key where id = 11");
        }
        assertThat(keys.lookup(ApiKeyService.hash("key-one"))).isEmpty();
    }

    @Test
    void acceptableKeys() {
        assertThat(ApiKeyService.acceptable("demo-platform-key")).isTrue();
        assertThat(ApiKeyService.acceptable(null)).isFalse();
        assertThat(ApiKeyService.acceptable("  ")).isFalse();
        assertThat(ApiKeyService.acceptable("k".repeat(200))).isTrue();
        assertThat(ApiKeyService.acceptable("k".repeat(201))).isFalse();
    }
}
