package org.wenzheng.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.wenzheng.dev.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts one real, empty PostgreSQL for the whole integration-test run (failsafe sets wz.test.embeddedDb) and tells
 * arquillian.xml where it is through the system property wz.test.db.url. WZ_TEST_DB_URL (with WZ_TEST_DB_USER and
 * WZ_TEST_DB_PASSWORD) points the tests at an existing, disposable database instead.
 */
public class TestDatabaseSession implements LauncherSessionListener {

    private EmbeddedPostgres pg;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("wz.test.embeddedDb") || System.getProperty("wz.test.db.url") != null) {
            return;
        }
        Path build = Path.of(System.getProperty("wz.test.buildDir", "target"));
        try {
            Files.createDirectories(build.resolve("payara-tmp"));
            String external = System.getenv("WZ_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                System.setProperty("wz.test.db.url", external);
                System.setProperty("wz.test.db.user", System.getenv().getOrDefault("WZ_TEST_DB_USER", "postgres"));
                System.setProperty("wz.test.db.password",
                        System.getenv().getOrDefault("WZ_TEST_DB_PASSWORD", "postgres"));
                return;
            }
            pg = new EmbeddedPostgres(build.resolve("test-pg"), EmbeddedPostgres.freePort()).wipeData().start();
            pg.recreateDatabase("wenzheng_test");
            System.setProperty("wz.test.db.url", pg.jdbcUrl("wenzheng_test"));
            System.setProperty("wz.test.db.user", EmbeddedPostgres.SUPERUSER);
            // Ignored by the embedded server (trust authentication) but MicroProfile Config needs a value.
            System.setProperty("wz.test.db.password", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the test database", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (pg != null) {
            pg.close();
            pg = null;
        }
    }
}
