package org.wenzheng.routing;

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
import org.wenzheng.audit.AuditEntry;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.batch.BatchService;
import org.wenzheng.batch.Slip;
import org.wenzheng.batch.SlipLine;
import org.wenzheng.batch.Batch;
import org.wenzheng.batch.BatchStatus;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.common.mail.MailOutbox;
import org.wenzheng.common.mail.OutgoingMail;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.handling.Case;
import org.wenzheng.handling.CaseService;
import org.wenzheng.handling.CaseStatus;
import org.wenzheng.handling.ReturnReason;
import org.wenzheng.handling.UnitRole;
import org.wenzheng.people.PasswordHasher;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;
import org.wenzheng.routing.RoutingViews.ApproveAllResult;
import org.wenzheng.routing.RoutingViews.BatchView;
import org.wenzheng.routing.RoutingViews.ReturnStat;
import org.wenzheng.routing.RoutingViews.RouteCommand;
import org.wenzheng.routing.RoutingViews.RouteResult;
import org.wenzheng.routing.RoutingViews.Row;
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
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing against real PostgreSQL: suggestions (rule, similar routed messages, the citizen's choice), routing with
 * lead and co-units and their due dates, the liaisons' mail, approve-all, the batch becoming ROUTED, a return by the
 * lead unit's liaison and re-routing with the bounce time in the report, role and object refusals, and an
 * optimistic-lock conflict. Leaders act through a @RunAs bean; liaisons sign in over HTTP and use the JSON API, so
 * that the object check sees real people. In-container and client steps alternate, hence the order.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingIT {

    static final String RULE_TITLE = "井盖异响扰民睡不着";
    static final String URGENT_TITLE = "危房墙体开裂随时倒塌";
    static final String LIAISON_A = "routingit-a";
    static final String LIAISON_B = "routingit-b";
    static final String PASSWORD = "routing-it-password";
    static final OffsetDateTime POSTED = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");

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
    RoutingService routing;

    @Inject
    RoutingAdvisor advisor;

    @Inject
    CaseService cases;

    @Inject
    MailOutbox outbox;

    @Inject
    DeadlineService deadlines;

    @Inject
    SearchTokenizer tokenizer;

    @Inject
    PasswordHasher hasher;

    @Inject
    AsLeader asLeader;

    @Inject
    BatchService batchService;

    @Inject
    AuditTrail auditTrail;

    @Inject
    AsLiaison asLiaison;

    @Inject
    AsSupervisor asSupervisor;

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void suggestionsComeFromRulesThenSimilarRoutedMessagesThenTheCitizensChoice() throws Exception {
        tx.begin();
        Unit a = unit("RIT-A", "路由测试甲局");
        Unit b = unit("RIT-B", "路由测试乙局");
        liaison(LIAISON_A, a, "rit-a@routing.test");
        liaison(LIAISON_B, b, "rit-b@routing.test");
        OffsetDateTime now = OffsetDateTime.now();
        em.persist(new RoutingRule(a, null, "井盖异响，窨井", null, 10, now));
        // Past messages about lamps in 芙蓉巷, mostly routed to unit B; one to A.
        routedBefore("芙蓉巷路灯不亮晚上很黑", b, now.minusDays(10));
        routedBefore("芙蓉巷路灯又不亮了", b, now.minusDays(20));
        routedBefore("芙蓉巷路灯闪烁", a, now.minusDays(30));
        routedBefore("芙蓉巷路灯很久以前", a, now.minusDays(400));
        routedBefore("芙蓉巷路灯旧事", a, now.minusDays(401));
        Batch batch = batch(1991, OffsetDateTime.parse("2026-10-09T09:00:00+08:00"));
        batched(RULE_TITLE, "晚上车开过井盖就响，吵得睡不着。", b, batch, POSTED);
        batched("芙蓉巷路灯不亮", "芙蓉巷的路灯坏了。", a, batch, POSTED);
        batched("甲乙丙丁戊己", "内容。", a, batch, POSTED);
        batched("子丑寅卯辰巳", "内容。", null, batch, POSTED);
        Batch urgentBatch = batch(1992, OffsetDateTime.parse("2026-10-12T09:00:00+08:00"));
        batched(URGENT_TITLE, "墙体开裂，随时可能倒塌。", a, urgentBatch, POSTED);
        tx.commit();

        Map<Long, Suggestion> s = advisor.suggestAll(messagesOf(batch.getId()));
        assertEquals(3, s.size(), "three of four have a suggestion");
        Suggestion rule = s.get(messageId(RULE_TITLE));
        assertEquals(Suggestion.Why.RULE_KEYWORD, rule.why());
        assertEquals("路由测试甲局", rule.unitName());
        assertEquals("规则：关键词“井盖异响”", rule.reason(Locale.SIMPLIFIED_CHINESE));
        Suggestion similar = s.get(messageId("芙蓉巷路灯不亮"));
        assertEquals(Suggestion.Why.SIMILAR, similar.why());
        assertEquals("路由测试乙局", similar.unitName(), "two of the three recent similar messages went to B");
        assertEquals("相似留言多由路由测试乙局办理（2 件）", similar.reason(Locale.SIMPLIFIED_CHINESE));
        Suggestion citizen = s.get(messageId("甲乙丙丁戊己"));
        assertEquals(Suggestion.Why.CITIZEN, citizen.why());
        assertEquals("路由测试甲局", citizen.unitName());
        assertNull(s.get(messageId("子丑寅卯辰巳")));

        BatchView view = asLeader.call(() -> routing.batch(batch.getId(), Locale.SIMPLIFIED_CHINESE));
        assertEquals(4, view.rows().size());
        assertTrue(asLeader.call(() -> routing.waitingBatches()).stream()
                .anyMatch(b2 -> b2.id().equals(batch.getId()) && b2.waiting() == 4));
    }

    @Test
    @Order(2)
    void routingCreatesTheLeadAndCoCasesWithOneDueDateAMailToEachLiaisonAndAuditEntries() throws Exception {
        Message m = message(RULE_TITLE);
        Long a = unitId("RIT-A");
        Long b = unitId("RIT-B");
        RouteResult r = asLeader.call(() -> routing.route(m.getId(),
                new RouteCommand("请甲局牵头核实井盖并答复。", a, List.of(b), false, m.getVersion())));
        assertEquals(2, r.caseIds().size());
        // Posted Wednesday 2026-09-30 10:00: National Day is skipped, the make-up Saturday counts.
        assertEquals(OffsetDateTime.parse("2026-10-10T17:00:00+08:00").toInstant(), r.dueAt().toInstant());
        assertFalse(r.batchRouted());

        List<Case> made = em.createQuery("select c from Case c join fetch c.unit where c.message.id = :m order by c.id",
                Case.class).setParameter("m", m.getId()).getResultList();
        assertEquals(List.of(UnitRole.LEAD, UnitRole.CO), made.stream().map(Case::getUnitRole).toList());
        assertEquals(List.of(a, b), made.stream().map(c -> c.getUnit().getId()).toList());
        assertTrue(made.stream().allMatch(c -> c.getDueAt().toInstant().equals(r.dueAt().toInstant())));
        assertEquals("请甲局牵头核实井盖并答复。", made.get(0).getInstruction());
        Message routed = message(RULE_TITLE);
        assertEquals(MessageStatus.ROUTED, routed.getStatus());
        assertEquals(r.dueAt().toInstant(), routed.getDueAt().toInstant());

        List<OutgoingMail> leadMail = outbox.about("case", made.get(0).getId());
        assertEquals(List.of("rit-a@routing.test"), leadMail.stream().map(OutgoingMail::getRecipient).toList());
        assertEquals("【网络舆情抄告单】" + RULE_TITLE, leadMail.get(0).getSubject());
        assertTrue(leadMail.get(0).getBody().contains("请甲局牵头核实井盖并答复。"), leadMail.get(0).getBody());
        assertTrue(leadMail.get(0).getBody().contains("2026-10-10 17:00"), leadMail.get(0).getBody());
        assertEquals(List.of("rit-b@routing.test"),
                outbox.about("case", made.get(1).getId()).stream().map(OutgoingMail::getRecipient).toList());
        for (Case c : made) {
            assertEquals(1L, em.createQuery("select count(e) from AuditEntry e where e.objectType = 'case'"
                    + " and e.objectId = :id and e.action = 'CASE_ROUTED'", Long.class)
                    .setParameter("id", c.getId()).getSingleResult());
        }
        assertTrue(outbox.dispatchDue(50) >= 2);
    }

    @Test
    @Order(3)
    @RunAsClient
    void theLiaisonsMailArrived() throws Exception {
        TestMailServer.greenMail().waitForIncomingEmail(10_000, 2);
        List<MimeMessage> mails = Arrays.stream(TestMailServer.greenMail().getReceivedMessages()).filter(m -> {
            try {
                return ("【网络舆情抄告单】" + RULE_TITLE).equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
        assertEquals(2, mails.size());
        List<String> to = mails.stream().map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
        assertEquals(List.of("rit-a@routing.test", "rit-b@routing.test"), to);
        assertTrue(((String) mails.get(0).getContent()).contains("办理时限：2026-10-10 17:00"));
    }

    @Test
    @Order(4)
    void anUrgentMessageIsDueTwoWorkingDaysAfterTheSlipButNeverPastTheCap() throws Exception {
        Message m = message(URGENT_TITLE);
        RouteResult r = asLeader.call(() -> routing.route(m.getId(),
                new RouteCommand("紧急，请立即核查。", unitId("RIT-A"), List.of(), true, m.getVersion())));
        // Slip Monday 2026-10-12 09:00 + 2 working days = 10-14 17:00, but the cap (5 working days from the message,
        // counting the make-up Saturday 10-10) is Tuesday 10-13 17:00.
        assertEquals(OffsetDateTime.parse("2026-10-13T17:00:00+08:00").toInstant(), r.dueAt().toInstant());
        assertTrue(deadlines.urgent(POSTED.toInstant(),
                OffsetDateTime.parse("2026-10-12T09:00:00+08:00").toInstant()).clamped());
        assertTrue(r.batchRouted(), "its batch had only this message");
        assertEquals(BatchStatus.ROUTED, batchOf(URGENT_TITLE).getStatus());
        assertTrue(message(URGENT_TITLE).isUrgent());
    }

    @Test
    @Order(5)
    void approveAllRoutesTheSuggestedAndLeavesTheRestThenTheBatchIsRouted() throws Exception {
        Long batchId = message(RULE_TITLE).getBatch().getId();
        ApproveAllResult r = asLeader.call(() -> routing.approveAll(batchId));
        assertEquals(2, r.routed());
        assertEquals(1, r.leftForIndividualRouting());
        assertFalse(r.batchRouted());
        Case similar = leadCase(message("芙蓉巷路灯不亮").getId());
        assertEquals("RIT-B", similar.getUnit().getCode());
        assertEquals("请按职责办理并及时答复。", similar.getInstruction());
        assertEquals("RIT-A", leadCase(message("甲乙丙丁戊己").getId()).getUnit().getCode());

        BatchView view = asLeader.call(() -> routing.batch(batchId, Locale.SIMPLIFIED_CHINESE));
        assertEquals(List.of("子丑寅卯辰巳"), view.rows().stream().map(Row::title).toList());
        Row last = view.rows().get(0);
        RouteResult done = asLeader.call(() -> routing.route(last.messageId(),
                new RouteCommand("请乙局办理。", unitId("RIT-B"), List.of(), false, last.version())));
        assertTrue(done.batchRouted());
        assertEquals(BatchStatus.ROUTED, batchOf(RULE_TITLE).getStatus());
        assertEquals("leader", batchOf(RULE_TITLE).getRoutedBy().getUsername(), "who finished the batch is kept");
        assertTrue(batchOf(RULE_TITLE).getRoutedAt() != null);
    }

    @Test
    @Order(6)
    void onlyALeaderRoutesAndAStaleVersionIsAConflict() throws Exception {
        tx.begin();
        Batch batch = batch(1993, OffsetDateTime.parse("2026-10-09T09:00:00+08:00"));
        batched("并发批办庚辛壬", "内容。", null, batch, POSTED);
        tx.commit();
        Message m = message("并发批办庚辛壬");
        Long a = unitId("RIT-A");
        RouteCommand command = new RouteCommand("请办理。", a, List.of(), false, m.getVersion());

        assertAccessDenied(() -> routing.route(m.getId(), command));
        assertAccessDenied(() -> asLiaison.call(() -> routing.route(m.getId(), command)));
        assertAccessDenied(() -> asSupervisor.call(() -> routing.approveAll(batch.getId())));
        assertAccessDenied(() -> asSupervisor.call(() -> {
            cases.returnCase(1L, ReturnReason.OTHER, "x", null);
            return null;
        }));

        ActionRefused invalid = assertThrows(ActionRefused.class, () -> asLeader.call(() -> routing.route(m.getId(),
                new RouteCommand("请办理。", a, List.of(a), false, m.getVersion()))));
        assertEquals("routing.error.coIsLead", invalid.key());

        // Two leaders saw the same version; the first one wins, the second is told it changed.
        asLeader.call(() -> routing.route(m.getId(), command));
        ActionRefused conflict = assertThrows(ActionRefused.class,
                () -> asLeader.call(() -> routing.route(m.getId(), command)));
        assertEquals(ActionRefused.Kind.CONFLICT, conflict.kind());
        assertEquals(1, em.createQuery("select count(c) from Case c where c.message.id = :m", Long.class)
                .setParameter("m", m.getId()).getSingleResult());
        Message now = message("并发批办庚辛壬");
        ActionRefused wrongState = assertThrows(ActionRefused.class, () -> asLeader.call(() -> routing.route(
                m.getId(), new RouteCommand("请办理。", a, List.of(), false, now.getVersion()))));
        assertEquals(ActionRefused.Kind.WRONG_STATE, wrongState.kind());

        // The returned lead case is 5 hours old when it bounces (test data, instead of waiting).
        tx.begin();
        em.createNativeQuery("update handling_case set routed_at = routed_at - interval '5 hours'"
                + " where message_id = (select id from message where title = ?1)").setParameter(1, RULE_TITLE)
                .executeUpdate();
        tx.commit();
    }

    @Test
    @Order(7)
    @RunAsClient
    void aLiaisonReturnsItsOwnCaseOverTheApiAndCannotTouchAnotherUnits() throws Exception {
        long leadCase = queryLong("select c.id from handling_case c join message m on m.id = c.message_id"
                + " where m.title = ? and c.unit_role = 'LEAD'", RULE_TITLE);
        long coCase = queryLong("select c.id from handling_case c join message m on m.id = c.message_id"
                + " where m.title = ? and c.unit_role = 'CO'", RULE_TITLE);

        HttpResponse<String> refused = get(ANONYMOUS, "api/v1/cases/" + leadCase);
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("unauthenticated", json(refused).getString("code"));

        Caller b = signIn(LIAISON_B);
        HttpResponse<String> notTheirs = get(b, "api/v1/cases/" + leadCase);
        assertEquals(403, notTheirs.statusCode(), notTheirs.body());
        assertEquals("您无权查看或办理其他单位的案件。", json(notTheirs).getString("message"));
        HttpResponse<String> cannotReturn = post(b, "api/v1/cases/" + leadCase + "/return",
                "{\"reason\":\"WRONG_UNIT\",\"text\":\"不是我们的\"}");
        assertEquals(403, cannotReturn.statusCode(), cannotReturn.body());
        HttpResponse<String> own = get(b, "api/v1/cases/" + coCase);
        assertEquals(200, own.statusCode(), own.body());
        assertEquals("CO", json(own).getString("unitRole"));

        Caller a = signIn(LIAISON_A);
        HttpResponse<String> read = get(a, "api/v1/cases/" + leadCase);
        assertEquals(200, read.statusCode(), read.body());
        JsonObject detail = json(read);
        assertEquals(RULE_TITLE, detail.getString("title"));
        assertTrue(detail.getString("dueExplanationZh").contains("国庆节"), detail.getString("dueExplanationZh"));
        assertTrue(detail.getBoolean("returnable"));

        HttpResponse<String> invalid = post(a, "api/v1/cases/" + leadCase + "/return", "{\"reason\":\"WRONG_UNIT\"}");
        assertEquals(400, invalid.statusCode(), invalid.body());
        // common's mapper names the field by the body parameter and its field
        assertEquals("request.text", json(invalid).getJsonArray("fields").getJsonObject(0).getString("field"));

        HttpResponse<String> returned = post(a, "api/v1/cases/" + leadCase + "/return",
                "{\"reason\":\"NOT_OUR_REMIT\",\"text\":\"井盖归乙局管理。\"}");
        assertEquals(200, returned.statusCode(), returned.body());
        assertEquals("RETURNED", json(returned).getString("status"));
        HttpResponse<String> again = post(a, "api/v1/cases/" + leadCase + "/return",
                "{\"reason\":\"OTHER\",\"text\":\"再退一次\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("CLOSED", queryString("select status from handling_case where id = ?", coCase));
        assertEquals("BATCHED", queryString("select status from message where title = ?", RULE_TITLE));
    }

    @Test
    @Order(8)
    void theReturnedMessageIsBackOnItsBatchAndTheBounceTimeIsReported() throws Exception {
        Message m = message(RULE_TITLE);
        Batch batch = batchOf(RULE_TITLE);
        assertEquals(BatchStatus.SLIPPED, batch.getStatus(), "the batch waits for routing again");
        assertNull(m.getDueAt());
        BatchView view = asLeader.call(() -> routing.batch(batch.getId(), Locale.SIMPLIFIED_CHINESE));
        Row row = view.rows().stream().filter(r -> r.messageId().equals(m.getId())).findFirst().orElseThrow();
        assertNotNull(row.returned());
        assertEquals("路由测试甲局", row.returned().unitName());
        assertEquals("NOT_OUR_REMIT", row.returned().reasonCode());
        assertEquals("井盖归乙局管理。", row.returned().reasonText());

        OffsetDateTime now = OffsetDateTime.now();
        List<ReturnStat> stats = asSupervisor.call(() -> routing.returnsReport(now.minusDays(1), now.plusDays(1)));
        ReturnStat a = stats.stream().filter(s -> s.unitName().equals("路由测试甲局")).findFirst().orElseThrow();
        assertEquals(1, a.count());
        assertEquals(5.0, a.averageHours(), 0.05);
        assertEquals(5.0, a.totalHours(), 0.05);
        assertThrows(ActionRefused.class, () -> asLeader.call(() -> routing.returnsReport(now, now.minusDays(1))));
        assertAccessDenied(() -> asLiaison.call(() -> routing.returnsReport(now.minusDays(1), now)));

        // Approve-all leaves a returned message for the leader to route by hand; then it is re-routed to B.
        ApproveAllResult all = asLeader.call(() -> routing.approveAll(batch.getId()));
        assertEquals(0, all.routed());
        assertEquals(1, all.leftForIndividualRouting());
        RouteResult again = asLeader.call(() -> routing.route(m.getId(),
                new RouteCommand("请乙局牵头办理。", unitId("RIT-B"), List.of(), false, row.version())));
        assertTrue(again.batchRouted());
        assertEquals("RIT-B", leadCase(m.getId()).getUnit().getCode());
        assertEquals(MessageStatus.ROUTED, message(RULE_TITLE).getStatus());
    }

    @Test
    @Order(9)
    @RunAsClient
    void theApiRefusesBadInputAndStrangers() throws Exception {
        HttpResponse<String> invalid = post(ANONYMOUS, "api/v1/routing/messages/1/route", "{\"leadUnitId\":1}");
        assertEquals(400, invalid.statusCode(), invalid.body());
        List<String> fields = json(invalid).getJsonArray("fields").stream()
                .map(f -> f.asJsonObject().getString("field")).toList();
        assertEquals(List.of("request.instruction", "request.version"), fields);
        HttpResponse<String> anonymous = get(ANONYMOUS, "api/v1/routing/batches");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> liaison = get(signIn(LIAISON_A), "api/v1/routing/rules");
        assertEquals(403, liaison.statusCode(), liaison.body());
        assertEquals("forbidden", json(liaison).getString("code"));
        HttpResponse<String> openapi = client().send(HttpRequest.newBuilder(new URL(base, "/openapi").toURI()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(openapi.body().contains("/routing/messages/{id}/route"), openapi.body());
    }

    @Test
    @Order(10)
    void approveAllRoutesAWholeBatchInOneCallFromTheStoredSuggestionsTheSlipShows() throws Exception {
        int bulkCount = 3000;
        tx.begin();
        Unit a = unit("RIT-A", "路由测试甲局");
        Unit c = unit("RIT-C", "路由测试丙局");
        liaison("routingit-c", c, "rit-c@routing.test");
        em.persist(new RoutingRule(c, null, "鲲鹏排水", null, 50, OffsetDateTime.now()));
        Batch batch = batch(1994, OffsetDateTime.parse("2026-10-12T09:00:00+08:00"));
        batched("鲲鹏排水沟堵塞一", "排水沟堵了。", a, batch, POSTED);
        batched("鲲鹏排水沟堵塞二", "排水沟又堵了。", a, batch, POSTED);
        batched("鲲鹏排水紧急漫水", "水漫进屋里。", a, batch, POSTED);
        em.createNativeQuery("update message set urgent = true where title = '鲲鹏排水紧急漫水'").executeUpdate();
        em.createNativeQuery("""
                        insert into message (id, tracking_code, kind, title, body, status, posted_at, registered_at,
                                             batch_id, target_unit_id)
                        select nextval('message_seq'), upper(substr(md5(random()::text || g), 1, 16)), 'COMPLAINT',
                               '批量批办第' || g || '条', '内容。', 'BATCHED', ?1, ?1, ?2, ?3
                        from generate_series(1, ?4) g""")
                .setParameter(1, POSTED).setParameter(2, batch.getId()).setParameter(3, a.getId())
                .setParameter(4, bulkCount).executeUpdate();
        em.createNativeQuery("""
                        update message m set batch_seq = n.rn
                        from (select id, row_number() over (order by id) as rn from message where batch_id = ?1) n
                        where m.id = n.id""").setParameter(1, batch.getId()).executeUpdate();
        tx.commit();
        long batchId = batch.getId();
        int total = bulkCount + 3;

        // Opening the batch stores every message's suggestion once; the page lists the first 500 of them.
        BatchView view = asLeader.call(() -> routing.batch(batchId, Locale.SIMPLIFIED_CHINESE));
        assertEquals(RoutingService.VIEW_LIMIT, view.rows().size());
        assertEquals(total, view.batch().waiting());
        assertEquals(total, ((Number) em.createNativeQuery("select count(*) from routing_suggestion s"
                + " join message m on m.id = s.message_id where m.batch_id = ?1").setParameter(1, batchId)
                .getSingleResult()).intValue());

        Slip slip = asLeader.call(() -> batchService.slip(batchId, 5000)).orElseThrow();
        assertEquals(total, slip.lines().size());
        SlipLine ruled = slip.lines().stream().filter(l -> l.title().equals("鲲鹏排水沟堵塞一")).findFirst()
                .orElseThrow();
        assertEquals("路由测试丙局", ruled.suggestedUnit(), "the rule beats the citizen's choice");
        assertEquals("RULE_KEYWORD", ruled.suggestionWhy());
        assertEquals("鲲鹏排水", ruled.suggestionDetail());
        Map<Long, String> slipUnits = new HashMap<>();
        slip.lines().stream().filter(l -> l.suggestedUnit() != null)
                .forEach(l -> slipUnits.put(l.messageId(), l.suggestedUnit()));
        long auditBefore = count("select count(*) from audit_entry");

        ApproveAllResult r = asLeader.call(() -> routing.approveAll(batchId));
        assertEquals(slipUnits.size(), r.routed(), "every message with a suggested unit, in one call");
        assertEquals(total - slipUnits.size(), r.leftForIndividualRouting());
        assertEquals(r.leftForIndividualRouting() == 0, r.batchRouted());

        // Each lead case went to the unit the slip printed.
        @SuppressWarnings("unchecked")
        List<Object[]> routed = em.createNativeQuery("""
                        select m.id, u.name, c.id, c.due_at, c.instruction, m.status, m.due_at, c.unit_role
                        from handling_case c join message m on m.id = c.message_id join unit u on u.id = c.unit_id
                        where m.batch_id = ?1""").setParameter(1, batchId).getResultList();
        Map<Long, String> caseUnits = new HashMap<>();
        for (Object[] row : routed) {
            caseUnits.put(((Number) row[0]).longValue(), (String) row[1]);
            assertEquals("请按职责办理并及时答复。", row[4]);
            assertEquals("ROUTED", row[5]);
            assertEquals(instant(row[3]), instant(row[6]));
            assertEquals("LEAD", row[7]);
        }
        assertEquals(slipUnits, caseUnits);
        assertEquals(deadlines.urgent(POSTED.toInstant(), batch.getCutAt().toInstant()).dueAt().toInstant(),
                leadCase(messageId("鲲鹏排水紧急漫水")).getDueAt().toInstant(), "urgent: counted from the slip");
        assertTrue(leadCase(messageId("鲲鹏排水紧急漫水")).isUrgent());
        assertEquals(deadlines.forMessage(POSTED.toInstant()).dueAt().toInstant(),
                leadCase(messageId("鲲鹏排水沟堵塞一")).getDueAt().toInstant());

        // One chained audit entry per routed message (and one for the batch when it is done), chain intact.
        assertEquals(r.routed() + (r.batchRouted() ? 1 : 0), count("select count(*) from audit_entry") - auditBefore);
        assertEquals(r.routed(), count("select count(*) from audit_entry e join handling_case c on c.id = e.object_id"
                + " join message m on m.id = c.message_id where e.object_type = 'case' and e.action = 'CASE_ROUTED'"
                + " and m.batch_id = " + batchId));
        assertTrue(auditTrail.firstBrokenEntry().isEmpty(), "the audit chain is intact");

        // One mail per unit (to each liaison) listing all its cases of the batch.
        List<OutgoingMail> mails = outbox.about("batch", batchId);
        List<OutgoingMail> toC = mails.stream().filter(m -> m.getRecipient().equals("rit-c@routing.test")).toList();
        assertEquals(1, toC.size());
        assertEquals("【网络舆情抄告单】" + batch.label() + "：3 件留言批转贵单位办理", toC.get(0).getSubject());
        caseIdsOf(batchId, "RIT-C").forEach(id -> assertTrue(toC.get(0).getBody().contains("案件编号：" + id),
                "the mail lists case " + id));
        assertTrue(toC.get(0).getBody().contains("鲲鹏排水紧急漫水"), toC.get(0).getBody());
        List<OutgoingMail> toA = mails.stream().filter(m -> m.getRecipient().equals("rit-a@routing.test")).toList();
        List<Long> casesOfA = caseIdsOf(batchId, "RIT-A");
        assertEquals(casesOfA.isEmpty() ? 0 : 1, toA.size());
        casesOfA.forEach(id -> assertTrue(toA.get(0).getBody().contains("案件编号：" + id + "　")));

        // Again: nothing new is routed, written or sent.
        long auditAfter = count("select count(*) from audit_entry");
        ApproveAllResult again = asLeader.call(() -> routing.approveAll(batchId));
        assertEquals(0, again.routed());
        assertEquals(r.leftForIndividualRouting(), again.leftForIndividualRouting());
        assertEquals(auditAfter, count("select count(*) from audit_entry"));
        assertEquals(mails.size(), outbox.about("batch", batchId).size());
        assertEquals(routed.size(), count("select count(*) from handling_case c join message m"
                + " on m.id = c.message_id where m.batch_id = " + batchId));
    }

    @Test
    @Order(11)
    void aLeaderRecomputesOneSuggestionAfterARuleChangedAndApproveAllUsesIt() throws Exception {
        tx.begin();
        Unit a = unit("RIT-A", "路由测试甲局");
        Unit b = unit("RIT-B", "路由测试乙局");
        Batch batch = batch(1995, OffsetDateTime.parse("2026-10-12T09:00:00+08:00"));
        batched("鸿雁塔楼鲛绡帐破损", "外墙砖掉下来了。", a, batch, POSTED);
        tx.commit();
        long batchId = batch.getId();
        Long id = messageId("鸿雁塔楼鲛绡帐破损");
        // The citizen chose A, unless similar messages other tests routed say otherwise.
        Row before = asLeader.call(() -> routing.batch(batchId, Locale.SIMPLIFIED_CHINESE)).rows().get(0);
        String stored = before.suggestion().unitName();
        assertNotEquals("路由测试乙局", stored);

        // A rule made after the gathering does not move the stored suggestion (the slip printed it) ...
        tx.begin();
        em.persist(new RoutingRule(em.find(Unit.class, b.getId()), null, "鸿雁塔楼", null, 50, OffsetDateTime.now()));
        tx.commit();
        assertEquals(stored, asLeader.call(() -> routing.batch(batchId, Locale.SIMPLIFIED_CHINESE))
                .rows().get(0).suggestion().unitName());
        // ... until the leader asks for it to be recomputed; approve-all then follows the new one.
        Row after = asLeader.call(() -> routing.refreshSuggestion(id, Locale.SIMPLIFIED_CHINESE));
        assertEquals("路由测试乙局", after.suggestion().unitName());
        assertEquals("规则：关键词“鸿雁塔楼”", after.suggestionReason());
        ApproveAllResult r = asLeader.call(() -> routing.approveAll(batchId));
        assertEquals(1, r.routed());
        assertTrue(r.batchRouted());
        assertEquals("RIT-B", leadCase(id).getUnit().getCode());
        ActionRefused notWaiting = assertThrows(ActionRefused.class,
                () -> asLeader.call(() -> routing.refreshSuggestion(id, Locale.SIMPLIFIED_CHINESE)));
        assertEquals(ActionRefused.Kind.WRONG_STATE, notWaiting.kind());
    }

    // --- set-up helpers (in-container) ---

    private static java.time.Instant instant(Object v) {
        return v instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) v).toInstant();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private List<Long> caseIdsOf(long batchId, String unitCode) {
        return ((List<?>) em.createNativeQuery("select c.id from handling_case c join message m on m.id = c.message_id"
                        + " join unit u on u.id = c.unit_id where m.batch_id = ?1 and u.code = ?2 order by c.id")
                .setParameter(1, batchId).setParameter(2, unitCode).getResultList())
                .stream().map(n -> ((Number) n).longValue()).toList();
    }

    private Unit unit(String code, String name) {
        List<Unit> found = em.createQuery("select u from Unit u where u.code = :c", Unit.class)
                .setParameter("c", code).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        Unit u = new Unit(code, name, null, OffsetDateTime.now());
        em.persist(u);
        return u;
    }

    private void liaison(String username, Unit unit, String email) {
        Person p = new Person(username, "测试联系员 " + username, hasher.hash(PASSWORD), OffsetDateTime.now());
        p.getRoles().add(Role.LIAISON);
        p.getUnits().add(unit);
        p.setEmail(email);
        em.persist(p);
    }

    /** Test batches lie in the past (1991–1995), so they never sort before the batches other tests cut. */
    private Batch batch(int year, OffsetDateTime cutAt) {
        Batch b = new Batch(year, (int) Math.floorMod(System.nanoTime(), 1_000_000L), cutAt);
        b.setStatus(BatchStatus.SLIPPED);
        em.persist(b);
        return b;
    }

    private Message newMessage(String title, String body, Unit target, OffsetDateTime postedAt) {
        Message m = new Message(TrackingCode.generate(), MessageKind.COMPLAINT, title, body, postedAt);
        m.setTargetUnit(target);
        m.setSearchText(tokenizer.indexText(title, body));
        em.persist(m);
        return m;
    }

    /** A message in a batch: the batch job's work, done here in SQL. */
    private void batched(String title, String body, Unit target, Batch batch, OffsetDateTime postedAt) {
        Message m = newMessage(title, body, target, postedAt);
        em.flush();
        em.createNativeQuery("update message set status = 'BATCHED', batch_id = ?1 where id = ?2")
                .setParameter(1, batch.getId()).setParameter(2, m.getId()).executeUpdate();
    }

    private void routedBefore(String title, Unit unit, OffsetDateTime routedAt) {
        Message m = newMessage(title, "旧留言。", null, routedAt.minusDays(1));
        em.flush();
        em.createNativeQuery("update message set status = 'ROUTED' where id = ?1").setParameter(1, m.getId())
                .executeUpdate();
        em.persist(new Case(m, unit, UnitRole.LEAD, "旧批办", null, routedAt, routedAt.plusDays(3), false));
    }

    private List<Message> messagesOf(Long batchId) {
        em.clear();
        return em.createQuery("select m from Message m where m.batch.id = :b and m.status = :s", Message.class)
                .setParameter("b", batchId).setParameter("s", MessageStatus.BATCHED).getResultList();
    }

    private Message message(String title) {
        em.clear();
        return em.createQuery("select m from Message m where m.title = :t", Message.class)
                .setParameter("t", title).getSingleResult();
    }

    private Batch batchOf(String title) {
        em.clear();
        return em.createQuery("select m.batch from Message m where m.title = :t", Batch.class)
                .setParameter("t", title).getSingleResult();
    }

    /** A role refusal, however many EJB layers wrapped it. */
    private static void assertAccessDenied(org.junit.jupiter.api.function.Executable call) {
        Throwable t = assertThrows(EJBException.class, call);
        while (t != null && !(t instanceof EJBAccessException)) {
            t = t.getCause();
        }
        assertNotNull(t, "refused with EJBAccessException");
    }

    private Long messageId(String title) {
        return message(title).getId();
    }

    private Long unitId(String code) {
        return em.createQuery("select u.id from Unit u where u.code = :c", Long.class).setParameter("c", code)
                .getSingleResult();
    }

    private Case leadCase(Long messageId) {
        em.clear();
        return em.createQuery("select c from Case c join fetch c.unit where c.message.id = :m and c.unitRole = :r"
                        + " and c.status <> :returned", Case.class)
                .setParameter("m", messageId).setParameter("r", UnitRole.LEAD)
                .setParameter("returned", CaseStatus.RETURNED).getSingleResult();
    }

    // --- client helpers ---

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Who calls the API: an integration's token, or nobody. */
    private record Caller(String token) {
    }

    private static final Caller ANONYMOUS = new Caller(null);

    /** A liaison's API token, as the administrator would issue one to the unit's system. */
    private Caller signIn(String username) {
        return new Caller(TestApiTokens.mint(username, "LIAISON"));
    }

    private HttpResponse<String> get(Caller c, String path) throws Exception {
        return client().send(authorised(HttpRequest.newBuilder(uri(path)), c).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Caller c, String path, String json) throws Exception {
        return client().send(authorised(HttpRequest.newBuilder(uri(path)), c)
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder b, Caller c) {
        return c.token() == null ? b : b.header("Authorization", "Bearer " + c.token());
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + "/" + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    static long queryLong(String sql, Object param) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getLong(1);
            }
        }
    }

    static String queryString(String sql, Object param) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }

    static Connection connect() throws Exception {
        return DriverManager.getConnection(System.getProperty("wz.test.db.url"),
                System.getProperty("wz.test.db.user"), System.getProperty("wz.test.db.password"));
    }
}
