package org.wenzheng.supervision;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wenzheng.dev.EmbeddedPostgres;
import org.wenzheng.testsupport.TestDb;
import org.wenzheng.testsupport.TestMailServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two real Payara Micro processes with the built WAR on the run's test database, their schedulers ticking every
 * second and the deadline scan due every 3 s (the Arquillian instance's ticker is parked at an hour): reminders fall
 * due for 20 new cases, and each case gets exactly one reminder (row and mail) although both instances scan; every
 * scan slot in the scheduler's run log ran once. Then the instance that ran the last scan is killed (SIGKILL, as a
 * crash), left holding the lease for 20 s more as if it died mid-run, and 20 more cases fall due: the other
 * instance waits for that lease to expire, takes over the schedule and reminds them, once each. Real time throughout: no clock moves across processes.
 */
class DeadlineScanTwoInstancesIT {

    // Two instances booting at once on two shared cores take about 3 minutes here.
    private static final Duration BOOT = Duration.ofMinutes(6);
    private static final Duration WORK = Duration.ofMinutes(4);
    private static final int CASES = 20;
    // Same test key as arquillian.xml: without a contact key the application is not ready.
    private static final String CONTACT_KEY = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";

    private static final Map<String, Process> instances = new HashMap<>();
    private static final Map<String, Integer> ports = new HashMap<>();
    private static Path home;
    private static Instant started;
    private static String tag;
    private static long unitId;
    private static String liaisonEmail;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        tag = UUID.randomUUID().toString().substring(0, 8);
        home = Path.of(System.getProperty("wz.test.buildDir", "target"), "two-instances", tag);
        // Only "a" may seed the demo data, so that two first starts on an empty database do not both seed it.
        start("a", true);
        start("b", false);
        for (String name : List.of("a", "b")) {
            awaitReady(name);
        }
        try (Connection db = TestDb.connect()) {
            started = dbNow(db);
            // Whatever earlier tests' moved clocks left in the schedule (a registered row keeps it), the scan is due
            // now and not leased.
            exec(db, "update scheduled_job set next_run_at = now(), lease_owner = null, lease_until = null"
                    + " where name = '" + DeadlineScan.JOB + "'");
        }
    }

    @AfterAll
    static void stopInstances() throws Exception {
        for (Process p : instances.values()) {
            p.destroyForcibly();
        }
        for (Process p : instances.values()) {
            p.waitFor(60, TimeUnit.SECONDS);
        }
        try (Connection db = TestDb.connect()) {
            // A lease left by a killed instance must not hold up the next test class's in-container ticks.
            exec(db, "update scheduled_job set lease_owner = null, lease_until = null where name = '"
                    + DeadlineScan.JOB + "' and lease_owner like 'two-%'");
        }
        if (TestMailServer.greenMail() != null) {
            // The instances sent whatever the shared outbox held; later classes count only their own mail.
            TestMailServer.greenMail().purgeEmailFromAllMailboxes();
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void remindersGoOutOnceAcrossInstancesAndTheSurvivorTakesOver() throws Exception {
        List<Long> first;
        try (Connection db = TestDb.connect()) {
            unitId = createUnitWithLiaison(db);
            first = createCasesDueSoon(db, "first");
        }
        awaitReminded(first);
        assertOnceEach(first);

        // Both instances kept scanning meanwhile; let a few more slots pass to have races to look at.
        long runsBefore;
        try (Connection db = TestDb.connect()) {
            runsBefore = single(db, "select count(*) from scheduled_job_run where job_name = '" + DeadlineScan.JOB
                    + "' and started_at >= ? and owner like 'two-%'", started);
        }
        await("three more scan runs", () -> countRuns("two-%", started) >= runsBefore + 3);
        assertEachSlotRanOnce(started);

        // Kill the instance that ran the last scan, as a crash: no shutdown, maybe a lease left behind.
        String last;
        try (Connection db = TestDb.connect()) {
            last = text(db, "select owner from scheduled_job_run where job_name = '" + DeadlineScan.JOB
                    + "' and owner like 'two-%' order by id desc limit 1");
        }
        String victim = last.startsWith("two-a-") ? "a" : "b";
        String survivor = victim.equals("a") ? "b" : "a";
        instances.get(victim).destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        assertFalse(instances.get(victim).isAlive());
        Instant killed;
        Instant leaseUntil;
        List<Long> second;
        try (Connection db = TestDb.connect()) {
            killed = dbNow(db);
            // As if it died mid-run: the dead instance holds the lease for another 20 s. Taken only while the lease
            // is free, so that the survivor's own run in progress is never cut off.
            await("the lease free to hand to the dead instance", () -> query(c -> {
                try (PreparedStatement ps = c.prepareStatement("update scheduled_job set lease_owner = ?,"
                        + " lease_until = now() + interval '20 seconds' where name = ? and lease_owner is null")) {
                    ps.setString(1, last);
                    ps.setString(2, DeadlineScan.JOB);
                    return ps.executeUpdate() == 1;
                }
            }));
            leaseUntil = Instant.ofEpochMilli(single(db, "select cast(extract(epoch from lease_until) * 1000 as bigint)"
                    + " from scheduled_job where name = '" + DeadlineScan.JOB + "'"));
            second = createCasesDueSoon(db, "second");
        }
        awaitReminded(second);
        assertOnceEach(second);
        try (Connection db = TestDb.connect()) {
            long early = single(db, "select count(*) from case_reminder where reminded_at < ? and case_id in "
                    + inList(second), leaseUntil);
            assertEquals(0, early, "nobody ran the scan while the dead instance's lease was alive");
        }
        await("a scan by the survivor after the kill", () -> countRuns("two-" + survivor + "-%", killed) >= 2);
        assertEquals(0, countRuns("two-" + victim + "-%", killed.plusSeconds(1)),
                "the killed instance ran nothing after it was killed");
        assertEachSlotRanOnce(started);
        // The survivor is still serving, and the first cases were not reminded again by the takeover.
        assertEquals(200, status(survivor));
        assertOnceEach(first);
    }

    // --- set-up ---------------------------------------------------------------------------------------------------

    private static void start(String name, boolean demo) throws IOException {
        int port = EmbeddedPostgres.freePort();
        Path dir = home.resolve(name);
        Files.createDirectories(dir.resolve("tmp"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.io.tmpdir=" + dir.resolve("tmp").toAbsolutePath(),
                "-Ddb.url=" + System.getProperty("wz.test.db.url"),
                "-Ddb.user=" + System.getProperty("wz.test.db.user"),
                "-Ddb.password=" + System.getProperty("wz.test.db.password"),
                "-Dwz.demo.enabled=" + demo,
                "-Dwz.http.secure-cookies=false",
                "-Dwz.crypto.contact-key=" + CONTACT_KEY,
                "-Dwz.cache.public-pages.seconds=0",
                "-Dwz.mail.host=localhost",
                "-Dwz.mail.port=" + System.getProperty("wz.test.smtp.port"),
                "-Dwz.mail.from=wenzheng@test.invalid",
                "-Dwz.mail.pollSeconds=2",
                // The real scheduler, ticking every second, running only the scan, every 3 s, under 1-minute leases.
                "-Dwz.scheduler.tickSeconds=1",
                "-Dwz.scheduler.leaseMinutes=1",
                "-Dwz.scheduler.jobs=" + DeadlineScan.JOB,
                "-Dwz.scheduler.instance=two-" + name,
                "-Dwz.supervision.scanSeconds=3",
                "-jar", Path.of(System.getProperty("payara.microJar")).toAbsolutePath().toString(),
                "--deploy", Path.of(System.getProperty("wz.test.war")).toAbsolutePath().toString(),
                "--contextroot", "/", "--port", String.valueOf(port), "--nocluster",
                "--rootdir", dir.resolve("payara").toAbsolutePath().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("payara.log").toFile()).start();
        instances.put(name, p);
        ports.put(name, port);
    }

    private static void awaitReady(String name) throws InterruptedException {
        long until = System.nanoTime() + BOOT.toNanos();
        while (System.nanoTime() < until) {
            if (!instances.get(name).isAlive()) {
                fail("instance " + name + " stopped while starting; see " + home.resolve(name).resolve("payara.log"));
            }
            if (status(name) == 200) {
                return;
            }
            Thread.sleep(1000);
        }
        fail("instance " + name + " not ready within " + BOOT + "; see " + home.resolve(name).resolve("payara.log"));
    }

    private static int status(String name) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + ports.get(name) + "/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A unit of its own with one liaison (a unique address), so the mail to count is only this test's. */
    private static long createUnitWithLiaison(Connection db) throws SQLException {
        long unit = single(db, "select nextval('unit_seq')");
        exec(db, "insert into unit (id, code, name, created_at) values (" + unit + ", 'TWO" + tag + "', '双实例测试单位"
                + tag + "', now())");
        long person = single(db, "select nextval('person_seq')");
        liaisonEmail = "two-" + tag + "@liaison.test.invalid";
        exec(db, "insert into person (id, username, display_name, email, password_hash, created_at) values ("
                + person + ", 'two" + tag + "', '双实例联系员', '" + liaisonEmail + "', 'x', now())");
        exec(db, "insert into person_role (person_id, role) values (" + person + ", 'LIAISON')");
        exec(db, "insert into person_unit (person_id, unit_id) values (" + person + ", " + unit + ")");
        return unit;
    }

    /** Open, unanswered cases due in an hour: less than a working day left, so their reminder is due at once. */
    private static List<Long> createCasesDueSoon(Connection db, String wave) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement m = db.prepareStatement("insert into message (id, tracking_code, kind, title, body,"
                + " status, posted_at, severity) values (?, ?, 'COMPLAINT', ?, '双实例测试留言。', 'ROUTED',"
                + " now() - interval '2 days', 'ORDINARY')");
             PreparedStatement c = db.prepareStatement("insert into handling_case (id, message_id, unit_id,"
                     + " unit_role, status, routed_at, due_at) values (?, ?, ?, 'LEAD', 'ROUTED', now(),"
                     + " now() + interval '1 hour')")) {
            for (int i = 0; i < CASES; i++) {
                long message = single(db, "select nextval('message_seq')");
                long id = single(db, "select nextval('case_seq')");
                m.setLong(1, message);
                m.setString(2, ("T" + tag + wave.charAt(0) + i).toUpperCase());
                m.setString(3, String.format("双实例催办 %s %s #%02d", wave, tag, i));
                m.executeUpdate();
                c.setLong(1, id);
                c.setLong(2, message);
                c.setLong(3, unitId);
                c.executeUpdate();
                ids.add(id);
            }
        }
        return ids;
    }

    // --- waiting and checking -------------------------------------------------------------------------------------

    /** Until every case has its reminder row, its mail queued, and the mail delivered to the liaison. */
    private static void awaitReminded(List<Long> cases) throws Exception {
        String in = inList(cases);
        await(cases.size() + " reminders recorded and queued", () -> query(db ->
                single(db, "select count(distinct case_id) from case_reminder where case_id in " + in) == cases.size()
                        && single(db, "select count(distinct related_id) from mail_outbox where related_type = 'case'"
                        + " and related_id in " + in) == cases.size()));
        await(cases.size() + " reminder mails delivered", () -> query(db -> single(db, "select count(*) from"
                + " mail_outbox where related_type = 'case' and status = 'SENT' and related_id in " + in)
                >= cases.size()));
    }

    /** Exactly one reminder row, one queued mail and one delivered mail per case and due. */
    private static void assertOnceEach(List<Long> cases) throws Exception {
        String in = inList(cases);
        try (Connection db = TestDb.connect()) {
            assertEquals(cases.size(), single(db, "select count(*) from case_reminder r join handling_case c"
                    + " on c.id = r.case_id and c.due_at = r.due_at where r.case_id in " + in));
            assertEquals(cases.size(), single(db, "select count(*) from mail_outbox where related_type = 'case'"
                    + " and related_id in " + in), "one mail per case in the outbox");
            // Recipients are sealed at rest, so the outbox is matched by the cases (this test's own); the liaison's
            // address is checked on the mails received below.
            assertEquals(0, single(db, "select count(*) from (select related_id from mail_outbox where related_type"
                    + " = 'case' and related_id in " + in + " group by related_id having count(*) > 1) d"));
        }
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage mail : TestMailServer.greenMail().getReceivedMessages()) {
            var to = mail.getRecipients(Message.RecipientType.TO);
            if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(liaisonEmail))) {
                received.merge(subject(mail), 1, Integer::sum);
            }
        }
        try (Connection db = TestDb.connect(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select m.title from handling_case c join message m on m.id = c.message_id"
                     + " where c.id in " + in)) {
            int n = 0;
            while (rs.next()) {
                String title = rs.getString(1);
                long mails = received.entrySet().stream().filter(e -> e.getKey().contains(title))
                        .mapToInt(Map.Entry::getValue).sum();
                assertEquals(1, mails, "exactly one reminder mail received for " + title);
                n++;
            }
            assertEquals(cases.size(), n);
        }
    }

    /**
     * The run log shows each slot (due time) of the scan run to its end once. A run cut short by the kill has no
     * finish and is run again by the survivor once its lease expires (by design: runs are safe to repeat).
     */
    private static void assertEachSlotRanOnce(Instant since) throws Exception {
        try (Connection db = TestDb.connect()) {
            assertEquals(0, single(db, "select count(*) from (select due_at from scheduled_job_run where job_name = '"
                    + DeadlineScan.JOB + "' and started_at >= ? group by due_at having count(finished_at) > 1) d", since),
                    "a scan slot ran twice");
            assertTrue(single(db, "select count(*) from scheduled_job_run where job_name = '" + DeadlineScan.JOB
                    + "' and started_at >= ? and owner like 'two-%'", since) >= 3, "the instances ran the scan");
            assertEquals(0, single(db, "select count(*) from scheduled_job_run where job_name = '" + DeadlineScan.JOB
                    + "' and started_at >= ? and outcome like 'failed%'", since), "no scan failed");
        }
    }

    private static long countRuns(String ownerLike, Instant since) {
        return query(db -> single(db, "select count(*) from scheduled_job_run where job_name = '" + DeadlineScan.JOB
                + "' and owner like ? and started_at >= ? and finished_at is not null", ownerLike, since));
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + WORK.toNanos();
        while (System.nanoTime() < until) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(500);
        }
        fail("not within " + WORK + ": " + what + "; see the logs under " + home);
    }

    // --- JDBC -----------------------------------------------------------------------------------------------------

    private interface DbRead<T> {
        T read(Connection db) throws SQLException;
    }

    private static <T> T query(DbRead<T> read) {
        try (Connection db = TestDb.connect()) {
            return read.read(db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant dbNow(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select now()")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    private static long single(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i] instanceof Instant t ? Timestamp.from(t) : args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), "no row for " + sql);
            return rs.getString(1);
        }
    }

    private static void exec(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private static String inList(List<Long> ids) {
        return "(" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")";
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
