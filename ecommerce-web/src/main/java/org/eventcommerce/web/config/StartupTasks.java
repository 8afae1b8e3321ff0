package org.eventcommerce.web.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.eventcommerce.domain.config.AppConfig;
import org.eventcommerce.domain.config.DatabaseMigrator;
import org.eventcommerce.domain.demo.DemoData;

/**
 * At deploy: migrate the schema (Flyway), then load the demo when the run asked for it
 * ({@code ecommerce.demo=true}) and the database has no site, and the tests' second site when they ask for it
 * ({@code ecommerce.demo.second-site=true}). A start-up EJB, because the datasource
 * defined by {@link DataSourceConfig} is bound only once the web module's components are set up.
 *
 * <p>Several instances may start at once on one database (README "Running several instances"): Flyway holds a
 * lock while it migrates (on PostgreSQL an advisory lock), and of two instances that both find no site, only one
 * can insert the demo site (its slug is unique, {@code uq_site_slug}); the other's insert fails, its transaction
 * rolls back whole, and it starts without loading anything.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class StartupTasks {

    private static final Logger LOG = System.getLogger(StartupTasks.class.getName());

    @Resource(lookup = DatabaseMigrator.DATASOURCE)
    DataSource dataSource;

    @Inject
    DatabaseMigrator migrator;

    @Inject
    DemoData demo;

    @Inject
    AppConfig config;

    @PostConstruct
    void start() {
        migrator.migrate(dataSource);
        if (config.demo()) {
            loadDemo();
        }
    }

    /** The demo unless a site exists, or unless another instance is loading it at this very moment. */
    private void loadDemo() {
        try {
            demo.loadIfEmpty();
            if (config.demoSecondSite()) {
                demo.loadSecondSiteIfMissing();
            }
        } catch (RuntimeException e) {
            if (!demo.anySite()) {
                throw e;
            }
            LOG.log(Level.INFO, "Demo not loaded: another instance loaded it at the same time ({0})", e.toString());
        }
    }
}
