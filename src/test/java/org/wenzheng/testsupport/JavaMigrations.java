package org.wenzheng.testsupport;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;

/** Runs one Java migration again on a connection, as Flyway would: for tests of data written before it. */
public final class JavaMigrations {

    private JavaMigrations() {
    }

    public static void migrate(JavaMigration migration, Connection connection) throws Exception {
        migration.migrate(new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        });
    }
}
