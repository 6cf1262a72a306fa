package org.wenzheng.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Plain JDBC to the run's test database, for tests that set up or inspect data, client-side or in-container. */
public final class TestDb {

    private TestDb() {
    }

    public static Connection connect() throws SQLException {
        // Client side the test JVM has wz.test.db.*; in the container, Payara was started with db.* (arquillian.xml).
        return DriverManager.getConnection(property("wz.test.db.url", "db.url"),
                property("wz.test.db.user", "db.user"), property("wz.test.db.password", "db.password"));
    }

    private static String property(String clientSide, String inContainer) {
        return System.getProperty(clientSide, System.getProperty(inContainer));
    }
}
