package org.eventcommerce.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The application's one datasource, {@code java:app/jdbc/ecommerce}. Defaults (an H2 file under the data
 * folder) are in {@code META-INF/microprofile-config.properties}; environment variables override them:
 * {@code ECOMMERCE_DB_URL}, {@code ECOMMERCE_DB_DRIVER} (a {@code javax.sql.DataSource} class, e.g.
 * {@code org.postgresql.ds.PGSimpleDataSource}), {@code ECOMMERCE_DB_USER}, {@code ECOMMERCE_DB_PASSWORD}.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/ecommerce",
        className = "${MPCONFIG=ecommerce.db.driver}",
        url = "${MPCONFIG=ecommerce.db.url}",
        user = "${MPCONFIG=ecommerce.db.user}",
        password = "${MPCONFIG=ecommerce.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit"})
@WebListener
public class DataSourceConfig implements ServletContextListener {

    /** Nothing to do: the class exists to carry the definition on a web component the server scans. */
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        // the datasource is created by the container from the annotation
    }
}
