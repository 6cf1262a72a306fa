package org.wenzheng.common;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Payara creates an EntityManager while deploying, so EclipseLink logs in to the database before any of our code runs,
 * and a wrong DB_URL fails the deployment with pages of stack traces. This customizer runs just before that login and
 * first says, in one line, what is wrong and what to do.
 */
public class DatabaseCheck implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(DatabaseCheck.class.getName());

    @Override
    public void customize(Session session) {
        if (!(session.getDatasourceLogin() instanceof DatasourceLogin login)
                || !(login.getConnector() instanceof JNDIConnector jndi) || jndi.getDataSource() == null) {
            return;
        }
        try (Connection c = jndi.getDataSource().getConnection()) {
            c.isValid(5);
        } catch (SQLException | RuntimeException e) {
            LOG.severe("Wenzheng cannot connect to its database (" + DatabaseMigrator.rootMessage(e) + "). Check DB_URL,"
                    + " DB_USER and DB_PASSWORD, and that PostgreSQL is running and reachable; the application will"
                    + " not start until it can connect.");
        }
    }
}
