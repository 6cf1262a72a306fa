package org.wenzheng.dev;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.people.ApiToken;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The back office's speed targets (issue 5): a batch of 60,000 registered messages is gathered, slipped and routed in
 * under 30 s (the batch cut by the intake officer's API call, then the leader's "approve all" through the API, as a
 * system would drive them); and the intake queue page answers under 100 ms p95 with 10,000 messages waiting, for 32
 * signed-in officers at once. Runs on a fresh database in the benchmark's PostgreSQL (.wenzheng/bench) and writes
 * .wenzheng/bench/office-results.md. Run: mvn -DskipTests package exec:java@bench-office
 */
public final class BackOfficeBenchmark {

    private static final int PORT = Benchmark.intEnv("WZ_BENCH_PORT", 8181);
    private static final int BATCH_SIZE = Benchmark.intEnv("WZ_BENCH_BATCH", 60_000);
    private static final int WAITING = Benchmark.intEnv("WZ_BENCH_WAITING", 10_000);
    private static final String DATABASE = "wenzheng_office_bench";

    private BackOfficeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("wz.bench.home", ".wenzheng/bench"));
        Path war = Path.of(System.getProperty("wz.dev.war", "target/wenzheng.war"));
        Path microJar = Path.of(System.getProperty("wz.dev.microJar", "target/payara-micro.jar"));
        Files.createDirectories(home);
        try (EmbeddedPostgres pg = new EmbeddedPostgres(home, Benchmark.intEnv("WZ_BENCH_DB_PORT", 5434)).start()) {
            pg.recreateDatabase(DATABASE);
            String url = pg.jdbcUrl(DATABASE);
            Process payara = PayaraProcess.start(microJar, war, PORT, home,
                    Map.of("DB_URL", url, "DB_USER", "postgres", "DB_PASSWORD", "bench"), Benchmark.jvmArgs(), false);
            Benchmark.app = payara.toHandle();
            try {
                System.out.println("Waiting for Payara Micro (log: " + home.resolve("payara.log") + ") ...");
                PayaraProcess.awaitReady(PORT, payara, Duration.ofMinutes(4));
                try (Connection db = DriverManager.getConnection(url, "postgres", "bench")) {
                    String base = "http://localhost:" + PORT;
                    List<String> lines = new ArrayList<>();
                    insertMessages(db, BATCH_SIZE, "REGISTERED");
                    lines.add(batchAndRouting(db, base));
                    insertMessages(db, WAITING, "SUBMITTED");
                    lines.add(intakeQueue(base));
                    String report = Benchmark.HEADER + lines.get(1) + "\n\n" + lines.get(0) + "\n";
                    System.out.println();
                    System.out.println(report);
                    Files.writeString(home.resolve("office-results.md"), "Batch of " + BATCH_SIZE + ", " + WAITING
                            + " waiting for intake, " + OffsetDateTime.now(ZoneOffset.UTC) + "\n\n" + report);
                }
            } finally {
                payara.destroy();
                payara.waitFor();
            }
        }
    }

    /** Messages in {@code status}: REGISTERED ones carry the citizen's choice of unit, which routing suggests. */
    private static void insertMessages(Connection db, int n, String status) throws Exception {
        long[] units = Benchmark.ids(db, "select id from unit where active order by id");
        long[] categories = Benchmark.ids(db, "select id from category order by id");
        long intake = Benchmark.ids(db, "select id from person where username = 'intake'")[0];
        long firstId;
        try (Statement s = db.createStatement()) {
            var rs = s.executeQuery("select coalesce(max(id), 0) + 1000 from message");
            rs.next();
            firstId = rs.getLong(1);
        }
        SearchTokenizer tokenizer = new SearchTokenizer();
        boolean registered = status.equals("REGISTERED");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String rows = String.join("", IntStream.range(0, n).parallel().mapToObj(i -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String title = Benchmark.PLACES[r.nextInt(Benchmark.PLACES.length)]
                    + Benchmark.ISSUES[r.nextInt(Benchmark.ISSUES.length)];
            String body = title + "。希望有关部门尽快调查处理。编号" + i;
            OffsetDateTime posted = now.minusMinutes(30 + r.nextInt(60 * 20));
            return String.join("\t", String.valueOf(firstId + i), TrackingCode.generate(), "COMPLAINT",
                    String.valueOf(categories[r.nextInt(categories.length)]),
                    String.valueOf(units[r.nextInt(units.length)]), title, body, "网友", "false", "WEB", status,
                    String.valueOf(registered), posted.toString(),
                    registered ? posted.plusMinutes(20).toString() : "\\N",
                    registered ? String.valueOf(intake) : "\\N", registered ? "ORDINARY" : "\\N",
                    tokenizer.indexText(title, body)) + "\n";
        }).toList());
        CopyIn copy = ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI().copyIn("""
                copy message (id, tracking_code, kind, category_id, target_unit_id, title, body, display_name,
                private_message, channel, status, public_visible, posted_at, registered_at, registered_by, severity,
                search_text) from stdin""");
        byte[] bytes = rows.getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        try (Statement s = db.createStatement()) {
            s.execute("select setval('message_seq', ((select max(id) from message) / 50 + 2) * 50)");
            s.execute("analyze message");
        }
        System.out.printf("  %,d %s messages inserted%n", n, status);
    }

    /** Cut (gather + slip) by the intake officer's API call, then the leader approves all suggestions. */
    private static String batchAndRouting(Connection db, String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String intake = token(db, "intake", "INTAKE_OFFICER");
        String leader = token(db, "leader", "LEADER");
        System.out.println("Running: batch of " + BATCH_SIZE + " (gather, slip, route) ...");
        long t0 = System.nanoTime();
        HttpResponse<String> cut = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/batches"))
                .header("Authorization", "Bearer " + intake).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        long t1 = System.nanoTime();
        if (cut.statusCode() != 201) {
            throw new IllegalStateException("cutting the batch answered " + cut.statusCode() + ": " + cut.body());
        }
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(cut.body());
        if (!id.find()) {
            throw new IllegalStateException("no batch id in " + cut.body());
        }
        // "Approve all" routes a bounded number of messages per call (one transaction each): call until the batch
        // is routed, or nothing more is routed, or ten minutes have passed.
        HttpResponse<String> routed;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        do {
            routed = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/routing/batches/" + id.group(1) + "/approve-all"))
                    .header("Authorization", "Bearer " + leader).timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (routed.statusCode() != 200) {
                throw new IllegalStateException("approve-all answered " + routed.statusCode() + ": " + routed.body());
            }
        } while (!routed.body().contains("\"batchRouted\":true") && !routed.body().contains("\"routed\":0")
                && System.nanoTime() < deadline);
        long t2 = System.nanoTime();
        long cases = Benchmark.ids(db, "select count(*) from handling_case")[0];
        String line = String.format("Batch of %,d: gathered and slipped in %.1f s, routed (%,d cases) in %.1f s,"
                        + " %.1f s in all (target: under 30 s). Last answer: %s", BATCH_SIZE, (t1 - t0) / 1e9,
                cases, (t2 - t1) / 1e9, (t2 - t0) / 1e9, routed.body());
        System.out.println(line);
        return line;
    }

    /** 32 intake officers' sessions reading the first page of the queue back to back. */
    private static String intakeQueue(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> sessions = new ArrayList<>();
        int clients = Benchmark.intEnv("WZ_BENCH_CLIENTS", 32);
        for (int i = 0; i < clients; i++) {
            sessions.add(signIn(http, base, "intake", "wenzheng-demo"));
        }
        System.out.println("Running: intake queue page with " + WAITING + " waiting ...");
        return Benchmark.load("intake queue page (" + WAITING + " waiting)", () -> LoadClient.Call.get(
                base + "/office/intake/queue.xhtml",
                "Cookie", "JSESSIONID=" + sessions.get(ThreadLocalRandom.current().nextInt(sessions.size()))), 200);
    }

    /** Signs in through the Faces form as a browser would; returns the session id. */
    static String signIn(HttpClient http, String base, String username, String password) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String session = cookie(form, "JSESSIONID");
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        if (session == null || !state.find()) {
            throw new IllegalStateException("the sign-in page gave no session or view state");
        }
        String body = "signin=signin&signin%3Ausername=" + enc(username) + "&signin%3Apassword=" + enc(password)
                + "&signin%3Asubmit=x&jakarta.faces.ViewState=" + enc(state.group(1));
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String renewed = cookie(done, "JSESSIONID");
        if (done.statusCode() != 302 || renewed == null) {
            throw new IllegalStateException("signing in as " + username + " answered " + done.statusCode());
        }
        return renewed;
    }

    private static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(name.length() + 1, header.indexOf(';') < 0 ? header.length()
                        : header.indexOf(';'));
            }
        }
        return null;
    }

    private static String token(Connection db, String username, String role) throws SQLException {
        String secret = ApiToken.newSecret();
        try (PreparedStatement ps = db.prepareStatement("""
                insert into api_token (id, name, person_id, roles, token_hash, prefix, created_at, created_by)
                select nextval('api_token_seq'), 'benchmark', id, ?, ?, ?, now(), 'benchmark'
                from person where username = ?""")) {
            ps.setString(1, role);
            ps.setString(2, ApiToken.hash(secret));
            ps.setString(3, secret.substring(0, 12));
            ps.setString(4, username);
            ps.executeUpdate();
        }
        return secret;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
