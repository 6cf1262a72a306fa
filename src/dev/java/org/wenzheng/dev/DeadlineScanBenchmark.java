package org.wenzheng.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times the deadline scan (job deadline-scan) inside the real application: its own PostgreSQL in
 * .wenzheng/bench-scan (a fresh database each run), Payara Micro with the built WAR, 50,000 open cases in 20 units
 * with a liaison each, then the scan triggered through its schedule row and timed from the job's own record:
 * <ol>
 *   <li>a first scan that records every case's deadline state (once after deployment);</li>
 *   <li>a scan when nothing is due (target under 1 s);</li>
 *   <li>a scan when 10,000 cases fall due soon at once: 10,000 reminders, each a mail to the unit's liaison
 *       (target under 10 s);</li>
 *   <li>a scan when another 10,000 pass their due at once: 10,000 state changes, each with an audit entry.</li>
 * </ol>
 * Run with {@code WZ_BENCH_SCENARIO=deadline-scan mvn -DskipTests package exec:java@bench}; results are printed and
 * written to .wenzheng/bench-scan/results.md. {@code WZ_BENCH_OPEN_CASES} changes the 50,000.
 *
 * <p>{@code WZ_BENCH_SCENARIO=calendar-recompute} times instead what an administrator waits for when a holiday is added
 * to the calendar: the same open cases, all posted Mon 2032-05-03 (a year with no official days), then a holiday on
 * Tue 05-04 through the API (PUT /api/v1/calendar/2032/days/2032-05-04), which recomputes and moves every due.
 */
public final class DeadlineScanBenchmark {

    private static final int PORT = intEnv("WZ_BENCH_PORT", 8182);
    private static final int OPEN_CASES = intEnv("WZ_BENCH_OPEN_CASES", 50_000);
    private static final int UNITS = 20;
    private static final int WAVE = 10_000;

    private DeadlineScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("wz.bench.home", ".wenzheng/bench")).resolveSibling("bench-scan");
        Path war = Path.of(System.getProperty("wz.dev.war", "target/wenzheng.war"));
        Path microJar = Path.of(System.getProperty("wz.dev.microJar", "target/payara-micro.jar"));
        Files.createDirectories(home);
        try (EmbeddedPostgres pg = new EmbeddedPostgres(home, intEnv("WZ_BENCH_DB_PORT", 5435)).start()) {
            pg.recreateDatabase("wenzheng_scan");
            String url = pg.jdbcUrl("wenzheng_scan");
            // The scan runs only when the benchmark moves its schedule; ticks every second pick that up at once.
            Process payara = PayaraProcess.start(microJar, war, PORT, home,
                    Map.of("DB_URL", url, "DB_USER", "postgres", "DB_PASSWORD", "bench"),
                    List.of("-Xmx1g", "-Dwz.demo.enabled=false", "-Dwz.scheduler.tickSeconds=1",
                            "-Dwz.supervision.scanMinutes=600",
                            // Without a contact key the application is not ready; a fresh one per (fresh) database.
                            "-Dwz.crypto.contact-key=" + freshKey()), false);
            try {
                System.out.println("Waiting for Payara Micro (log: " + home.resolve("payara.log") + ") ...");
                PayaraProcess.awaitReady(PORT, payara, Duration.ofMinutes(4));
                try (Connection db = DriverManager.getConnection(url, "postgres", "bench")) {
                    long started = System.nanoTime();
                    load(db);
                    System.out.printf("Loaded %,d open cases in %.1f s%n", OPEN_CASES, (System.nanoTime() - started) / 1e9);
                    if ("calendar-recompute".equals(System.getenv("WZ_BENCH_SCENARIO"))) {
                        String report = recompute(db);
                        System.out.println();
                        System.out.println(report);
                        Files.writeString(home.resolve("results-recompute.md"), "Open cases: " + OPEN_CASES + ", "
                                + OffsetDateTime.now(ZoneOffset.UTC) + "\n\n" + report);
                        return;
                    }
                    List<String> rows = new ArrayList<>();
                    rows.add(row("first scan after deployment (records every state)", scan(db), "—"));
                    rows.add(row("nothing due", scan(db), "< 1 s"));
                    exec(db, "update handling_case set due_at = now() + interval '2 hours'"
                            + " where id in (select id from handling_case order by id limit " + WAVE + ")");
                    rows.add(row(String.format("%,d fall due soon at once (reminders)", WAVE), scan(db), "< 10 s"));
                    // Another wave passes its due; their reminders for that due exist, so only states change.
                    exec(db, "update handling_case set due_at = now() - interval '1 minute'"
                            + " where id in (select id from handling_case order by id desc limit " + WAVE + ")");
                    exec(db, "insert into case_reminder (case_id, due_at, reminded_at) select id, due_at, now()"
                            + " from handling_case where due_at < now() on conflict do nothing");
                    rows.add(row(String.format("%,d pass their due at once (states, audit)", WAVE), scan(db), "—"));
                    rows.add(row("nothing new", scan(db), "< 1 s"));
                    String report = "| scan | ms | outcome | target |\n| --- | --- | --- | --- |\n"
                            + String.join("\n", rows) + "\n";
                    System.out.println();
                    System.out.println(report);
                    Files.writeString(home.resolve("results.md"), "Open cases: " + OPEN_CASES + ", "
                            + OffsetDateTime.now(ZoneOffset.UTC) + "\n\n" + report);
                }
            } finally {
                payara.destroy();
                payara.waitFor();
            }
        }
    }

    /** Units with one liaison each, and open cases due 20 to 40 days ahead (nothing due soon). */
    private static void load(Connection db) throws SQLException {
        db.setAutoCommit(false);
        long[] units = new long[UNITS];
        for (int i = 0; i < UNITS; i++) {
            units[i] = single(db, "select nextval('unit_seq')");
            exec(db, "insert into unit (id, code, name, created_at) values (" + units[i] + ", 'B" + i + "', '测试单位"
                    + i + "', now())");
            long person = single(db, "select nextval('person_seq')");
            exec(db, "insert into person (id, username, display_name, email, password_hash, created_at) values ("
                    + person + ", 'bench" + i + "', '联系员" + i + "', 'bench" + i + "@bench.invalid', 'x', now())");
            exec(db, "insert into person_role (person_id, role) values (" + person + ", 'LIAISON')");
            exec(db, "insert into person_unit (person_id, unit_id) values (" + person + ", " + units[i] + ")");
        }
        long firstMessage = single(db, "select coalesce(max(id), 0) + 1000 from message");
        long firstCase = single(db, "select coalesce(max(id), 0) + 1000 from handling_case");
        try (PreparedStatement m = db.prepareStatement("insert into message (id, tracking_code, kind, title, body,"
                + " status, posted_at, severity) values (?, ?, 'COMPLAINT', ?, '留言内容。', 'ROUTED',"
                + " now() - interval '1 day', 'ORDINARY')");
             PreparedStatement c = db.prepareStatement("insert into handling_case (id, message_id, unit_id, unit_role,"
                     + " status, routed_at, due_at) values (?, ?, ?, 'LEAD', 'ROUTED', now(),"
                     + " now() + make_interval(days => ?))")) {
            for (int i = 0; i < OPEN_CASES; i++) {
                m.setLong(1, firstMessage + i);
                m.setString(2, "BENCH" + i);
                m.setString(3, "督办基准留言" + i);
                m.addBatch();
                c.setLong(1, firstCase + i);
                c.setLong(2, firstMessage + i);
                c.setLong(3, units[i % UNITS]);
                c.setInt(4, 20 + i % 21);
                c.addBatch();
                if (i % 5000 == 4999) {
                    m.executeBatch();
                    c.executeBatch();
                }
            }
            m.executeBatch();
            c.executeBatch();
        }
        exec(db, "select setval('message_seq', (select max(id) from message) + 100)");
        exec(db, "select setval('case_seq', (select max(id) from handling_case) + 100)");
        db.commit();
        db.setAutoCommit(true);
        exec(db, "analyze");
    }

    /** Every loaded case posted Mon 2032-05-03 10:00, due Thu 05-06 17:00; then a holiday on 05-04, timed. */
    private static String recompute(Connection db) throws Exception {
        exec(db, "update message set posted_at = timestamptz '2032-05-03 10:00+08',"
                + " due_at = timestamptz '2032-05-06 17:00+08' where tracking_code like 'BENCH%'");
        exec(db, "update handling_case set due_at = timestamptz '2032-05-06 17:00+08',"
                + " routed_at = timestamptz '2032-05-03 11:00+08'");
        exec(db, "analyze");
        long admin = single(db, "select nextval('person_seq')");
        exec(db, "insert into person (id, username, display_name, password_hash, created_at) values (" + admin
                + ", 'benchadmin', '基准管理员', 'x', now())");
        exec(db, "insert into person_role (person_id, role) values (" + admin + ", 'ADMINISTRATOR')");
        String secret = org.wenzheng.people.ApiToken.newSecret();
        try (PreparedStatement ps = db.prepareStatement("insert into api_token (id, name, person_id, roles,"
                + " token_hash, prefix, created_at, created_by) values (nextval('api_token_seq'), 'benchmark', ?,"
                + " 'ADMINISTRATOR', ?, ?, now(), 'benchmark')")) {
            ps.setLong(1, admin);
            ps.setString(2, org.wenzheng.people.ApiToken.hash(secret));
            ps.setString(3, secret.substring(0, 12));
            ps.executeUpdate();
        }
        java.net.http.HttpRequest put = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + PORT + "/api/v1/calendar/2032/days/2032-05-04"))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(10))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"HOLIDAY\",\"name\":\"基准假日\"}"))
                .build();
        long start = System.nanoTime();
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(put,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the calendar change was refused: " + r.statusCode() + " " + r.body());
        }
        long moved = single(db, "select count(*) from handling_case where due_at = timestamptz '2032-05-07 17:00+08'");
        System.out.printf("Holiday added, %,d of %,d open cases' dues recomputed and moved in %,d ms%n", moved,
                OPEN_CASES, millis);
        return "| calendar change | open cases | moved | ms |\n| --- | --- | --- | --- |\n| holiday on 2032-05-04 | "
                + OPEN_CASES + " | " + moved + " | " + millis + " |\n";
    }

    /** Makes the job due now and waits for the run to finish; returns its record (outcome and duration). */
    private static String[] scan(Connection db) throws Exception {
        long runs = single(db, "select runs from scheduled_job where name = 'deadline-scan'");
        exec(db, "update scheduled_job set next_run_at = now() - interval '1 second', lease_owner = null,"
                + " lease_until = null where name = 'deadline-scan'");
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < until) {
            Thread.sleep(200);
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select runs, last_outcome,"
                    + " round(extract(epoch from (last_finished_at - last_started_at)) * 1000)"
                    + " from scheduled_job where name = 'deadline-scan'")) {
                rs.next();
                if (rs.getLong(1) > runs) {
                    return new String[]{rs.getString(3), rs.getString(2)};
                }
                if (rs.getString(2) != null && rs.getString(2).startsWith("failed")) {
                    throw new IllegalStateException("the scan failed: " + rs.getString(2));
                }
            }
        }
        throw new IllegalStateException("the scan did not run within 5 minutes; see the Payara log");
    }

    private static String row(String name, String[] result, String target) {
        System.out.println(name + ": " + result[0] + " ms (" + result[1] + ")");
        return "| " + name + " | " + result[0] + " | " + result[1] + " | " + target + " |";
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private static String freshKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }
}
