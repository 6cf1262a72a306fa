package org.wenzheng.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The README's run command: starts (or reuses) the embedded PostgreSQL in {@code .wenzheng/}, then Payara Micro with
 * the freshly built WAR at http://localhost:8080/ in demo mode. Set DB_URL (and DB_USER, DB_PASSWORD) to use an
 * existing PostgreSQL instead; PORT to serve on another port; WZ_HOME for another data folder; WZ_DEMO_ENABLED=false
 * for no demo data. Ctrl-C stops both.
 */
public final class DevServer {

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (EmbeddedPostgres.StartupException e) {
            System.err.println();
            System.err.println("Wenzheng did not start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        String homeEnv = System.getenv("WZ_HOME");
        Path home = Path.of(homeEnv != null && !homeEnv.isBlank() ? homeEnv : System.getProperty("wz.dev.home", ".wenzheng"));
        Path war = Path.of(System.getProperty("wz.dev.war", "target/wenzheng.war"));
        Path microJar = Path.of(System.getProperty("wz.dev.microJar", "target/payara-micro.jar"));
        int httpPort = intEnv("PORT", 8080);
        if (!Files.exists(war) || !Files.exists(microJar)) {
            throw new EmbeddedPostgres.StartupException("The WAR or Payara Micro is missing (" + war + ", " + microJar
                    + "): run `mvn -DskipTests package exec:java`, which builds them first.");
        }
        if (!EmbeddedPostgres.isPortFree(httpPort)) {
            throw new EmbeddedPostgres.StartupException("Port " + httpPort + " is already in use. Stop the other"
                    + " program (another Wenzheng?) or choose a port: PORT=8081 mvn -DskipTests package exec:java");
        }

        String dbUrl = System.getenv("DB_URL");
        String dbUser = System.getenv().getOrDefault("DB_USER", EmbeddedPostgres.SUPERUSER);
        String dbPassword = System.getenv().getOrDefault("DB_PASSWORD", "");
        EmbeddedPostgres pg = null;
        if (dbUrl == null || dbUrl.isBlank()) {
            pg = new EmbeddedPostgres(home, intEnv("WZ_DB_PORT", 5433));
            System.out.println("Starting the embedded PostgreSQL (data in " + home.resolve("pgdata") + ") ...");
            pg.start();
            pg.createDatabaseIfMissing("wenzheng");
            dbUrl = pg.jdbcUrl("wenzheng");
            dbUser = EmbeddedPostgres.SUPERUSER;
            dbPassword = "";
        }

        checkDatabase(dbUrl, dbUser, dbPassword);

        System.out.println("Starting Payara Micro; the portal will be at http://localhost:" + httpPort + "/ ...");
        Process payara = PayaraProcess.start(microJar, war, httpPort, home,
                Map.of("DB_URL", dbUrl, "DB_USER", dbUser, "DB_PASSWORD", dbPassword),
                List.of("-Dwz.demo.enabled=" + !"false".equalsIgnoreCase(System.getenv("WZ_DEMO_ENABLED")),
                        // Plain http://localhost: a Secure session cookie would never come back.
                        "-Dwz.http.secure-cookies=false",
                        // Demo mode only: the generated contact key is kept beside the database.
                        "-Dwz.crypto.dev-key-file=" + home.resolve("contact-key").toAbsolutePath()), true);

        EmbeddedPostgres db = pg;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            payara.destroy();
            try {
                payara.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (db != null) {
                db.close();
            }
        }));
        int exit = payara.waitFor();
        if (db != null) {
            db.close();
        }
        System.exit(exit);
    }

    /** A wrong DB_URL, user or password gets one line here rather than a failed deployment later. */
    private static void checkDatabase(String url, String user, String password) {
        try (var c = java.sql.DriverManager.getConnection(url, user, password)) {
            c.isValid(5);
        } catch (java.sql.SQLException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new EmbeddedPostgres.StartupException("Cannot connect to the database at " + url + " as " + user
                    + ": " + why + " Check DB_URL, DB_USER and DB_PASSWORD, or unset DB_URL to use the embedded"
                    + " PostgreSQL.");
        }
    }

    private static int intEnv(String name, int fallback) throws IOException {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new EmbeddedPostgres.StartupException(name + "=" + v + " is not a port number.");
        }
    }

    private DevServer() {
    }
}
