package org.eventcommerce.web.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eventcommerce.domain.config.AppConfig;
import org.eventcommerce.domain.config.DatabaseMigrator;
import org.eventcommerce.domain.demo.DemoData;

/**
 * At deploy: migrate the schema (Flyway), then load the demo when the run asked for it
 * ({@code ecommerce.demo=true}) and the database has no site. A start-up EJB, because the datasource
 * defined by {@link DataSourceConfig} is bound only once the web module's components are set up.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class StartupTasks {

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
            demo.loadIfEmpty();
        }
    }
}
