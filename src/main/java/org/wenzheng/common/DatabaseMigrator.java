package org.wenzheng.common;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the schema up to date with the versioned migrations in db/migration before anything else uses the
 * database. When the database cannot be reached it logs one line that says what to do, instead of failing the
 * deployment with pages of stack traces; the readiness check then reports the application as not ready.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    private volatile String problem = "migrations have not run yet";

    @PostConstruct
    void migrate() {
        try (Connection c = dataSource.getConnection()) {
            String where = safeUrl(c);
            LOG.info(() -> "Database: " + where);
        } catch (SQLException | RuntimeException e) {
            problem = "cannot connect to the database: " + rootMessage(e);
            LOG.severe("Wenzheng cannot connect to its database (" + rootMessage(e) + "). Check DB_URL, DB_USER and"
                    + " DB_PASSWORD, and that PostgreSQL is running and reachable.");
            return;
        }
        try {
            var result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            problem = null;
            LOG.info(() -> "Database schema is at version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migrations applied now)");
        } catch (RuntimeException e) {
            problem = "database migration failed: " + rootMessage(e);
            LOG.log(Level.SEVERE, "Wenzheng could not bring the database schema up to date: " + rootMessage(e), e);
        }
    }

    /** Null when the schema is ready; otherwise what is wrong, in one line. */
    public String problem() {
        return problem;
    }

    private static String safeUrl(Connection c) throws SQLException {
        String url = c.getMetaData().getURL();
        int q = url.indexOf('?');
        return (q < 0 ? url : url.substring(0, q)) + " as " + c.getMetaData().getUserName();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null ? t.getClass().getSimpleName() : m).lines().findFirst().orElse("");
    }
}
