package org.wenzheng.supervision;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.common.AdjustableClock;
import org.wenzheng.common.mail.MailAttachment;
import org.wenzheng.common.mail.MailOutbox;
import org.wenzheng.common.mail.OutgoingMail;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.common.scheduling.JobLeases;
import org.wenzheng.common.scheduling.JobScheduler;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.deadline.DeadlineState;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.handling.Case;
import org.wenzheng.handling.UnitRole;
import org.wenzheng.intake.Severity;
import org.wenzheng.people.PasswordHasher;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;
import org.wenzheng.routing.AsLeader;
import org.wenzheng.routing.AsLiaison;
import org.wenzheng.routing.AsSupervisor;
import org.wenzheng.supervision.SupervisionViews.BoardPage;
import org.wenzheng.supervision.SupervisionViews.BulletinView;
import org.wenzheng.supervision.SupervisionViews.Filter;
import org.wenzheng.supervision.SupervisionViews.LineView;
import org.wenzheng.supervision.SupervisionViews.NoticeView;
import org.wenzheng.testsupport.Deployments;
import org.wenzheng.testsupport.TestApiTokens;
import org.wenzheng.testsupport.TestMailServer;

import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Supervision against real PostgreSQL, moving the application's clock instead of waiting: reminders exactly once per
 * case and due (two ticks, a restart, two scans at once, a changed due), two instances racing for the job's lease,
 * deadline-state transitions with their audit entries, first-response alerts, notice numbering under concurrency,
 * the notice PDF and mail, explanations and role checks, and a bulletin from draft to the public page. Staff act
 * through @RunAs beans (supervisor, leader, and the demo liaison of 城市管理局); over HTTP, people sign in.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionIT {

    static final String UNIT_A = "SVIT-A";
    static final String UNIT_A_NAME = "督办测试甲局";
    static final String LIAISON_A = "svit-a";
    static final String LIAISON_A_MAIL = "liaison-a@svit.test";
    static final String HEAD_A_MAIL = "head-a@svit.test";
    static final String PASSWORD = "supervision-it-password";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application().addClasses(AsLeader.class, AsLiaison.class, AsSupervisor.class)
                .addAsWebInfResource("routing/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsWebInfResource("routing/glassfish-web.xml", "glassfish-web.xml");
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    AdjustableClock clock;

    @Inject
    JobScheduler scheduler;

    @Inject
    JobLeases leases;

    @Inject
    DeadlineScan scan;

    @Inject
    AuditTrail auditTrail;

    @Inject
    SupervisionSettings settings;

    @Inject
    DeadlineService deadlines;

    @Inject
    SupervisionService supervision;

    @Inject
    BulletinService bulletins;

    @Inject
    PublicBulletins publicBulletins;

    @Inject
    MailOutbox outbox;

    @Inject
    PasswordHasher hasher;

    @Inject
    AsSupervisor asSupervisor;

    @Inject
    AsLeader asLeader;

    @Inject
    AsLiaison asLiaison;

    @Resource
    ManagedExecutorService executor;

    @ArquillianResource
    URL base;

    @AfterEach
    void realTime() {
        if (clock != null) { // null on the client side of @RunAsClient tests
            clock.reset();
        }
    }

    @Test
    @Order(1)
    void aReminderGoesOutOnceAtTheLeadTimeAndAgainOnlyForANewDue() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime due = deadlines.calculator().forMessage(now.toInstant()).dueAt();
        Long id = newCase("督办测试催办一次", unitA(), due, null);
        OffsetDateTime remindFrom = deadlines.calculator().dueSoonFrom(due.toInstant()).atOffset(due.getOffset());

        tickNow();
        assertEquals(0, reminders(id), "nowhere near its due");
        clock.advance(Duration.between(now, remindFrom).minusMinutes(2));
        tickNow();
        assertEquals(0, reminders(id), "two minutes before the lead time");
        assertEquals(0, reminderMails(id).size());

        clock.advance(Duration.ofMinutes(3));
        tickNow();
        assertEquals(1, reminders(id));
        List<OutgoingMail> mails = reminderMails(id);
        assertEquals(List.of(LIAISON_A_MAIL), mails.stream().map(OutgoingMail::getRecipient).toList());
        assertEquals("【催办】督办测试催办一次", mails.get(0).getSubject());
        assertTrue(mails.get(0).getBody().contains(SupervisionMail.time(due)), mails.get(0).getBody());

        tickNow();
        assertEquals(1, reminderMails(id).size(), "a second tick sends nothing more");
        // A restart: caches gone, settings and calendar read again, then the next run.
        em.getEntityManagerFactory().getCache().evictAll();
        deadlines.refresh();
        clock.advance(Duration.ofMinutes(5));
        tickNow();
        assertEquals(1, reminderMails(id).size(), "nor does the first run after a restart");

        // The due is recomputed (say a policy change moved it an hour earlier): a new due gets its own reminder.
        tx.begin();
        em.find(Case.class, id).setDueAt(due.minusHours(1));
        tx.commit();
        tickNow();
        assertEquals(2, reminders(id));
        assertEquals(2, reminderMails(id).size());
        tickNow();
        assertEquals(2, reminderMails(id).size());
    }

    @Test
    @Order(2)
    void twoScansAtOnceRemindOnceAndTwoInstancesGetTheLeaseOnce() throws Exception {
        Long id = newCase("督办测试并发扫描", unitA(), OffsetDateTime.now(clock).plusHours(1), null);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DeadlineScan.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(executor.submit(() -> {
                start.await();
                return scan.scan();
            }));
        }
        start.countDown();
        for (Future<DeadlineScan.Result> r : runs) {
            assertNotNull(r.get());
        }
        assertEquals(1, reminders(id));
        assertEquals(1, reminderMails(id).size());

        // Two application instances share one database: each has its own scheduler (owner); one UPDATE decides.
        OffsetDateTime now = OffsetDateTime.now(clock);
        leases.resetForTest(DeadlineScan.JOB, now.minusMinutes(1));
        CountDownLatch race = new CountDownLatch(1);
        List<Future<Optional<OffsetDateTime>>> claims = new ArrayList<>();
        for (String owner : List.of("svit-instance-1", "svit-instance-2")) {
            claims.add(executor.submit(() -> {
                race.await();
                return leases.claim(DeadlineScan.JOB, owner, now, Duration.ofMinutes(10));
            }));
        }
        race.countDown();
        int won = 0;
        for (Future<Optional<OffsetDateTime>> c : claims) {
            won += c.get().isPresent() ? 1 : 0;
        }
        assertEquals(1, won, "only one instance runs the scan");
        long before = runsOf(DeadlineScan.JOB);
        scheduler.tick();
        assertEquals(before, runsOf(DeadlineScan.JOB), "this instance respects the other's live lease");
        leases.resetForTest(DeadlineScan.JOB, now.plusMinutes(1));
    }

    @Test
    @Order(3)
    void deadlineStatesAreRecordedAndBecomingOverdueIsAuditedOnce() throws Exception {
        Long id = newCase("督办测试超期状态", unitA(), OffsetDateTime.now(clock).plusHours(2), null);
        Long second = newCase("督办测试超期状态二", unitA(), OffsetDateTime.now(clock).plusHours(2), null);
        Long third = newCase("督办测试超期状态三", unitA(), OffsetDateTime.now(clock).plusHours(2), null);
        scan.scan();
        assertEquals("DUE_SOON", recordedState(id));
        assertEquals(0, overdueAudits(id, "OVERDUE_UNANSWERED"));

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        scan.scan();
        assertEquals("OVERDUE_UNANSWERED", recordedState(id));
        scan.scan();
        // One entry per case, on the case, written by the scan's one bulk call; none for the same state again.
        for (Long c : List.of(id, second, third)) {
            assertEquals(1, overdueAudits(c, "OVERDUE_UNANSWERED"), "audited once for the transition, not per scan");
            assertEquals(1, auditsOf("case", c, DeadlineScanSteps.OVERDUE_ACTION));
        }
        String after = (String) em.createNativeQuery("select after_state from audit_entry where object_type = 'case'"
                + " and object_id = ?1 and action = ?2").setParameter(1, id)
                .setParameter(2, DeadlineScanSteps.OVERDUE_ACTION).getSingleResult();
        assertTrue(after.contains("\"dueAt\":\""), after);
        String before = (String) em.createNativeQuery("select before_state from audit_entry where object_type = 'case'"
                + " and object_id = ?1 and action = ?2").setParameter(1, id)
                .setParameter(2, DeadlineScanSteps.OVERDUE_ACTION).getSingleResult();
        assertEquals("{\"state\":\"DUE_SOON\"}", before);
        assertTrue(auditTrail.firstBrokenEntry().isEmpty(), "the bulk entries keep the chain intact");

        Long unitId = unitA().getId();
        BoardPage board = asSupervisor.call(() -> supervision.board(
                new Filter(unitId, null, null, DeadlineState.OVERDUE_UNANSWERED), 0, 50));
        assertTrue(board.rows().stream().anyMatch(r -> r.caseId().equals(id)
                && r.state() == DeadlineState.OVERDUE_UNANSWERED && r.stateSince() != null), board.toString());
        assertTrue(board.counts().overdueUnanswered() >= 1);
        assertEquals(board.counts().overdueUnanswered(), board.total());
        // Leaders may read the board; liaisons may not.
        assertTrue(asLeader.call(() -> supervision.counts(Filter.none())).total() >= board.counts().total());
        assertAccessDenied(() -> asLiaison.call(() -> supervision.board(Filter.none(), 0, 10)));
    }

    @Test
    @Order(4)
    void aMajorCaseWithoutAReplyPastItsFirstResponseLimitAlertsTheLeadersOnce() throws Exception {
        // Posted an hour ago; the policy's limit for 重大 (default 2 h) has not passed yet.
        Long id = newCase("督办测试重大舆情", unitA(), OffsetDateTime.now(clock).plusDays(3), Severity.MAJOR);
        scan.scan();
        assertEquals(0, alertMails(id).size(), "within the first-response limit");
        clock.advance(Duration.ofHours(11).plusMinutes(1));
        scan.scan();
        List<OutgoingMail> alerts = alertMails(id);
        assertTrue(alerts.stream().anyMatch(m -> m.getRecipient().equals("leader@demo.wenzheng.invalid")),
                alerts.toString());
        assertEquals("【重大舆情未及时回应】督办测试重大舆情", alerts.get(0).getSubject());
        int sent = alerts.size();
        scan.scan();
        assertEquals(sent, alertMails(id).size());
    }

    @Test
    @Order(5)
    void noticesAreNumberedPerYearEvenWhenIssuedAtOnceAndComeAsAChinesePdf() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long a5 = newCase("督办测试通知单甲", unitA(), now.minusHours(3), null);
        Long c1 = newCase("督办测试通知单城管", cg(), now.minusHours(3), null);
        Long a6 = newCase("督办测试整单位一", unitA(), now.minusDays(2), null);
        Long a7 = newCase("督办测试整单位二", unitA(), now.minusDays(1), null);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<NoticeView>> issued = new ArrayList<>();
        for (Long caseId : List.of(a5, c1)) {
            issued.add(executor.submit(() -> {
                start.await();
                return asSupervisor.call(() -> supervision.issueForCase(caseId));
            }));
        }
        start.countDown();
        NoticeView n5 = issued.get(0).get();
        NoticeView n1 = issued.get(1).get();
        assertEquals(now.getYear(), n5.year());
        assertEquals(1, Math.abs(n5.sequence() - n1.sequence()), "two numbers in a row, never the same");
        assertEquals("〔" + n5.year() + "〕第" + n5.sequence() + "号", n5.number());

        byte[] pdf = asSupervisor.call(() -> supervision.noticePdf(n5.id()));
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(pdf, 4));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("督办通知单"), text);
        assertTrue(text.contains(n5.number()), text);
        assertTrue(text.contains(UNIT_A_NAME), text);
        assertTrue(text.contains("督办测试通知单甲"), text);

        List<String> to = outbox.about("overdue_notice", n5.id()).stream().map(OutgoingMail::getRecipient)
                .sorted().toList();
        assertEquals(List.of(HEAD_A_MAIL, LIAISON_A_MAIL), to);
        for (OutgoingMail m : outbox.about("overdue_notice", n5.id())) {
            assertEquals(List.of(new MailAttachment.Ref("overdue_notice", n5.id())), outbox.attachmentsOf(m.getId()),
                    "the PDF goes as a reference, rendered when sent");
        }
        assertEquals(1, audits(a5, "NOTICE_ISSUED"));

        ActionRefused again = assertThrows(ActionRefused.class,
                () -> asSupervisor.call(() -> supervision.issueForCase(a5)));
        assertEquals("supervision.error.alreadyNoticed", again.key());
        Long notDue = newCase("督办测试未超期", unitA(), now.plusDays(2), null);
        assertEquals("supervision.error.notOverdue", assertThrows(ActionRefused.class,
                () -> asSupervisor.call(() -> supervision.issueForCase(notDue))).key());
        assertAccessDenied(() -> asLeader.call(() -> supervision.issueForCase(notDue)));

        // The whole unit at once: the overdue unanswered cases without an open notice, one notice each.
        Long unitId = unitA().getId();
        List<NoticeView> unit = asSupervisor.call(() -> supervision.issueForUnit(unitId));
        List<Long> cases = unit.stream().map(NoticeView::caseId).toList();
        assertTrue(cases.containsAll(List.of(a6, a7)), cases.toString());
        assertFalse(cases.contains(a5));
        assertEquals(unit.size(), unit.stream().map(NoticeView::sequence).distinct().count());
        assertTrue(outbox.dispatchDue(50) >= 2);
    }

    @Test
    @Order(6)
    void onlyTheUnitsLiaisonExplainsAndTheCaseIsThenExplained() throws Exception {
        NoticeView other = noticeOf("督办测试通知单甲");
        NoticeView own = noticeOf("督办测试通知单城管");
        // The demo liaison belongs to 城市管理局, not to the test unit.
        assertEquals("supervision.error.forbidden", assertThrows(ActionRefused.class,
                () -> asLiaison.call(() -> supervision.explain(other.id(), "不是我们的", null))).key());
        assertEquals("supervision.error.forbidden", assertThrows(ActionRefused.class,
                () -> asLiaison.call(() -> supervision.noticePdf(other.id()))).key());
        assertTrue(asLeader.call(() -> supervision.noticePdf(other.id())).length > 1000);
        assertAccessDenied(() -> supervision.notice(own.id()));

        assertEquals("supervision.error.explanationRequired", assertThrows(ActionRefused.class,
                () -> asLiaison.call(() -> supervision.explain(own.id(), "  ", null))).key());
        NoticeView answered = asLiaison.call(() -> supervision.explain(own.id(), "现场已处置，书面答复正在会签，预计明天提交。",
                own.version()));
        assertEquals(OverdueNotice.AnswerKind.EXPLANATION, answered.answerKind());
        assertNotNull(answered.answeredAt());
        assertNotNull(em.find(Case.class, own.caseId()).getExplainedAt());
        assertEquals("supervision.error.alreadyAnswered", assertThrows(ActionRefused.class,
                () -> asLiaison.call(() -> supervision.explain(own.id(), "再说明一次", null))).key());
        Long cgId = cg().getId();
        BoardPage board = asSupervisor.call(() -> supervision.board(new Filter(cgId, null, null, null), 0, 200));
        assertTrue(board.rows().stream().anyMatch(r -> r.caseId().equals(own.caseId())
                && r.state() == DeadlineState.OVERDUE), "explained, so overdue but no longer unanswered");
        List<NoticeView> onCase = asLiaison.call(() -> supervision.noticesOfCase(own.caseId()));
        assertEquals(List.of(own.id()), onCase.stream().map(NoticeView::id).toList());
        assertEquals(1, audits(own.caseId(), "NOTICE_EXPLAINED"));
    }

    @Test
    @Order(7)
    @RunAsClient
    void thePdfIsAnAttachmentForTheSupervisorAndRefusedToAnotherUnitsLiaisonOnPagesAndApi() throws Exception {
        long noticeId = queryLong("select n.id from overdue_notice n join handling_case c on c.id = n.case_id"
                + " join message m on m.id = c.message_id where m.title = ?", "督办测试通知单城管");
        String page = "office/supervision/notice.pdf?id=" + noticeId;
        String api = "api/v1/supervision/notices/" + noticeId + "/pdf";

        // Pages (signed-in session): the unit's stranger is refused, the supervisor downloads it.
        HttpResponse<byte[]> anonymous = client().send(HttpRequest.newBuilder(uri(page)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(anonymous.uri().getPath().endsWith("login.xhtml"), "to the sign-in page: " + anonymous.uri());
        HttpResponse<byte[]> refused = signIn(LIAISON_A, PASSWORD).send(HttpRequest.newBuilder(uri(page)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(403, refused.statusCode());
        HttpResponse<byte[]> pdf = signIn("supervisor", "wenzheng-demo").send(HttpRequest.newBuilder(uri(page)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals("%PDF", new String(Arrays.copyOf(pdf.body(), 4), StandardCharsets.US_ASCII));

        // The API (staff tokens): the same object check.
        assertEquals(401, client().send(HttpRequest.newBuilder(uri(api)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode());
        String stranger = TestApiTokens.mint(LIAISON_A, "LIAISON");
        assertEquals(403, client().send(HttpRequest.newBuilder(uri(api)).header("Authorization", "Bearer " + stranger)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode());
        String supervisor = TestApiTokens.mint("supervisor", "SUPERVISOR");
        HttpResponse<byte[]> viaApi = client().send(HttpRequest.newBuilder(uri(api))
                .header("Authorization", "Bearer " + supervisor).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, viaApi.statusCode());
        assertTrue(viaApi.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals("%PDF", new String(Arrays.copyOf(viaApi.body(), 4), StandardCharsets.US_ASCII));

        long unitId = queryLong("select id from unit where code = ?", UNIT_A);
        HttpResponse<String> board = client().send(HttpRequest.newBuilder(uri("api/v1/supervision/board?unitId="
                        + unitId + "&state=OVERDUE_UNANSWERED")).header("Accept", "application/json")
                .header("Authorization", "Bearer " + supervisor).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, board.statusCode(), board.body());
        assertTrue(board.body().contains("督办测试整单位一"), board.body());
        HttpResponse<String> badState = client().send(HttpRequest.newBuilder(uri("api/v1/supervision/board?state=LATE"))
                .header("Accept", "application/json").header("Authorization", "Bearer " + supervisor).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badState.statusCode(), badState.body());
        HttpResponse<String> notAnswerable = client().send(HttpRequest.newBuilder(uri("api/v1/supervision/notices/"
                        + noticeId + "/answer")).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Authorization", "Bearer " + stranger)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"不是我们的\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, notAnswerable.statusCode(), notAnswerable.body());

        TestMailServer.greenMail().waitForIncomingEmail(10_000, 2);
        List<MimeMessage> notices = Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                .filter(m -> subject(m).startsWith("【督办通知单】") && subject(m).contains(UNIT_A_NAME)).toList();
        assertTrue(notices.stream().anyMatch(m -> recipient(m).equals(HEAD_A_MAIL)), "the unit head got it");
        assertTrue(notices.stream().anyMatch(m -> recipient(m).equals(LIAISON_A_MAIL)), "the liaison got it");

        // Each notice's PDF is attached (rendered when the mail was sent) and carries the notice's number.
        long year = queryLong("select n.year from overdue_notice n join handling_case c on c.id = n.case_id"
                + " join message m on m.id = c.message_id where m.title = ?", "督办测试通知单甲");
        long number = queryLong("select n.number from overdue_notice n join handling_case c on c.id = n.case_id"
                + " join message m on m.id = c.message_id where m.title = ?", "督办测试通知单甲");
        String numberText = OverdueNotice.numberText((int) year, (int) number);
        MimeMessage toHead = notices.stream().filter(m -> recipient(m).equals(HEAD_A_MAIL)
                && subject(m).contains(numberText)).findFirst().orElseThrow();
        List<jakarta.mail.BodyPart> pdfs = pdfParts(toHead);
        assertEquals(1, pdfs.size());
        assertTrue(pdfs.get(0).getFileName().endsWith("-" + number + ".pdf"), pdfs.get(0).getFileName());
        byte[] attached = pdfs.get(0).getInputStream().readAllBytes();
        try (PDDocument doc = Loader.loadPDF(attached)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(numberText), text);
            assertTrue(text.contains("督办测试通知单甲"), text);
        }
        assertTrue(toHead.getContent() instanceof jakarta.mail.Multipart);
        assertTrue(((String) ((jakarta.mail.Multipart) toHead.getContent()).getBodyPart(0).getContent())
                .contains("见附件"));
        // The whole unit's notices went in one mail, one PDF each.
        MimeMessage many = notices.stream().filter(m -> recipient(m).equals(HEAD_A_MAIL)
                && subject(m).contains("共 ")).findFirst().orElseThrow();
        assertTrue(pdfParts(many).size() >= 2, subject(many));
    }

    private static List<jakarta.mail.BodyPart> pdfParts(MimeMessage m) throws Exception {
        List<jakarta.mail.BodyPart> out = new ArrayList<>();
        if (m.getContent() instanceof jakarta.mail.Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                jakarta.mail.BodyPart p = mp.getBodyPart(i);
                if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())
                        && p.getContentType().toLowerCase().startsWith("application/pdf")) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    @Test
    @Order(8)
    void aBulletinNamesTheLateUnitAndGoesFromDraftThroughTheLeaderToThePublicBoard() throws Exception {
        LocalDate today = LocalDate.now(clock);
        BulletinView draft = asSupervisor.call(() -> bulletins.generate(today.minusDays(7), today.plusDays(7)));
        assertEquals(Bulletin.Status.DRAFT, draft.status());
        LineView a = draft.lines().stream().filter(l -> l.unitName().equals(UNIT_A_NAME)).findFirst().orElseThrow();
        // 甲 (notice, unanswered), 整单位一 and 二: past their dues with neither reply nor explanation.
        assertEquals(3, a.unansweredCount(), draft.toString());
        assertTrue(a.named());
        assertTrue(draft.named().contains(a));
        assertTrue(draft.body().contains(UNIT_A_NAME + "：超期未答复未说明 3 件"), draft.body());
        assertEquals(1, auditsOf("bulletin", draft.id(), "BULLETIN_GENERATED"));

        assertAccessDenied(() -> asSupervisor.call(() -> bulletins.approve(draft.id(), draft.version())));
        BulletinView back = asLeader.call(() -> bulletins.sendBack(draft.id(), "请补充各单位整改要求。", draft.version()));
        assertEquals(Bulletin.Status.SENT_BACK, back.status());
        assertEquals("bulletin.error.state", assertThrows(ActionRefused.class,
                () -> asLeader.call(() -> bulletins.approve(draft.id(), null))).key());
        BulletinView revised = asSupervisor.call(() -> bulletins.revise(draft.id(),
                draft.body() + "\n各被通报单位于三个工作日内报送整改情况。", back.version()));
        assertEquals(Bulletin.Status.DRAFT, revised.status());
        BulletinView approved = asLeader.call(() -> bulletins.approve(draft.id(), revised.version()));
        assertEquals(Bulletin.Status.APPROVED, approved.status());
        assertEquals("bulletin.error.notFound", assertThrows(ActionRefused.class,
                () -> publicBulletins.bulletin(draft.id())).key(), "not public before it is published");

        BulletinView published = asSupervisor.call(() -> bulletins.publish(draft.id(), approved.version()));
        assertEquals(Bulletin.Status.PUBLISHED, published.status());
        assertTrue(publicBulletins.published(100).stream().anyMatch(b -> b.id().equals(draft.id())));
        byte[] pdf = publicBulletins.pdf(draft.id());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(UNIT_A_NAME), text);
            assertTrue(text.contains("报送整改情况"), text);
        }
        for (String action : List.of("BULLETIN_SENT_BACK", "BULLETIN_REVISED", "BULLETIN_APPROVED", "BULLETIN_PUBLISHED")) {
            assertEquals(1, auditsOf("bulletin", draft.id(), action), action);
        }
    }

    @Test
    @Order(9)
    @RunAsClient
    void thePublishedBulletinIsOnThePublicPagesAndApiWithoutSigningIn() throws Exception {
        long id = queryLong("select id from bulletin where status = 'PUBLISHED' and body like ? order by id desc limit 1",
                "%报送整改情况%");
        HttpResponse<String> list = client().send(HttpRequest.newBuilder(uri("api/v1/bulletins"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"id\":" + id), list.body());
        HttpResponse<String> page = client().send(HttpRequest.newBuilder(uri("bulletins/view.xhtml?id=" + id)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(UNIT_A_NAME), page.body());
        HttpResponse<String> missing = client().send(HttpRequest.newBuilder(uri("api/v1/bulletins/999999999"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        JsonObject one = Json.createReader(new StringReader(client().send(HttpRequest.newBuilder(
                uri("api/v1/bulletins/" + id)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body())).readObject();
        assertEquals("PUBLISHED", one.getString("status"));
        HttpResponse<byte[]> pdf = client().send(HttpRequest.newBuilder(uri("bulletins/bulletin.pdf?id=" + id)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(Arrays.copyOf(pdf.body(), 4), StandardCharsets.US_ASCII));
    }

    @Test
    @Order(11)
    void theReminderLeadSetWithThePolicyMovesTheReminderEarlier() throws Exception {
        // Due two working days ahead, at a time of day already passed: not reminded with a lead of one working day,
        // reminded with two (the policy page writes supervision.reminder.lead; the next scan reads it).
        var policy = deadlines.policy();
        var local = OffsetDateTime.now(clock).atZoneSameInstant(policy.zone());
        LocalDate twoAhead = deadlines.calendar().addWorkingDays(local.toLocalDate(), 2);
        java.time.LocalTime at = local.toLocalTime().isBefore(java.time.LocalTime.of(0, 1))
                ? java.time.LocalTime.MIDNIGHT : local.toLocalTime().minusMinutes(1);
        Long id = newCase("督办测试提前催办", unitA(), twoAhead.atTime(at).atZone(policy.zone()).toOffsetDateTime(), null);
        scan.scan();
        assertEquals(0, reminders(id), "a lead of one working day: not yet");
        try {
            setLead("2");
            assertEquals(2, settings.reminderLeadDays());
            scan.scan();
            assertEquals(1, reminders(id), "a lead of two working days: now");
            scan.scan();
            assertEquals(1, reminders(id), "still once");
        } finally {
            setLead("1");
        }
    }

    private void setLead(String days) throws Exception {
        tx.begin();
        em.createNativeQuery("insert into setting (key, value, updated_at, updated_by) values"
                        + " ('supervision.reminder.lead', ?1, now(), 'svit') on conflict (key) do update"
                        + " set value = excluded.value").setParameter(1, days).executeUpdate();
        tx.commit();
    }

    @Test
    @Order(10)
    void aSubmittedReplyAnswersTheNoticeAndTheCaseIsNoLongerUnanswered() throws Exception {
        NoticeView notice = noticeOf("督办测试通知单甲");
        assertFalse(notice.answered());
        tx.begin();
        em.createNativeQuery("insert into reply (id, case_id, revision, body_html, status, updated_at, submitted_at)"
                        + " values (nextval('reply_seq'), ?1, 1, '<p>已修复。</p>', 'SUBMITTED', now(), now())")
                .setParameter(1, notice.caseId()).executeUpdate();
        tx.commit();
        DeadlineScan.Result result = scan.scan();
        assertTrue(result.noticesAnswered() >= 1, result.toString());
        NoticeView answered = noticeOf("督办测试通知单甲");
        assertEquals(OverdueNotice.AnswerKind.REPLY, answered.answerKind());
        assertEquals("OVERDUE", read(() -> recordedState(notice.caseId())));
        assertEquals(1, read(() -> audits(notice.caseId(), "NOTICE_ANSWERED_BY_REPLY")));
        assertEquals(1, read(() -> overdueAudits(notice.caseId(), "OVERDUE")), "answered after its due: overdue, answered");
    }

    // --- in-container helpers ---

    /**
     * Reads in a transaction of the test's own (never from inside an @RunAs call, which has its own): a read outside one leaves a non-transactional EntityManager on the
     * request, which Payara also closes when a managed-executor task started from this request ends, and then fails
     * closing it a second time at the end of the request.
     */
    private <T> T read(java.util.concurrent.Callable<T> work) throws Exception {
        tx.begin();
        try {
            return work.call();
        } finally {
            tx.commit();
        }
    }

    private Unit unitA() throws Exception {
        List<Unit> found = read(() -> em.createQuery("select u from Unit u where u.code = :c", Unit.class)
                .setParameter("c", UNIT_A).getResultList());
        if (!found.isEmpty()) {
            return found.get(0);
        }
        tx.begin();
        Unit u = new Unit(UNIT_A, UNIT_A_NAME, "Supervision Test Bureau A", OffsetDateTime.now());
        u.setHeadEmail(HEAD_A_MAIL);
        em.persist(u);
        Person p = new Person(LIAISON_A, "督办测试联系员", hasher.hash(PASSWORD), OffsetDateTime.now());
        p.getRoles().add(Role.LIAISON);
        p.getUnits().add(u);
        p.setEmail(LIAISON_A_MAIL);
        em.persist(p);
        tx.commit();
        return u;
    }

    private Unit cg() throws Exception {
        return read(() -> em.createQuery("select u from Unit u where u.code = 'CG'", Unit.class).getSingleResult());
    }

    /** A routed message with one lead case due at {@code due}; posted an hour ago (by the application's clock). */
    private Long newCase(String title, Unit unit, OffsetDateTime due, Severity severity) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(clock);
        tx.begin();
        Message m = new Message(TrackingCode.generate(), MessageKind.COMPLAINT, title, title + "，请尽快处理。",
                now.minusHours(1));
        em.persist(m);
        em.flush();
        em.createNativeQuery("update message set status = 'ROUTED', severity = ?1 where id = ?2")
                .setParameter(1, severity == null ? "ORDINARY" : severity.name()).setParameter(2, m.getId())
                .executeUpdate();
        Case c = new Case(m, em.find(Unit.class, unit.getId()), UnitRole.LEAD, "请按时答复。", null, now, due, false);
        em.persist(c);
        tx.commit();
        return c.getId();
    }

    private void tickNow() {
        leases.resetForTest(DeadlineScan.JOB, OffsetDateTime.now(clock).minusSeconds(1));
        scheduler.tick();
    }

    private long reminders(Long caseId) throws Exception {
        return read(() -> ((Number) em.createNativeQuery("select count(*) from case_reminder where case_id = ?1")
                .setParameter(1, caseId).getSingleResult()).longValue());
    }

    private List<OutgoingMail> reminderMails(Long caseId) throws Exception {
        return read(() -> outbox.about("case", caseId).stream().filter(m -> m.getSubject().startsWith("【催办】"))
                .toList());
    }

    private List<OutgoingMail> alertMails(Long caseId) {
        return outbox.about("case", caseId).stream().filter(m -> m.getSubject().contains("舆情未及时回应")).toList();
    }

    private String recordedState(Long caseId) {
        List<?> rows = em.createNativeQuery("select state from case_deadline where case_id = ?1")
                .setParameter(1, caseId).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** The scan's audit entries on the case saying it became {@code state}. */
    private long overdueAudits(Long caseId, String state) {
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where action = ?1"
                        + " and object_type = 'case' and object_id = ?2 and after_state like ?3")
                .setParameter(1, DeadlineScanSteps.OVERDUE_ACTION).setParameter(2, caseId)
                .setParameter(3, "{\"state\":\"" + state + "\",%").getSingleResult()).longValue();
    }

    private long audits(Long caseId, String action) {
        return auditsOf("case", caseId, action);
    }

    private long auditsOf(String type, Long id, String action) {
        return em.createQuery("select count(a) from AuditEntry a where a.objectType = :t and a.objectId = :id"
                        + " and a.action = :a", Long.class)
                .setParameter("t", type).setParameter("id", id).setParameter("a", action).getSingleResult();
    }

    private long runsOf(String job) throws Exception {
        return read(() -> ((Number) em.createNativeQuery("select runs from scheduled_job where name = ?1")
                .setParameter(1, job).getSingleResult()).longValue());
    }

    private NoticeView noticeOf(String title) throws Exception {
        Long id = em.createQuery("select n.id from OverdueNotice n where n.handlingCase.message.title = :t", Long.class)
                .setParameter("t", title).getSingleResult();
        return asSupervisor.call(() -> supervision.notice(id));
    }

    private static void assertAccessDenied(org.junit.jupiter.api.function.Executable call) {
        Throwable t = assertThrows(EJBException.class, call);
        while (t != null && !(t instanceof EJBAccessException)) {
            t = t.getCause();
        }
        assertNotNull(t, "refused with EJBAccessException");
    }

    // --- client helpers ---

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private HttpClient signIn(String username, String password) throws Exception {
        HttpClient c = client();
        HttpResponse<String> page = c.send(HttpRequest.newBuilder(uri("login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher vs = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(page.body());
        assertTrue(vs.find(), "the sign-in form has a view state");
        String form = "signin=signin&signin%3Ausername=" + enc(username) + "&signin%3Apassword=" + enc(password)
                + "&signin%3Asubmit=go&jakarta.faces.ViewState=" + enc(vs.group(1));
        HttpResponse<String> after = c.send(HttpRequest.newBuilder(uri("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(after.body().contains("office-title"), "signed in as " + username);
        return c;
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + "/" + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long queryLong(String sql, Object param) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("wz.test.db.url"),
                System.getProperty("wz.test.db.user"), System.getProperty("wz.test.db.password"));
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getLong(1);
            }
        }
    }
}
