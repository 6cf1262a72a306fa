package org.wenzheng.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Plain JDBC to the run's test database, for client-side (browser) tests that set up or inspect data. */
public final class TestDb {

    private TestDb() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("wz.test.db.url"),
                System.getProperty("wz.test.db.user"), System.getProperty("wz.test.db.password"));
    }
}
