package org.eventcommerce.domain.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the schema with Flyway from {@code db/migration} in this jar (valid on H2 and PostgreSQL).
 * Called once at start-up by the web module's start-up bean, before anything touches the database.
 */
@ApplicationScoped
public class DatabaseMigrator {

    private static final Logger LOG = System.getLogger(DatabaseMigrator.class.getName());

    /** JNDI name of the datasource defined by the web module. */
    public static final String DATASOURCE = "java:app/jdbc/ecommerce";

    /** Applies pending migrations; @throws org.flywaydb.core.api.FlywayException when one fails. */
    public void migrate(DataSource dataSource) {
        MigrateResult r = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.log(Level.INFO, "Database schema at version {0} ({1} migrations applied)", r.targetSchemaVersion,
                r.migrationsExecuted);
    }
}
