package org.wenzheng.dev;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.dev.LoadClient.Call;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.wenzheng.dev.LoadClient.Call.get;

/**
 * The benchmark of the README: a real PostgreSQL (.wenzheng/bench, kept between runs so the data is loaded once) with
 * WZ_BENCH_MESSAGES messages (default 1,000,000) of realistic Chinese text and real search tokens, Payara Micro with
 * the built WAR, and timed HTTP load from 32 concurrent clients on this machine: the board, threads, two- and
 * four-character searches, and posting through the JSON API as an integrated channel would. Prints p50/p95/p99 and
 * writes .wenzheng/bench/results.md. Run: mvn -DskipTests package exec:java@bench
 */
public final class Benchmark {

    private static final int CLIENTS = intEnv("WZ_BENCH_CLIENTS", 32);
    private static final Duration WARM_UP = Duration.ofSeconds(intEnv("WZ_BENCH_WARMUP_SECONDS", 15));
    private static final Duration MEASURE = Duration.ofSeconds(intEnv("WZ_BENCH_SECONDS", 30));
    private static final int PORT = intEnv("WZ_BENCH_PORT", 8181);
    /**
     * Before the first scenario, the server gets a mix of every scenario's requests until its JIT compiler has
     * settled (below {@link #SETTLED_SHARE} of the server's processor time over {@link #SETTLE_WINDOW}), for at most
     * this long: what a board that has been up a while runs on, not the first minutes after a start.
     */
    private static final Duration SERVER_WARM_UP = Duration.ofSeconds(intEnv("WZ_BENCH_SERVER_WARMUP_SECONDS", 600));
    private static final Duration SETTLE_WINDOW = Duration.ofSeconds(15);
    private static final double SETTLED_SHARE = 0.05;
    /**
     * A request with credentials is never served from the page cache, and pages ignore the header otherwise: the page
     * is rendered by Faces each time.
     */
    private static final String[] UNCACHED = {"Authorization", "Bearer bench-uncached"};
    static final String HEADER = "| scenario | requests | errors | req/s | p50 ms | p95 ms | p99 ms | app CPU ms/req"
            + " | JIT share | client CPU ms/req |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
    /**
     * The application server's process, for the processor time it spends per request (database not included): unlike
     * the rate and the latencies, that figure hardly depends on what else the machine is doing.
     */
    static volatile ProcessHandle app;
    /**
     * With -Dwz.bench.compare=other.war, a second server runs that WAR on the next port against the same database, and
     * every scenario sends half the clients to each at the same time: both builds meet the same machine, whose speed
     * here changes by up to three times from hour to hour, so the two lines compare like with like.
     */
    static volatile ProcessHandle compared;

    static final String[] PLACES = {"人民路", "幸福小区", "建设街道", "滨江花园", "城南中学", "火车站广场", "工业园区",
            "老城区", "东湖公园", "新华路菜市场", "G107国道", "阳光城三期", "第二人民医院", "高新区", "北门社区"};
    static final String[] ISSUES = {"夜间施工噪音扰民", "停车收费不合理", "拆迁补偿标准不明确", "垃圾分类点设置不合理",
            "路灯损坏多日", "下水道堵塞", "物业服务差", "学校周边交通拥堵", "公交线路调整", "违章搭建", "餐馆油烟污染",
            "共享单车乱停放", "冬季供暖不热", "自来水水质发黄", "医保报销手续繁琐", "小区电梯故障", "广场舞噪音", "占道经营",
            "绿化带被破坏", "充电桩不足"};
    private static final String[] SENTENCES = {"这个问题已经持续了%d天。", "附近居民大约有%d户受到影响。",
            "我们多次向物业反映，至今没有结果。", "希望有关部门尽快调查处理。", "晚上%d点以后仍然很吵，老人孩子无法休息。",
            "上周拨打过12345热线，答复说会转交处理。", "请问这种情况应该找哪个部门？", "路面坑洼，雨天积水严重。",
            "建议增设%d个停车位并规范收费。", "手机iPhone%d拍了照片，可以提供。", "恳请领导重视，给群众一个答复。"};

    public static void main(String[] args) throws Exception {
        if ("deadline-scan".equals(System.getenv("WZ_BENCH_SCENARIO"))
                || "calendar-recompute".equals(System.getenv("WZ_BENCH_SCENARIO"))) {
            DeadlineScanBenchmark.main(args);
            return;
        }
        Path home = Path.of(System.getProperty("wz.bench.home", ".wenzheng/bench"));
        Path war = Path.of(System.getProperty("wz.dev.war", "target/wenzheng.war"));
        Path microJar = Path.of(System.getProperty("wz.dev.microJar", "target/payara-micro.jar"));
        int messages = intEnv("WZ_BENCH_MESSAGES", 1_000_000);
        Files.createDirectories(home);

        try (EmbeddedPostgres pg = new EmbeddedPostgres(home, intEnv("WZ_BENCH_DB_PORT", 5434)).start()) {
            pg.createDatabaseIfMissing("wenzheng_bench");
            String url = pg.jdbcUrl("wenzheng_bench");
            Process payara = PayaraProcess.start(microJar, war, PORT, home,
                    Map.of("DB_URL", url, "DB_USER", "postgres", "DB_PASSWORD", "bench"),
                    jvmArgs(), false);
            app = payara.toHandle();
            String compare = System.getProperty("wz.bench.compare");
            Process other = compare == null ? null : PayaraProcess.start(microJar, Path.of(compare), PORT + 1,
                    home.resolve("compare"), Map.of("DB_URL", url, "DB_USER", "postgres", "DB_PASSWORD", "bench"),
                    jvmArgs(), false);
            try {
                System.out.println("Waiting for Payara Micro (log: " + home.resolve("payara.log") + ") ...");
                PayaraProcess.awaitReady(PORT, payara, Duration.ofMinutes(4));
                if (other != null) {
                    PayaraProcess.awaitReady(PORT + 1, other, Duration.ofMinutes(4));
                    compared = other.toHandle();
                    System.out.println("Comparing " + war + " (A, port " + PORT + ") with " + compare + " (B, port "
                            + (PORT + 1) + ")");
                }
                try (Connection db = DriverManager.getConnection(url, "postgres", "bench")) {
                    load(db, messages);
                    if ("true".equalsIgnoreCase(System.getenv("WZ_BENCH_LOAD_ONLY"))) {
                        System.out.println("Loaded; WZ_BENCH_LOAD_ONLY is set, so no measurement.");
                        return;
                    }
                    List<String> results = run(db);
                    String report = HEADER + String.join("\n", results) + "\n";
                    System.out.println();
                    System.out.println(report);
                    System.out.println("Page cache: " + pageCacheFigures());
                    Files.writeString(home.resolve("results.md"), "Messages: " + count(db) + ", clients: " + CLIENTS
                            + ", measured " + MEASURE.toSeconds() + " s each after " + WARM_UP.toSeconds()
                            + " s warm-up, " + OffsetDateTime.now(ZoneOffset.UTC) + "\n\n" + report);
                }
            } finally {
                payara.destroy();
                payara.waitFor();
                if (other != null) {
                    other.destroy();
                    other.waitFor();
                }
            }
        }
    }

    /** Payara's JVM options; WZ_BENCH_JVM_ARGS adds more (e.g. a Flight Recorder recording to see where time goes). */
    static List<String> jvmArgs() {
        List<String> args = new ArrayList<>(List.of("-Xmx2g", "-Dwz.demo.enabled=true",
                "-Dwz.posting.maxPerHour=1000000000", "-Djakarta.faces.PROJECT_STAGE=Production"));
        String extra = System.getenv("WZ_BENCH_JVM_ARGS");
        if (extra != null && !extra.isBlank()) {
            args.addAll(List.of(extra.strip().split("\\s+")));
        }
        return args;
    }

    /** Whether a scenario runs: all, unless WZ_BENCH_ONLY names some (comma-separated parts of their names). */
    private static boolean selected(String scenario) {
        String only = System.getenv("WZ_BENCH_ONLY");
        if (only == null || only.isBlank()) {
            return true;
        }
        // Semicolons separate the parts when a part itself has a comma ("search API, 2").
        for (String part : only.split(only.contains(";") ? ";" : ",")) {
            if (!part.isBlank() && scenario.contains(part.strip())) {
                return true;
            }
        }
        return false;
    }

    /** Adds generated messages until there are {@code target}; COPY in chunks, tokens computed on every core. */
    private static void load(Connection db, int target) throws SQLException, IOException {
        long have = count(db);
        if (have >= target) {
            System.out.println("Database already has " + have + " messages.");
            return;
        }
        long[] units = ids(db, "select id from unit order by id");
        long[] categories = ids(db, "select id from category order by id");
        long firstId;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from message")) {
            rs.next();
            firstId = rs.getLong(1) + 1_000;
        }
        SearchTokenizer tokenizer = new SearchTokenizer();
        int missing = (int) (target - have);
        // Building the search index once after the load is much faster than maintaining it row by row.
        boolean rebuildIndex = missing > 100_000;
        if (rebuildIndex) {
            try (Statement s = db.createStatement()) {
                s.execute("drop index if exists message_search_idx");
            }
        }
        int chunk = 20_000;
        long started = System.nanoTime();
        for (int from = 0; from < missing; from += chunk) {
            int n = Math.min(chunk, missing - from);
            long base = firstId + from;
            String rows = String.join("", IntStream.range(0, n).parallel()
                    .mapToObj(i -> row(base + i, units, categories, tokenizer)).toList());
            CopyIn copy = ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI().copyIn("""
                    copy message (id, tracking_code, kind, category_id, target_unit_id, title, body, display_name,
                    private_message, channel, status, public_visible, posted_at, registered_at, due_at, replied_at,
                    search_text) from stdin""");
            byte[] bytes = rows.getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
            System.out.printf("  %,d / %,d messages loaded (%.0f s)%n", have + from + n, (long) target,
                    (System.nanoTime() - started) / 1e9);
        }
        try (Statement s = db.createStatement()) {
            if (rebuildIndex) {
                System.out.println("  building the search index ...");
                s.execute("set maintenance_work_mem = '1GB'");
                s.execute("create index message_search_idx on message using gin (search_vector)");
            }
            s.execute("select setval('message_seq', ((select max(id) from message) / 50 + 2) * 50)");
            s.execute("analyze message");
        }
    }

    private static String row(long id, long[] units, long[] categories, SearchTokenizer tokenizer) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String title = PLACES[r.nextInt(PLACES.length)] + ISSUES[r.nextInt(ISSUES.length)];
        StringBuilder body = new StringBuilder(title).append("。");
        for (int k = 2 + r.nextInt(5); k > 0; k--) {
            body.append(String.format(SENTENCES[r.nextInt(SENTENCES.length)], 2 + r.nextInt(30)));
        }
        OffsetDateTime posted = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(r.nextLong(2L * 365 * 24 * 60));
        int p = r.nextInt(100);
        String status = p < 60 ? "REPLIED" : p < 75 ? "HANDLING" : p < 85 ? "ROUTED" : p < 95 ? "SUBMITTED" : "REJECTED";
        boolean accepted = !status.equals("SUBMITTED") && !status.equals("REJECTED");
        boolean isPrivate = r.nextInt(100) < 3;
        String kind = new String[]{"QUESTION", "COMPLAINT", "SUGGESTION", "HELP", "OTHER"}[r.nextInt(5)];
        OffsetDateTime due = posted.plusDays(5);
        String replied = status.equals("REPLIED") ? posted.plusHours(12 + r.nextInt(150)).toString() : "\\N";
        return String.join("\t", String.valueOf(id), TrackingCode.generate(), kind,
                String.valueOf(categories[r.nextInt(categories.length)]), String.valueOf(units[r.nextInt(units.length)]),
                title, body.toString(), "网友", String.valueOf(isPrivate), "WEB", status,
                String.valueOf(accepted && !isPrivate), posted.toString(),
                accepted ? posted.plusHours(2).toString() : "\\N", accepted ? due.toString() : "\\N", replied,
                tokenizer.indexText(title, body.toString())) + "\n";
    }

    private static List<String> run(Connection db) throws Exception {
        long[] publicIds = ids(db, "select id from message where public_visible order by random() limit 20000");
        String base = "http://localhost:" + PORT;
        String[] two = {"噪音", "停车", "拆迁", "物业", "垃圾", "电梯"};
        String[] four = {"停车收费", "噪音扰民", "垃圾分类", "交通拥堵", "供暖不热", "油烟污染"};
        String token = channelToken(db);
        Supplier<Call> postings = postings(db, base, token);
        warmServers(List.of(
                () -> get(base + "/board/index.xhtml?page=" + ThreadLocalRandom.current().nextInt(20)),
                () -> get(base + "/board/index.xhtml?page=" + ThreadLocalRandom.current().nextInt(20), UNCACHED),
                // Threads only rendered, never stored: the scenario after this reads each one first.
                () -> get(base + "/board/thread.xhtml?id=" + publicIds[ThreadLocalRandom.current().nextInt(
                        publicIds.length)], UNCACHED),
                () -> get(base + "/board/index.xhtml?q=" + enc(two[ThreadLocalRandom.current().nextInt(two.length)]),
                        UNCACHED),
                () -> get(base + "/board/index.xhtml?q=" + enc(four[ThreadLocalRandom.current().nextInt(four.length)]),
                        UNCACHED),
                () -> get(base + "/api/v1/board/messages?q=" + enc(two[ThreadLocalRandom.current().nextInt(two.length)])),
                () -> get(base + "/api/v1/board/messages?page=" + ThreadLocalRandom.current().nextInt(20)),
                postings));
        List<String> results = new ArrayList<>();
        results.add(scenario("board page", () -> base + "/board/index.xhtml?page=" + ThreadLocalRandom.current().nextInt(20)));
        // Each thread read once first (rendered: nothing stored yet), then the steady state of a board that has
        // been up a while, where a thread read before is served stored and revalidated against the database.
        results.add(firstReads("thread page, first read of each", Arrays.stream(publicIds)
                .mapToObj(id -> base + "/board/thread.xhtml?id=" + id).toArray(String[]::new)));
        results.add(scenario("thread page", () -> base + "/board/thread.xhtml?id="
                + publicIds[ThreadLocalRandom.current().nextInt(publicIds.length)]));
        results.add(scenario("search, 2 characters", () -> base + "/board/index.xhtml?q="
                + enc(two[ThreadLocalRandom.current().nextInt(two.length)])));
        results.add(scenario("search, 4 characters", () -> base + "/board/index.xhtml?q="
                + enc(four[ThreadLocalRandom.current().nextInt(four.length)])));
        // The same searches rendered every time: a request with credentials is never served from the page cache,
        // and pages ignore the header otherwise. This is what a query nobody asked for in the last 30 s costs.
        results.add(scenario("search, 2 characters, rendered each time", () -> base + "/board/index.xhtml?q="
                + enc(two[ThreadLocalRandom.current().nextInt(two.length)]), UNCACHED));
        results.add(scenario("search, 4 characters, rendered each time", () -> base + "/board/index.xhtml?q="
                + enc(four[ThreadLocalRandom.current().nextInt(four.length)]), UNCACHED));
        // The JSON API is never stored: every search runs the query; no Faces render on top.
        results.add(scenario("search API, 2 characters", () -> base + "/api/v1/board/messages?q="
                + enc(two[ThreadLocalRandom.current().nextInt(two.length)])));
        results.add(scenario("search API, 4 characters", () -> base + "/api/v1/board/messages?q="
                + enc(four[ThreadLocalRandom.current().nextInt(four.length)])));
        results.add(scenario("board API", () -> base + "/api/v1/board/messages?page="
                + ThreadLocalRandom.current().nextInt(20)));
        results.add(posting(postings));
        return results;
    }

    /** GETs of the URLs the supplier gives, with the headers given as name, value pairs. */
    private static String scenario(String name, Supplier<String> urls, String... headers) throws InterruptedException {
        if (!selected(name)) {
            return "| " + name + " | (skipped) | | | | | | | | |";
        }
        System.out.println("Running: " + name + " ...");
        return load(name, () -> get(urls.get(), headers), 200);
    }

    /** A new channel token for the benchmark; the earlier run's is revoked, as an administrator rotating it would. */
    private static String channelToken(Connection db) throws Exception {
        String token = "bench-" + TrackingCode.generate() + TrackingCode.generate();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        try (var revoke = db.prepareStatement("update channel_token set active = false, revoked_at = now()"
                + " where name = ? and active");
             var ps = db.prepareStatement("insert into channel_token (id, name, token_hash, active, created_at)"
                + " values (nextval('channel_token_seq'), ?, ?, true, now())")) {
            revoke.setString(1, "bench");
            revoke.executeUpdate();
            ps.setString(1, "bench");
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        return token;
    }

    /** Postings through the JSON API with a channel token, as a 12345 hotline system would send them. */
    private static Supplier<Call> postings(Connection db, String base, String token) throws SQLException {
        long category = ids(db, "select id from category order by id limit 1")[0];
        AtomicLong n = new AtomicLong();
        // Each run's texts differ from earlier runs': the same text from the same phone within a day is refused (409).
        long run = System.currentTimeMillis() / 1000;
        return () -> {
            long i = n.incrementAndGet();
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String title = PLACES[r.nextInt(PLACES.length)] + ISSUES[r.nextInt(ISSUES.length)];
            String json = "{\"kind\":\"COMPLAINT\",\"categoryId\":" + category + ",\"title\":\"" + title
                    + "\",\"body\":\"" + title + "。编号" + run + "-" + i + "，" + SENTENCES[r.nextInt(3)].replace("%d", "3")
                    + "\",\"phone\":\"13" + String.format("%09d", i % 1_000_000_000) + "\"}";
            return Call.postJson(base + "/api/v1/messages", json, "Authorization", "Bearer " + token,
                    "Idempotency-Key", "bench-" + System.nanoTime() + "-" + i);
        };
    }

    /** Posting through the JSON API with a channel token, limits raised. */
    private static String posting(Supplier<Call> postings) throws InterruptedException {
        if (!selected("post via API (channel)")) {
            return "| post via API (channel) | (skipped) | | | | | | | | |";
        }
        System.out.println("Running: posting through the API ...");
        return load("post via API (channel)", postings, 201);
    }

    /**
     * Sends CLIENTS clients at a mix of every scenario's requests until each server's JIT compiler has settled, or
     * SERVER_WARM_UP has passed; prints how long that took and the compiler's share at the start and at the end.
     * Where /proc does not tell, the warm-up lasts SERVER_WARM_UP.
     */
    private static void warmServers(List<Supplier<Call>> mix) throws InterruptedException {
        if (SERVER_WARM_UP.isZero()) {
            return;
        }
        ProcessHandle b = compared;
        System.out.println("Warming the server" + (b == null ? "" : "s") + " with a mix of every scenario, until the"
                + " JIT compiler settles (at most " + SERVER_WARM_UP.toSeconds() + " s) ...");
        long started = System.nanoTime();
        long deadline = started + SERVER_WARM_UP.toNanos();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        LoadClient http = new LoadClient(CLIENTS);
        Thread[] threads = new Thread[CLIENTS];
        for (int t = 0; t < CLIENTS; t++) {
            boolean other = b != null && t % 2 == 1;
            threads[t] = new Thread(() -> {
                while (!stop.get()) {
                    Call r = mix.get(ThreadLocalRandom.current().nextInt(mix.size())).get();
                    try {
                        http.send(other ? r.toPort(PORT, PORT + 1) : r);
                    } catch (IOException e) {
                        // A failed request warms nothing but harms nothing: the measured scenarios count failures.
                    }
                }
            });
            threads[t].start();
        }
        List<String> shares = new ArrayList<>();
        String first = null;
        boolean settled = false;
        while (!settled && System.nanoTime() < deadline) {
            Duration[] cpu = {appCpu(app), appCpu(b)};
            CompilerTime.Snapshot[] jit = {CompilerTime.of(app), CompilerTime.of(b)};
            Thread.sleep(Math.min(SETTLE_WINDOW.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            shares.clear();
            settled = true;
            for (int g = 0; g < (b == null ? 1 : 2); g++) {
                ProcessHandle p = g == 0 ? app : b;
                String share = jitShare(jit[g], CompilerTime.of(p), cpu[g], appCpu(p));
                shares.add(share);
                double value = share.equals("—") ? Double.NaN : Double.parseDouble(share.replace(" %", ""));
                // Unknown never counts as settled: then the warm-up lasts its whole time.
                settled &= value < SETTLED_SHARE * 100;
            }
            if (first == null) {
                first = String.join(" / ", shares);
            }
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        http.close();
        System.out.printf("Warm-up: %d s; the JIT compiler's share of the server's processor time went from %s in the"
                        + " first %d s to %s in the last (%s)%n", (System.nanoTime() - started) / 1_000_000_000, first,
                SETTLE_WINDOW.toSeconds(), String.join(" / ", shares), settled ? "settled" : "time limit reached");
    }

    /** The public page cache's counters from the liveness check (served stored, revalidated, rendered, size). */
    private static String pageCacheFigures() {
        try {
            String live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + PORT + "/health/live")).build(), HttpResponse.BodyHandlers.ofString()).body();
            int at = live.indexOf("public-page-cache");
            return at < 0 ? live : live.substring(at, Math.min(live.length(), live.indexOf('}', at) + 1));
        } catch (IOException | InterruptedException e) {
            return "unavailable (" + e + ")";
        }
    }

    /** CLIENTS threads read every URL once, back to back, all measured: the cold figures. */
    private static String firstReads(String name, String[] urls) throws InterruptedException {
        if (!selected(name)) {
            return "| " + name + " | (skipped) | | | | | | | | |";
        }
        System.out.println("Running: " + name + " ...");
        LoadClient http = new LoadClient(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[urls.length];
        Thread[] threads = new Thread[CLIENTS];
        long start = System.nanoTime();
        for (int t = 0; t < CLIENTS; t++) {
            threads[t] = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < urls.length; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        if (http.send(Call.get(urls[i])) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        http.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(latencies).sorted().toArray();
        String line = String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | — | — | — |", name, all.length,
                errors.get(), all.length / seconds, pct(all, 50), pct(all, 95), pct(all, 99));
        System.out.println(line);
        return line;
    }

    /**
     * CLIENTS threads send requests back to back: warm-up first, then the measured window. When a second build is
     * compared, half the clients send each request to it instead, at the same time, and both get a line.
     */
    static String load(String name, Supplier<Call> requests, int okStatus) throws InterruptedException {
        long warmEnd = System.nanoTime() + WARM_UP.toNanos();
        long end = warmEnd + MEASURE.toNanos();
        ProcessHandle b = compared;
        int groups = b == null ? 1 : 2;
        Group[] run = new Group[groups];
        try (LoadClient http = new LoadClient(CLIENTS)) {
            for (int g = 0; g < groups; g++) {
                Supplier<Call> to = g == 0 ? requests : () -> requests.get().toPort(PORT, PORT + 1);
                run[g] = new Group(CLIENTS / groups, to, http, okStatus, warmEnd, end);
            }
            long untilMeasured = (warmEnd - System.nanoTime()) / 1_000_000;
            if (untilMeasured > 0) {
                Thread.sleep(untilMeasured);
            }
            Duration[] cpuBefore = {appCpu(app), appCpu(b)};
            Duration clientBefore = appCpu(ProcessHandle.current());
            CompilerTime.Snapshot[] jitBefore = {CompilerTime.of(app), CompilerTime.of(b)};
            for (Group g : run) {
                g.join();
            }
            Duration[] cpuAfter = {appCpu(app), appCpu(b)};
            Duration clientAfter = appCpu(ProcessHandle.current());
            CompilerTime.Snapshot[] jitAfter = {CompilerTime.of(app), CompilerTime.of(b)};
            // The client's processor time is taken from the same two cores: shown, so the machine's whole work per
            // request can be read off the line (PostgreSQL's apart).
            long requestsSent = Arrays.stream(run).mapToLong(Group::measured).sum();
            String client = clientBefore == null || clientAfter == null || requestsSent == 0 ? "—"
                    : String.format("%.2f", clientAfter.minus(clientBefore).toNanos() / 1e6 / requestsSent);
            List<String> lines = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                lines.add(run[g].line(groups == 1 ? name : name + (g == 0 ? " [A]" : " [B]"), cpuBefore[g],
                        cpuAfter[g], jitShare(jitBefore[g], jitAfter[g], cpuBefore[g], cpuAfter[g]), client));
            }
            return String.join("\n", lines);
        }
    }

    /** Clients sending to one server, and what they saw once the warm-up was over. */
    private static final class Group {
        private final Thread[] threads;
        private final long[][] perThread;
        private final AtomicInteger errors = new AtomicInteger();
        private final Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();

        Group(int clients, Supplier<Call> requests, LoadClient http, int okStatus, long warmEnd, long end) {
            threads = new Thread[clients];
            perThread = new long[clients][];
            for (int t = 0; t < clients; t++) {
                int me = t;
                threads[t] = new Thread(() -> {
                    long[] lat = new long[1 << 16];
                    int k = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        String outcome;
                        try {
                            int status = http.send(requests.get());
                            ok = status == okStatus;
                            outcome = "HTTP " + status;
                        } catch (IOException e) {
                            ok = false;
                            outcome = e.getClass().getSimpleName();
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= warmEnd) {
                            if (!ok) {
                                errors.incrementAndGet();
                                failures.merge(outcome, 1, Integer::sum);
                            }
                            if (k == lat.length) {
                                lat = Arrays.copyOf(lat, k * 2);
                            }
                            lat[k++] = t1 - t0;
                        }
                    }
                    perThread[me] = Arrays.copyOf(lat, k);
                });
                threads[t].start();
            }
        }

        void join() throws InterruptedException {
            for (Thread t : threads) {
                t.join();
            }
        }

        /** Requests answered in the measured window (after the threads have ended). */
        long measured() {
            return Arrays.stream(perThread).mapToLong(t -> t.length).sum();
        }

        String line(String name, Duration cpuBefore, Duration cpuAfter, String jitShare, String clientCpu) {
            long[] all = Arrays.stream(perThread).flatMapToLong(Arrays::stream).sorted().toArray();
            String line = String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %s | %s | %s |", name,
                    all.length, errors.get(), all.length / (double) MEASURE.toSeconds(), pct(all, 50), pct(all, 95),
                    pct(all, 99), cpuBefore == null || cpuAfter == null || all.length == 0 ? "—"
                            : String.format("%.2f", cpuAfter.minus(cpuBefore).toNanos() / 1e6 / all.length), jitShare,
                    clientCpu);
            System.out.println(line);
            if (!failures.isEmpty()) {
                System.out.println("  failed requests in " + name + ": " + failures);
            }
            return line;
        }
    }

    /**
     * The part of the server's processor time its JIT compiler used between two points, as a percentage ("—" when
     * the system does not tell): a high share means the server was still compiling, so its figures are too slow.
     */
    private static String jitShare(CompilerTime.Snapshot before, CompilerTime.Snapshot after, Duration cpuBefore,
                                   Duration cpuAfter) {
        if (!before.known() || !after.known() || cpuBefore == null || cpuAfter == null
                || cpuAfter.compareTo(cpuBefore) <= 0) {
            return "—";
        }
        return String.format("%.0f %%", 100 * after.secondsSince(before) / (cpuAfter.minus(cpuBefore).toNanos() / 1e9));
    }

    /** A server process's processor time so far, or null when there is none or the system does not tell. */
    private static Duration appCpu(ProcessHandle p) {
        return p == null ? null : p.info().totalCpuDuration().orElse(null);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    private static long count(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from message")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long[] ids(Connection db, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }

    private Benchmark() {
    }
}
