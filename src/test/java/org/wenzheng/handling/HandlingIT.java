package org.wenzheng.handling;

import org.wenzheng.common.ActionRefused;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenzheng.batch.Batch;
import org.wenzheng.batch.BatchStatus;
import org.wenzheng.board.BoardService;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.board.PublicThread;
import org.wenzheng.board.Rating;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.board.posting.PostingService;
import org.wenzheng.board.posting.TrackingView;
import org.wenzheng.board.posting.Upload;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.common.mail.MailOutbox;
import org.wenzheng.common.mail.OutgoingMail;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.deadline.DeadlineState;
import org.wenzheng.deadline.DueDate;
import org.wenzheng.handling.HandlingViews.Done;
import org.wenzheng.handling.HandlingViews.ExtensionView;
import org.wenzheng.handling.HandlingViews.InboxRow;
import org.wenzheng.handling.HandlingViews.Saved;
import org.wenzheng.handling.HandlingViews.Workspace;
import org.wenzheng.people.PasswordHasher;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;
import org.wenzheng.routing.RoutingService;
import org.wenzheng.routing.RoutingViews.RouteCommand;
import org.wenzheng.routing.RoutingViews.RouteResult;
import org.wenzheng.testsupport.Deployments;
import org.wenzheng.testsupport.TestApiTokens;
import org.wenzheng.testsupport.TestDb;
import org.wenzheng.testsupport.TestMailServer;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Handling against real PostgreSQL, every transition with its role check: the liaison's inbox, a wrong-unit liaison
 * refused, two liaisons saving one draft (the second refused with the first's text), files checked by content, a
 * co-unit's contribution, an extension refused past the cap and one granted (due date moved, the citizen sees why),
 * submission, send-back with mail, approval only by a leader with the 答非所问 warnings, manual publication by the
 * intake officer (thread, message status, citizen's mail delivered to GreenMail), a correction superseding the
 * published reply, an unsatisfied rating reopening the case with a new due date, and the JSON API with staff tokens. Steps depend on each other,
 * hence the order; people act through @RunAs beans.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandlingIT {

    static final String TITLE = "办理测试：青石巷路灯连续一周不亮 " + System.nanoTime();
    static final String BODY = "青石巷路灯已经连续一周不亮，晚上行人摔倒过好几次，请尽快修复路灯。";
    static final String CITIZEN = "citizen-handlingit@handling.test";
    static final String LIAISON_A1_MAIL = "hit-a1@handling.test";

    static Long messageId;
    static Long leadCaseId;
    static Long coCaseId;

    @Deployment
    static WebArchive deployment() {
        return Deployments.application()
                .addClasses(AsLeader.class, AsLiaisonA.class, AsLiaisonA2.class, AsLiaisonB.class, AsIntake.class)
                .addAsWebInfResource("handling/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsWebInfResource("handling/glassfish-web.xml", "glassfish-web.xml");
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    HandlingService handling;

    @Inject
    RoutingService routing;

    @Inject
    BoardService board;

    @Inject
    PostingService posting;

    @Inject
    MailOutbox outbox;

    @Inject
    DeadlineService deadlines;

    @Inject
    SearchTokenizer tokenizer;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    AsLeader asLeader;

    @Inject
    AsLiaisonA a1;

    @Inject
    AsLiaisonA2 a2;

    @Inject
    AsLiaisonB b;

    @Inject
    AsIntake asIntake;

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void aLeaderRoutesTheMessageToLeadUnitAAndCoUnitB() throws Exception {
        tx.begin();
        Unit unitA = unit("HIT-A", "办理测试甲局");
        Unit unitB = unit("HIT-B", "办理测试乙局");
        liaison("handlingit-a1", unitA, LIAISON_A1_MAIL);
        liaison("handlingit-a2", unitA, null);
        liaison("handlingit-b", unitB, "hit-b@handling.test");
        Batch batch = new Batch(1981, (int) Math.floorMod(System.nanoTime(), 1_000_000L), OffsetDateTime.now(clock));
        batch.setStatus(BatchStatus.SLIPPED);
        em.persist(batch);
        Message m = new Message(TrackingCode.generate(), MessageKind.COMPLAINT, TITLE, BODY,
                OffsetDateTime.now(clock).minusMinutes(30));
        m.setContactEmail(CITIZEN);
        m.setSearchText(tokenizer.indexText(TITLE, BODY));
        em.persist(m);
        em.flush();
        em.createNativeQuery("update message set status = 'BATCHED', batch_id = ?1, public_visible = true"
                + " where id = ?2").setParameter(1, batch.getId()).setParameter(2, m.getId()).executeUpdate();
        tx.commit();
        messageId = m.getId();

        Message batched = message();
        RouteResult r = asLeader.call(() -> routing.route(messageId, new RouteCommand("请甲局牵头、乙局协办，核实后答复。",
                unitId("HIT-A"), List.of(unitId("HIT-B")), false, batched.getVersion())));
        leadCaseId = r.caseIds().get(0);
        coCaseId = r.caseIds().get(1);
    }

    @Test
    @Order(2)
    void eachLiaisonSeesOnlyTheirUnitsCasesAndAWrongUnitLiaisonIsRefused() throws Exception {
        List<InboxRow> inboxA = a1.call(() -> handling.inbox(null));
        InboxRow row = inboxA.stream().filter(x -> x.caseId().equals(leadCaseId)).findFirst().orElseThrow();
        assertEquals(TITLE, row.title());
        assertEquals(UnitRole.LEAD, row.unitRole());
        assertEquals(DeadlineState.ON_TIME, row.state());
        assertTrue(inboxA.stream().noneMatch(x -> x.caseId().equals(coCaseId)));
        assertTrue(a1.call(() -> handling.inbox(DeadlineState.OVERDUE)).stream()
                .noneMatch(x -> x.caseId().equals(leadCaseId)), "the filter by state");
        assertTrue(b.call(() -> handling.inbox(null)).stream().anyMatch(x -> x.caseId().equals(coCaseId)));

        assertRefused(ActionRefused.Kind.FORBIDDEN, () -> b.call(() -> handling.workspace(leadCaseId)));
        assertRefused(ActionRefused.Kind.FORBIDDEN,
                () -> b.call(() -> handling.saveDraft(leadCaseId, "<p>乙局越权</p>", null, false)));
        assertRefused(ActionRefused.Kind.FORBIDDEN,
                () -> b.call(() -> handling.requestExtension(leadCaseId, 1, "越权")));
        assertAccessDenied(() -> asIntake.call(() -> handling.saveDraft(leadCaseId, "<p>x</p>", null, false)));
        assertAccessDenied(() -> handling.inbox(null));

        Workspace w = a1.call(() -> handling.workspace(leadCaseId));
        assertTrue(w.may().draft());
        assertFalse(w.may().review());
        assertNotNull(w.detail().dueExplanationZh());
    }

    @Test
    @Order(3)
    void aSecondLiaisonSavingTheSameDraftIsRefusedWithTheOthersText() throws Exception {
        Saved first = a1.call(() -> handling.saveDraft(leadCaseId,
                "<p onclick=\"x()\">经核查，青石巷路灯线路老化。<script>alert(1)</script></p>", null, false));
        assertTrue(first.changed());
        assertEquals("<p>经核查，青石巷路灯线路老化。</p>", reply(first.replyId()).getBodyHtml(), "sanitised");
        assertEquals(CaseStatus.DRAFTING, leadCase().getStatus());
        assertEquals(MessageStatus.HANDLING, message().getStatus());

        // A2 opened the empty editor before A1's save: refused, told what A1 wrote, nothing overwritten.
        ActionRefused conflict = assertRefused(ActionRefused.Kind.CONFLICT,
                () -> a2.call(() -> handling.saveDraft(leadCaseId, "<p>乙的版本</p>", null, false)));
        assertEquals("handling.error.draftChanged", conflict.key());
        assertEquals("经核查，青石巷路灯线路老化。", conflict.args()[2]);
        assertEquals("<p>经核查，青石巷路灯线路老化。</p>", reply(first.replyId()).getBodyHtml());

        Saved second = a2.call(() -> handling.saveDraft(leadCaseId,
                "<p>经核查，青石巷路灯线路老化，已更换电缆，路灯恢复照明。联系人 13912345678。</p>", first.version(), false));
        assertTrue(second.version() > first.version());
        ActionRefused stale = assertRefused(ActionRefused.Kind.CONFLICT,
                () -> a1.call(() -> handling.saveDraft(leadCaseId, "<p>甲的旧稿</p>", first.version(), true)));
        assertTrue(String.valueOf(stale.args()[2]).contains("已更换电缆"), String.valueOf(stale.args()[2]));

        Workspace w = a1.call(() -> handling.workspace(leadCaseId));
        assertEquals(2, w.versions().size(), "both saves kept");
        assertEquals(second.version(), w.reply().version());
    }

    @Test
    @Order(4)
    void filesAreCheckedByTheirContent() throws Exception {
        Long version = a1.call(() -> handling.workspace(leadCaseId)).reply().version();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        HandlingViews.FileInfo f = a1.call(() -> handling.attach(leadCaseId, new Upload("现场.png", png.length, png),
                version));
        assertEquals("image/png", f.contentType());
        assertEquals("现场.png", f.fileName());
        byte[] html = "<html><script>alert(1)</script></html>".getBytes();
        ActionRefused refused = assertRefused(ActionRefused.Kind.INVALID, () -> a1.call(() ->
                handling.attach(leadCaseId, new Upload("假图片.png", html.length, html), version)));
        assertEquals("handling.error.fileType", refused.key());
        assertEquals(List.of("现场.png"), a1.call(() -> handling.workspace(leadCaseId)).replyFiles().stream()
                .map(HandlingViews.FileInfo::fileName).toList());
        assertTrue(java.nio.file.Files.isRegularFile(a1.call(() -> handling.file(leadCaseId, f.id())).path()));
        assertRefused(ActionRefused.Kind.FORBIDDEN, () -> b.call(() -> handling.file(leadCaseId, f.id())));
    }

    @Test
    @Order(5)
    void theCoUnitContributesAndTheLeadUnitSeesIt() throws Exception {
        assertRefused(ActionRefused.Kind.WRONG_STATE, () -> b.call(() -> handling.submit(coCaseId, 0L)));
        Done done = b.call(() -> handling.contribute(coCaseId, "<p>乙局已协助排查青石巷电缆。</p>", null));
        assertEquals(CaseStatus.UNDER_REVIEW, done.caseStatus());
        assertRefused(ActionRefused.Kind.WRONG_STATE,
                () -> a1.call(() -> handling.contribute(leadCaseId, "<p>x</p>", null)));
        Workspace lead = a1.call(() -> handling.workspace(leadCaseId));
        assertEquals(1, lead.contributions().size());
        assertEquals("办理测试乙局", lead.contributions().get(0).unitName());
        assertEquals("<p>乙局已协助排查青石巷电缆。</p>", lead.contributions().get(0).bodyHtml());
    }

    @Test
    @Order(6)
    void anExtensionPastTheCapIsRefusedAndAGrantedOneMovesTheDueDate() throws Exception {
        Case before = leadCase();
        DueDate cap = deadlines.calculator().cap(before.getMessage().getPostedAt().toInstant());
        ActionRefused capped = assertRefused(ActionRefused.Kind.INVALID,
                () -> a1.call(() -> handling.requestExtension(leadCaseId, 10, "需要协调供电公司")));
        assertEquals("handling.error.extensionCap", capped.key());
        assertEquals(cap.dueAt().atZoneSameInstant(cap.zone()).toLocalDateTime().toString().replace('T', ' '),
                capped.args()[0]);

        ExtensionView asked = a1.call(() -> handling.requestExtension(leadCaseId, 1, "需要协调供电公司更换电缆"));
        assertTrue(asked.isPending());
        assertRefused(ActionRefused.Kind.WRONG_STATE,
                () -> a2.call(() -> handling.requestExtension(leadCaseId, 1, "再申请")));
        assertAccessDenied(() -> a1.call(() -> handling.decideExtension(asked.id(), true, null)));
        assertTrue(asLeader.call(() -> handling.pendingExtensions()).stream().anyMatch(e -> e.id().equals(asked.id())));
        assertRefused(ActionRefused.Kind.INVALID, () -> asLeader.call(() -> handling.decideExtension(asked.id(), false, " ")));

        ExtensionView granted = asLeader.call(() -> handling.decideExtension(asked.id(), true, "同意"));
        assertEquals(ExtensionRequest.Decision.GRANTED, granted.decision());
        DueDate expected = deadlines.calculator().extendBy(before.getMessage().getPostedAt().toInstant(),
                before.getDueAt().toInstant(), 1);
        Case after = leadCase();
        assertEquals(1, after.getExtensionDays());
        assertEquals(expected.due(), after.getDueAt().toInstant());
        assertTrue(after.getDueAt().isAfter(before.getDueAt()));
        assertEquals(expected.due(), message().getDueAt().toInstant(), "the message's due follows the lead case");
        assertEquals(1, outbox.about("case", leadCaseId).stream()
                .filter(o -> o.getSubject().startsWith("【延期已同意】")).count());

        TrackingView seen = posting.track(message().getTrackingCode(), "handlingit-client");
        assertEquals(expected.due(), seen.dueAt().toInstant());
        assertEquals("需要协调供电公司更换电缆", seen.extensionReason());
    }

    @Test
    @Order(7)
    void submittedRepliesAreSentBackWithACommentAndOnlyLeadersReview() throws Exception {
        Long version = a1.call(() -> handling.workspace(leadCaseId)).reply().version();
        Done submitted = a1.call(() -> handling.submit(leadCaseId, version));
        assertEquals(CaseStatus.UNDER_REVIEW, submitted.caseStatus());
        assertRefused(ActionRefused.Kind.WRONG_STATE,
                () -> a1.call(() -> handling.saveDraft(leadCaseId, "<p>改</p>", submitted.replyVersion(), false)));
        assertTrue(asLeader.call(() -> handling.reviewQueue()).stream().anyMatch(r -> r.caseId().equals(leadCaseId)));

        Workspace review = asLeader.call(() -> handling.workspace(leadCaseId));
        assertTrue(review.may().review());
        assertEquals(List.of(ReplyCheck.Warning.MOBILE_NUMBER), review.warnings(), "the phone number is flagged");

        assertAccessDenied(() -> a1.call(() -> handling.approve(leadCaseId, submitted.replyVersion(), null)));
        assertAccessDenied(() -> asIntake.call(() -> handling.approve(leadCaseId, submitted.replyVersion(), null)));
        assertAccessDenied(() -> a1.call(() -> handling.reviewQueue()));
        assertRefused(ActionRefused.Kind.INVALID,
                () -> asLeader.call(() -> handling.sendBack(leadCaseId, submitted.replyVersion(), "")));
        Done back = asLeader.call(() -> handling.sendBack(leadCaseId, submitted.replyVersion(), "请删去联系人手机号。"));
        assertEquals(CaseStatus.DRAFTING, back.caseStatus());
        assertEquals(ReplyStatus.SENT_BACK, back.replyStatus());
        OutgoingMail mail = outbox.about("case", leadCaseId).stream()
                .filter(o -> o.getSubject().startsWith("【答复退回修改】")).findFirst().orElseThrow();
        assertEquals(LIAISON_A1_MAIL, mail.getRecipient());
        assertTrue(mail.getBody().contains("请删去联系人手机号。"));

        Workspace again = a1.call(() -> handling.workspace(leadCaseId));
        assertEquals("请删去联系人手机号。", again.reply().reviewComment());
        Saved fixed = a1.call(() -> handling.saveDraft(leadCaseId,
                "<p>经核查，青石巷路灯线路老化，已更换电缆，路灯恢复照明。</p>", again.reply().version(), false));
        a1.call(() -> handling.submit(leadCaseId, fixed.version()));
        assertEquals(List.of(), asLeader.call(() -> handling.workspace(leadCaseId)).warnings());
    }

    @Test
    @Order(8)
    void withManualPublicationTheIntakeOfficerPublishesAndTheCitizenIsMailed() throws Exception {
        setting("manual");
        try {
            Workspace w = asLeader.call(() -> handling.workspace(leadCaseId));
            Done approved = asLeader.call(() -> handling.approve(leadCaseId, w.reply().version(), "同意发布"));
            assertEquals(CaseStatus.APPROVED, approved.caseStatus());
            assertTrue(board.thread(messageId).orElseThrow().replies().isEmpty(), "not yet on the thread");
            assertTrue(asIntake.call(() -> handling.readyToPublish()).stream()
                    .anyMatch(p -> p.replyId().equals(approved.replyId())));
            assertAccessDenied(() -> a1.call(() -> handling.publish(approved.replyId())));
            assertAccessDenied(() -> asLeader.call(() -> handling.publish(approved.replyId())));

            Done published = asIntake.call(() -> handling.publish(approved.replyId()));
            assertEquals(CaseStatus.PUBLISHED, published.caseStatus());
            assertRefused(ActionRefused.Kind.WRONG_STATE,
                    () -> asIntake.call(() -> handling.publish(approved.replyId())));
        } finally {
            setting(null);
        }
        PublicThread thread = board.thread(messageId).orElseThrow();
        assertEquals(1, thread.replies().size());
        assertEquals("<p>经核查，青石巷路灯线路老化，已更换电缆，路灯恢复照明。</p>", thread.replies().get(0).bodyHtml());
        assertEquals("办理测试甲局", thread.replies().get(0).unitName());
        assertFalse(thread.replies().get(0).corrected());
        Message m = message();
        assertEquals(MessageStatus.REPLIED, m.getStatus());
        assertNotNull(m.getRepliedAt());
        em.clear();
        assertEquals(CaseStatus.PUBLISHED, em.find(Case.class, coCaseId).getStatus(), "the co-unit's part ends too");

        Long replyId = thread.replies().get(0).id();
        List<OutgoingMail> citizen = outbox.about("reply", replyId);
        assertEquals(List.of(CITIZEN), citizen.stream().map(OutgoingMail::getRecipient).toList());
        assertTrue(citizen.get(0).getBody().contains("/track/index.xhtml?code="
                + TrackingCode.display(m.getTrackingCode())), citizen.get(0).getBody());
        assertTrue(outbox.dispatchDue(50) >= 2);
        Workspace after = a1.call(() -> handling.workspace(leadCaseId));
        assertTrue(after.mails().stream().anyMatch(x -> x.recipient().equals("c***@handling.test")
                && x.status().equals("SENT")), after.mails().toString());
    }

    @Test
    @Order(9)
    @RunAsClient
    void theCitizensMailArrived() throws Exception {
        TestMailServer.greenMail().waitForIncomingEmail(10_000, 1);
        List<MimeMessage> mails = Arrays.stream(TestMailServer.greenMail().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(CITIZEN);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getSubject().startsWith("您的留言《办理测试：青石巷路灯连续一周不亮"), mails.get(0).getSubject());
        assertTrue(((String) mails.get(0).getContent()).contains("/track/index.xhtml?code="));
        assertTrue(Arrays.stream(TestMailServer.greenMail().getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(LIAISON_A1_MAIL)
                        && m.getSubject().startsWith("【答复退回修改】");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }), "the send-back mail reached the liaison");
    }

    @Test
    @Order(10)
    void aCorrectionSupersedesThePublishedReply() throws Exception {
        Long oldReply = board.thread(messageId).orElseThrow().replies().get(0).id();
        assertRefused(ActionRefused.Kind.FORBIDDEN, () -> b.call(() -> handling.startCorrection(leadCaseId)));
        Done started = a1.call(() -> handling.startCorrection(leadCaseId));
        assertEquals(CaseStatus.DRAFTING, started.caseStatus());
        Saved saved = a1.call(() -> handling.saveDraft(leadCaseId,
                "<p>经核查，青石巷路灯线路老化，已于本周三更换电缆，路灯恢复照明。</p>", started.replyVersion(), false));
        Done submitted = a1.call(() -> handling.submit(leadCaseId, saved.version()));
        assertTrue(asLeader.call(() -> handling.reviewQueue()).stream()
                .anyMatch(r -> r.caseId().equals(leadCaseId) && r.correction()));
        asLeader.call(() -> handling.approve(leadCaseId, submitted.replyVersion(), null));

        PublicThread thread = board.thread(messageId).orElseThrow();
        assertEquals(1, thread.replies().size(), "the old reply is no longer shown");
        assertTrue(thread.replies().get(0).corrected());
        assertTrue(thread.replies().get(0).bodyHtml().contains("本周三"));
        assertEquals(ReplyStatus.SUPERSEDED, reply(oldReply).getStatus(), "kept in the case record");
        assertEquals(2, a1.call(() -> handling.workspace(leadCaseId)).revisions().size());
        assertEquals(MessageStatus.REPLIED, message().getStatus());
    }

    @Test
    @Order(11)
    void anUnsatisfiedRatingReopensTheCaseWithANewDueDate() throws Exception {
        Long published = board.thread(messageId).orElseThrow().replies().get(0).id();
        OffsetDateTime before = OffsetDateTime.now(clock);
        posting.rate(message().getTrackingCode(), "handlingit-client", published, Rating.Grade.DISSATISFIED,
                "路灯又坏了");
        Case c = leadCase();
        assertEquals(CaseStatus.DRAFTING, c.getStatus());
        assertEquals(1, c.getReopenCount());
        assertNotNull(c.getReopenedAt());
        assertFalse(c.getReopenedAt().isBefore(before));
        assertEquals(deadlines.calculator().reopened(c.getReopenedAt().toInstant()).due(), c.getDueAt().toInstant());
        Message m = message();
        assertEquals(MessageStatus.HANDLING, m.getStatus());
        assertEquals(c.getDueAt().toInstant(), m.getDueAt().toInstant());
        assertTrue(outbox.about("case", leadCaseId).stream().anyMatch(o -> o.getSubject().startsWith("【重办】")
                && o.getRecipient().equals(LIAISON_A1_MAIL)));
        assertTrue(asLeader.call(() -> handling.reopenedPerUnit(before.minusDays(1), before.plusDays(1))).stream()
                .anyMatch(u -> u.unitName().equals("办理测试甲局") && u.cases() == 1 && u.reopenings() == 1));
        assertRefused(ActionRefused.Kind.WRONG_STATE,
                () -> a1.call(() -> handling.requestExtension(leadCaseId, 1, "重办也想延期")));

        // A new answer after 重办 is a new revision; the rated one stays published until then.
        Saved again = a1.call(() -> handling.saveDraft(leadCaseId, "<p>青石巷路灯已再次检修并更换灯具。</p>", null, false));
        assertEquals(3, reply(again.replyId()).getRevision());

        List<String> actions = em.createQuery("select distinct a.action from AuditEntry a where a.objectType = 'case'"
                + " and a.objectId = :id", String.class).setParameter("id", leadCaseId).getResultList();
        for (String expected : List.of("CASE_ROUTED", "REPLY_SAVED", "REPLY_FILE_ATTACHED", "EXTENSION_REQUESTED",
                "EXTENSION_GRANTED", "REPLY_SUBMITTED", "REPLY_SENT_BACK", "REPLY_APPROVED", "REPLY_PUBLISHED",
                "CORRECTION_STARTED", "REPLY_CORRECTED", "CASE_REOPENED")) {
            assertTrue(actions.contains(expected), expected + " in " + actions);
        }
    }

    @Test
    @Order(12)
    @RunAsClient
    void theJsonApiTakesStaffTokensAndAnswersRefusalsAsErrorJson() throws Exception {
        long caseId = TestDbQueries.leadCaseOf("HIT-A");
        HttpClient http = HttpClient.newHttpClient();
        String liaison = TestApiTokens.mint("handlingit-a1", Role.LIAISON.name());
        String other = TestApiTokens.mint("handlingit-b", Role.LIAISON.name());
        String leader = TestApiTokens.mint("leader", Role.LEADER.name());

        assertEquals(401, send(http, null, "GET", "api/v1/handling/inbox", null).statusCode());
        HttpResponse<String> inbox = send(http, liaison, "GET", "api/v1/handling/inbox", null);
        assertEquals(200, inbox.statusCode(), inbox.body());
        assertTrue(Json.createReader(new StringReader(inbox.body())).readArray().stream()
                .anyMatch(v -> v.asJsonObject().getJsonNumber("caseId").longValue() == caseId), inbox.body());

        HttpResponse<String> forbidden = send(http, other, "GET", "api/v1/handling/cases/" + caseId, null);
        assertEquals(403, forbidden.statusCode(), forbidden.body());
        assertEquals("forbidden", json(forbidden).getString("code"));

        HttpResponse<String> one = send(http, liaison, "GET", "api/v1/handling/cases/" + caseId, null);
        assertEquals(200, one.statusCode(), one.body());
        long version = json(one).getJsonObject("reply").getJsonNumber("version").longValue();

        HttpResponse<String> stale = send(http, liaison, "PUT", "api/v1/handling/cases/" + caseId + "/draft",
                "{\"bodyHtml\":\"<p>旧稿</p>\",\"version\":" + (version + 7) + "}");
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("conflict", json(stale).getString("code"));
        assertTrue(json(stale).getString("message").contains("青石巷路灯已再次检修"), stale.body());

        HttpResponse<String> saved = send(http, liaison, "PUT", "api/v1/handling/cases/" + caseId + "/draft",
                "{\"bodyHtml\":\"<p>青石巷路灯已再次检修，<img src=x onerror=alert(1)>更换灯具。</p>\",\"version\":"
                        + version + "}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(json(saved).getJsonNumber("version").longValue() > version);

        HttpResponse<String> wrongState = send(http, leader, "POST", "api/v1/handling/cases/" + caseId + "/approve",
                "{\"version\":" + version + "}");
        assertEquals(409, wrongState.statusCode(), wrongState.body());
        assertEquals("wrong_state", json(wrongState).getString("code"));
        HttpResponse<String> notLeader = send(http, liaison, "GET", "api/v1/handling/review-queue", null);
        assertEquals(403, notLeader.statusCode(), notLeader.body());
        assertEquals(200, send(http, leader, "GET", "api/v1/handling/review-queue", null).statusCode());

        HttpResponse<String> openapi = http.send(HttpRequest.newBuilder(new URL(base, "/openapi").toURI()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/handling/cases/{id}/draft"), "documented in OpenAPI");
    }

    // --- helpers ---

    private HttpResponse<String> send(HttpClient http, String token, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Accept-Language", "zh-CN");
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        r.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            r.header("Content-Type", "application/json");
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    /** Client-side reads of the run's database: statics set in the container are not seen by the client JVM. */
    static final class TestDbQueries {
        static long leadCaseOf(String unitCode) throws Exception {
            try (java.sql.Connection db = TestDb.connect();
                 java.sql.PreparedStatement ps = db.prepareStatement("""
                         select c.id from handling_case c join unit u on u.id = c.unit_id
                         where u.code = ? and c.unit_role = 'LEAD' order by c.id desc limit 1""")) {
                ps.setString(1, unitCode);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    return rs.getLong(1);
                }
            }
        }
    }

    private void setting(String value) throws Exception {
        tx.begin();
        em.createNativeQuery("delete from setting where key = ?1").setParameter(1, HandlingService.PUBLICATION_SETTING)
                .executeUpdate();
        if (value != null) {
            em.createNativeQuery("insert into setting (key, value, updated_at, updated_by) values (?1, ?2, now(), 'test')")
                    .setParameter(1, HandlingService.PUBLICATION_SETTING).setParameter(2, value).executeUpdate();
        }
        tx.commit();
    }

    private Unit unit(String code, String name) {
        List<Unit> found = em.createQuery("select u from Unit u where u.code = :c", Unit.class)
                .setParameter("c", code).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        Unit u = new Unit(code, name, null, OffsetDateTime.now(clock));
        em.persist(u);
        return u;
    }

    private void liaison(String username, Unit unit, String email) {
        Person p = new Person(username, "测试联系员 " + username, hasher.hash("handling-it-password"),
                OffsetDateTime.now(clock));
        p.getRoles().add(Role.LIAISON);
        p.getUnits().add(unit);
        p.setEmail(email);
        em.persist(p);
    }

    private Long unitId(String code) {
        return em.createQuery("select u.id from Unit u where u.code = :c", Long.class).setParameter("c", code)
                .getSingleResult();
    }

    private Message message() {
        em.clear();
        return em.find(Message.class, messageId);
    }

    private Case leadCase() {
        em.clear();
        return em.createQuery("select c from Case c join fetch c.message where c.id = :id", Case.class)
                .setParameter("id", leadCaseId).getSingleResult();
    }

    private Reply reply(Long id) {
        em.clear();
        return em.find(Reply.class, id);
    }

    private static ActionRefused assertRefused(ActionRefused.Kind kind, org.junit.jupiter.api.function.Executable call) {
        ActionRefused r = assertThrows(ActionRefused.class, call);
        assertEquals(kind, r.kind(), r.getMessage());
        return r;
    }

    /** A role refusal, however many EJB layers wrapped it. */
    private static void assertAccessDenied(org.junit.jupiter.api.function.Executable call) {
        Throwable t = assertThrows(EJBException.class, call);
        while (t != null && !(t instanceof EJBAccessException)) {
            t = t.getCause();
        }
        assertNotNull(t, "refused with EJBAccessException");
    }
}
