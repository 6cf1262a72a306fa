package org.wenzheng.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenzheng.board.Message;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.common.AdjustableClock;
import org.wenzheng.common.scheduling.JobLeases;
import org.wenzheng.common.scheduling.JobScheduler;
import org.wenzheng.routing.RoutingAdvisor;
import org.wenzheng.routing.Suggestion;
import org.wenzheng.testsupport.Deployments;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily batch job on Payara Micro and real PostgreSQL: only registered messages are gathered, numbering per
 * year, no empty batch, a failed job completed by a restart or by a new run without losing or duplicating a message,
 * the working-day schedule through the persistent scheduler, role checks, and the slip as a PDF with an embedded
 * Chinese font.
 */
@ExtendWith(ArquillianExtension.class)
class DailyBatchIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application()
                .addClasses(AsIntakeOfficer.class, AsSupervisor.class, AsLiaison.class)
                // Who the @RunAs beans run as: the demo users intake, supervisor and liaison.
                .addAsWebInfResource("batch/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsWebInfResource("batch/glassfish-web.xml", "glassfish-web.xml");
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    RoutingAdvisor advisor;

    @Inject
    UserTransaction tx;

    @Inject
    BatchService batches;

    @Inject
    DailyBatchJob job;

    @Inject
    DailyBatchSchedule schedule;

    @Inject
    JobScheduler scheduler;

    @Inject
    JobLeases leases;

    @Inject
    AdjustableClock clock;

    @Inject
    AsIntakeOfficer asIntake;

    @Inject
    AsSupervisor asSupervisor;

    @Inject
    AsLiaison asLiaison;

    @ArquillianResource
    URL base;

    @AfterEach
    void cleanUp() {
        if (clock == null) {
            return; // a client-side test
        }
        clock.reset();
        System.clearProperty(BatchAssignmentWriter.FAIL_AFTER_CHUNKS);
    }

    @Test
    void onlyRegisteredMessagesAreGatheredNumberedConsecutivelyAndNothingNewCutsNoBatch() throws Exception {
        String tag = tag();
        List<Long> registered = insert(tag + "登记", "REGISTERED", 7, null);
        List<Long> notYet = insert(tag + "未审", "SUBMITTED", 2, null);
        List<Long> rejected = insert(tag + "不予受理", "REJECTED", 1, null);

        BatchService.CutResult first = cutAsIntake();
        assertTrue(first.completed());
        BatchSummary b1 = first.batch();
        assertNotNull(b1);
        assertEquals(BatchStatus.SLIPPED, b1.status());
        assertEquals("intake", b1.cutBy());
        assertEquals(Set.of(b1.id()), batchIds(registered));
        assertEquals(b1.messageCount(), countIn(b1.id()));
        assertEquals(IntStream.rangeClosed(1, b1.messageCount()).boxed().collect(Collectors.toSet()),
                new HashSet<>(seqs(b1.id())), "slip numbers 1..n without gaps");
        assertEquals(List.of("BATCHED"), statuses(registered));
        assertTrue(batchIds(notYet).stream().allMatch(java.util.Objects::isNull), "submitted ones wait for intake");
        assertTrue(batchIds(rejected).stream().allMatch(java.util.Objects::isNull), "rejected ones never go");
        assertEquals(List.of("SUBMITTED"), statuses(notYet));
        assertEquals(1L, number("select count(*) from audit_entry where action = 'BATCH_CUT' and object_type = 'batch'"
                + " and object_id = " + b1.id() + " and actor = 'intake'"), "cut is audited with the batch");

        List<Long> more = insert(tag + "再登记", "REGISTERED", 3, null);
        BatchSummary b2 = cutAsIntake().batch();
        assertNotNull(b2);
        assertEquals(b1.year(), b2.year());
        assertEquals(b1.number() + 1, b2.number(), "numbers are consecutive within the year");
        assertEquals(Set.of(b2.id()), batchIds(more));
        assertEquals(Set.of(b1.id()), batchIds(registered), "earlier messages stay in their batch");

        long before = number("select count(*) from batch");
        BatchService.CutResult nothing = cutAsIntake();
        assertTrue(nothing.completed());
        assertTrue(nothing.nothingToGather());
        assertEquals(before, number("select count(*) from batch"), "no empty batch");
        assertEquals(b2.id(), asSupervisor.call(() -> batches.latest(1)).get(0).id(), "newest first");
    }

    @Test
    void aRestartAfterAFailureMidJobLosesAndDuplicatesNothing() throws Exception {
        cutAsIntake(); // whatever else waits goes first, so this test's messages fill the chunks
        List<Long> mine = insert(tag() + "重启", "REGISTERED", 12, null);
        long batchesBefore = number("select count(*) from batch");

        JobOperator operator = BatchRuntime.getJobOperator();
        Properties params = job.parameters("tester", "INTAKE_OFFICER");
        params.setProperty("chunkSize", "5");
        System.setProperty(BatchAssignmentWriter.FAIL_AFTER_CHUNKS, "1");
        DailyBatchJob.Outcome failed = job.await(operator.start(DailyBatchJob.JOB, params));
        assertEquals(jakarta.batch.runtime.BatchStatus.FAILED, failed.status());

        long openId = number("select id from batch where status = 'OPEN'");
        assertEquals(5, countIn(openId), "the first chunk committed");
        assertEquals(7, mine.stream().filter(id -> batchIdOf(id) == null).count(), "the rest still waits");

        DailyBatchJob.Outcome restarted = job.await(operator.restart(failed.executionId(), params));
        assertEquals(jakarta.batch.runtime.BatchStatus.COMPLETED, restarted.status(), restarted.exitStatus());
        assertEquals(openId, restarted.batchId(), "the restart completed the same batch");
        assertEquals(Set.of(openId), batchIds(mine));
        assertEquals(IntStream.rangeClosed(1, 12).boxed().toList(), seqs(openId), "each message once, in order");
        assertEquals(batchesBefore + 1, number("select count(*) from batch"), "no second batch was cut");
        assertEquals(1L, number("select count(*) from audit_entry where action = 'BATCH_CUT' and object_id = " + openId));
        BatchSummary done = asSupervisor.call(() -> batches.find(openId)).orElseThrow();
        assertEquals(BatchStatus.SLIPPED, done.status());
        assertEquals(12, done.messageCount());
    }

    @Test
    void aNewRunCompletesTheBatchAFailedRunLeftOpen() throws Exception {
        cutAsIntake();
        List<Long> mine = insert(tag() + "续跑", "REGISTERED", 12, null);
        Properties params = job.parameters("tester", "INTAKE_OFFICER");
        params.setProperty("chunkSize", "5");
        System.setProperty(BatchAssignmentWriter.FAIL_AFTER_CHUNKS, "2");
        DailyBatchJob.Outcome failed = job.await(BatchRuntime.getJobOperator().start(DailyBatchJob.JOB, params));
        assertEquals(jakarta.batch.runtime.BatchStatus.FAILED, failed.status());
        long openId = number("select id from batch where status = 'OPEN'");
        assertEquals(10, countIn(openId));

        // As after a server restart that lost the job repository: a fresh execution, not a restart.
        BatchService.CutResult completed = cutAsIntake();
        assertEquals(openId, completed.batch().id());
        assertEquals(12, completed.batch().messageCount());
        assertEquals(IntStream.rangeClosed(1, 12).boxed().toList(), seqs(openId));
        assertEquals(Set.of(openId), batchIds(mine));
    }

    @Test
    void theScheduleCutsAtTheNextWorkingDaysCutTime() throws Exception {
        List<Long> mine = insert(tag() + "定时", "REGISTERED", 3, null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime due = schedule.nextRunAfter(now);
        assertEquals(16, due.atZoneSameInstant(org.wenzheng.common.ClockProducer.ZONE).getHour());
        leases.register(DailyBatchJob.JOB, due);
        leases.resetForTest(DailyBatchJob.JOB, due);

        scheduler.tick();
        assertTrue(batchIds(mine).stream().allMatch(java.util.Objects::isNull), "not before the cut time");

        clock.advance(Duration.between(now, due).plusMinutes(1));
        scheduler.tick();
        Set<Long> in = batchIds(mine);
        assertEquals(1, in.size());
        long batchId = in.iterator().next();
        assertEquals("system", asSupervisor.call(() -> batches.find(batchId)).orElseThrow().cutBy());
        Object next = em.createNativeQuery("select next_run_at > ?1 from scheduled_job where name = ?2")
                .setParameter(1, OffsetDateTime.now(clock)).setParameter(2, DailyBatchJob.JOB).getSingleResult();
        assertEquals(Boolean.TRUE, next, "next run is the next working day's cut");
    }

    @Test
    void onlyIntakeOfficersAndLeadersCutAndStaffWithoutTheRoleSeeNothing() throws Exception {
        assertAccessRefused(() -> batches.startNow());
        assertAccessRefused(() -> batches.latest(5));
        assertAccessRefused(() -> asLiaison.call(() -> batches.latest(5)));
        assertAccessRefused(() -> asSupervisor.call(() -> batches.startNow()));
        List<BatchSummary> seen = asSupervisor.call(() -> batches.latest(5));
        assertEquals(Math.min(5, number("select count(*) from batch")), seen.size(), "a supervisor may read them");
    }

    @Test
    @RunAsClient
    void theApiRefusesAnAnonymousCallerWithJson() throws Exception {
        // BatchAccessMapper: 401 anonymous, 403 wrong role (checked with a liaison's session in BatchUiIT).
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/batches"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, post.statusCode(), post.body());
        assertTrue(post.body().contains("\"unauthenticated\""), post.body());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/batches/1/slip.pdf"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, get.statusCode(), get.body());
    }

    @Test
    void theSlipIsAPrintablePdfWithTheChineseFontEmbedded() throws Exception {
        String tag = tag();
        long cg = number("select id from unit where code = 'CG'");
        List<Long> mine = new ArrayList<>(insert(tag + "小区门口停车收费太贵", "REGISTERED", 1, cg));
        mine.addAll(insert(tag + "夜间施工噪音扰民", "REGISTERED", 1, null));
        BatchSummary b = cutAsIntake().batch();
        assertNotNull(b);

        Slip slip = asIntake.call(() -> batches.slip(b.id(), 5000)).orElseThrow();
        SlipLine parking = slip.lines().stream().filter(l -> l.messageId() == mine.get(0)).findFirst().orElseThrow();
        assertNotNull(parking.dueAt());
        SlipLine noise = slip.lines().stream().filter(l -> l.messageId() == mine.get(1)).findFirst().orElseThrow();
        assertEquals(parking.seq() + 1, noise.seq());
        // The slip shows the routing suggestion stored while gathering: what the advisor says (a rule, similar routed
        // messages other tests left, or else the citizen's choice: 城市管理局 for one, 待定 for the other).
        for (SlipLine line : List.of(parking, noise)) {
            Message m = em.find(Message.class, line.messageId());
            Optional<Suggestion> expected = advisor.suggest(m);
            assertEquals(expected.map(Suggestion::unitName).orElse(null), line.suggestedUnit(), m.getTitle());
            assertEquals(expected.map(s -> s.why().name()).orElse(null), line.suggestionWhy(), m.getTitle());
            assertEquals(expected.map(s -> s.why().name()).orElse("NONE"), storedWhy(line.messageId()),
                    "stored when gathered");
        }

        byte[] bytes = asSupervisor.call(() -> batches.slipPdf(b.id())).orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("网络舆情抄告单"), text);
            assertTrue(text.contains(b.label()), text);
            assertTrue(text.contains(tag + "小区门口停车收费太贵"), text);
            assertTrue(text.contains(tag + "夜间施工噪音扰民"), text);
            assertTrue(text.contains(parking.suggestedUnit() == null ? "待定" : parking.suggestedUnit()), text);
            assertTrue(text.contains(noise.suggestedUnit() == null ? "待定" : noise.suggestedUnit()), text);
            assertTrue(text.contains("批办意见"));
            assertTrue(text.contains("第 1 页 共 " + pdf.getNumberOfPages() + " 页"), text);
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
        }
    }

    @Test
    void sixtyThousandRegisteredMessagesAreGatheredAndSlippedInUnder30Seconds() throws Exception {
        cutAsIntake();
        String tag = tag();
        tx.begin();
        em.createNativeQuery("""
                insert into message (id, tracking_code, kind, title, body, status, posted_at, registered_at)
                select nextval('message_seq'), upper(substr(md5(random()::text || g), 1, 12)), 'COMPLAINT', ?1 || g,
                       '内容' || g, 'REGISTERED', now() - interval '3 hours', now()
                from generate_series(1, 60000) g""").setParameter(1, tag + "大批量").executeUpdate();
        tx.commit();
        long started = System.nanoTime();
        BatchService.CutResult result = cutAsIntake();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(60_000, result.batch().messageCount());
        assertEquals(BatchStatus.SLIPPED, result.batch().status());
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
        assertEquals(60_000L, number("select count(distinct batch_seq) from message where batch_id = "
                + result.batch().id()));
        assertEquals(60_000L, number("select count(*) from routing_suggestion s join message m"
                + " on m.id = s.message_id where m.batch_id = " + result.batch().id()), "every suggestion stored");
    }

    private BatchService.CutResult cutAsIntake() throws Exception {
        return asIntake.call(() -> batches.startNow());
    }

    private static void assertAccessRefused(org.junit.jupiter.api.function.Executable call) {
        Throwable t = assertThrows(Exception.class, call);
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof EJBAccessException) {
                return;
            }
        }
        throw new AssertionError("expected EJBAccessException, got " + t, t);
    }

    private String storedWhy(long messageId) {
        return (String) em.createNativeQuery("select why from routing_suggestion where message_id = ?1")
                .setParameter(1, messageId).getSingleResult();
    }

    private static String tag() {
        return "批次测试" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "：";
    }

    /** Inserts messages with plain SQL, as intake's registration will leave them. */
    private List<Long> insert(String title, String status, int n, Long unitId) throws Exception {
        List<Long> ids = new ArrayList<>();
        tx.begin();
        for (int i = 0; i < n; i++) {
            Number id = (Number) em.createNativeQuery("""
                            insert into message (id, tracking_code, kind, title, body, status, posted_at, registered_at,
                                                 target_unit_id)
                            values (nextval('message_seq'), ?1, 'COMPLAINT', ?2, ?3, ?4, now() - interval '1 hour',
                                    case when ?4 = 'SUBMITTED' then null else now() end, cast(?5 as bigint))
                            returning id""")
                    .setParameter(1, TrackingCode.generate())
                    .setParameter(2, n == 1 ? title : title + (i + 1))
                    .setParameter(3, "具体情况：" + title + "，请尽快处理。")
                    .setParameter(4, status)
                    .setParameter(5, unitId)
                    .getSingleResult();
            ids.add(id.longValue());
        }
        tx.commit();
        return ids;
    }

    private Long batchIdOf(long messageId) {
        Object v = em.createNativeQuery("select batch_id from message where id = ?1").setParameter(1, messageId)
                .getSingleResult();
        return v == null ? null : ((Number) v).longValue();
    }

    private Set<Long> batchIds(List<Long> ids) {
        Set<Long> result = new HashSet<>();
        ids.forEach(id -> result.add(batchIdOf(id)));
        return result;
    }

    private List<String> statuses(List<Long> ids) {
        return ids.stream().map(id -> (String) em.createNativeQuery("select status from message where id = ?1")
                .setParameter(1, id).getSingleResult()).distinct().toList();
    }

    private int countIn(long batchId) {
        return (int) number("select count(*) from message where batch_id = " + batchId);
    }

    private List<Integer> seqs(long batchId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select batch_seq from message where batch_id = ?1 order by batch_seq")
                .setParameter(1, batchId).getResultList();
        return rows.stream().map(Number::intValue).toList();
    }

    private long number(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
