package org.wenzheng.intake;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenzheng.board.Attachment;
import org.wenzheng.board.Category;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.intake.api.IntakeResource;
import org.wenzheng.intake.api.MergeRequest;
import org.wenzheng.intake.api.QueuePage;
import org.wenzheng.intake.api.RegisterRequest;
import org.wenzheng.intake.api.RejectRequest;
import org.wenzheng.testsupport.Deployments;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Intake on Payara Micro against real PostgreSQL: the actions as an intake officer with their audit entries, role
 * refusals, optimistic locking, wrong states, all-or-nothing bulk actions, duplicate ranking, the major alert, the
 * JSON resource in-container and its 401/400 over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application()
                .addClasses(AsIntakeOfficer.class, AsLeader.class, MajorEventRecorder.class)
                .addAsWebInfResource("intake/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsWebInfResource("intake/glassfish-web.xml", "glassfish-web.xml");
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    org.wenzheng.common.mail.MailOutbox mailOutbox;

    @Inject
    UserTransaction tx;

    @Inject
    IntakeService intake;

    @Inject
    IntakeResource resource;

    @Inject
    AsIntakeOfficer officer;

    @Inject
    AsLeader leader;

    @Inject
    SearchTokenizer tokenizer;

    @ArquillianResource
    URL base;

    @Test
    void registerRejectAndMergeAreRecordedWithWhoWhenAndAnAuditEntry() throws Exception {
        String n = nonce();
        Message a = create("小区噪音测试" + n, "晚上施工噪音很大" + n, "13800000001");
        Message b = create("无关留言测试" + n, "广告内容" + n, null);
        Message c = create("重复的噪音投诉" + n, "同一工地夜间施工" + n, null);
        long categoryId = category("ENV");
        MajorEventRecorder.FIRED.clear();

        ActionResult reg = as(() -> intake.register(a.getId(), a.getVersion(), new Classification(
                MessageKind.SUGGESTION, categoryId, Severity.MAJOR, WarningColour.ORANGE, true, true)));
        assertEquals(MessageStatus.REGISTERED, reg.status());
        assertEquals(a.getVersion() + 1, reg.version());
        ActionResult rej = as(() -> intake.reject(b.getId(), b.getVersion(), "  与政务无关的广告  "));
        assertEquals(MessageStatus.REJECTED, rej.status());
        ActionResult mer = as(() -> intake.merge(c.getId(), c.getVersion(), a.getId()));
        assertEquals(MessageStatus.MERGED, mer.status());

        em.clear();
        Message ra = em.find(Message.class, a.getId());
        assertEquals(MessageKind.SUGGESTION, ra.getKind());
        assertEquals("ENV", ra.getCategory().getCode());
        assertEquals(Severity.MAJOR, ra.getSeverity());
        assertEquals(WarningColour.ORANGE, ra.getWarningColour());
        assertTrue(ra.isUrgent());
        assertTrue(ra.isPublicVisible());
        assertEquals("intake", ra.getRegisteredBy().getUsername(), "who: the run-as principal's person");
        var alerts = mailOutbox.about("message", a.getId());
        assertTrue(alerts.stream().anyMatch(mail -> mail.getRecipient().equals("leader@demo.wenzheng.invalid")
                && mail.getSubject().startsWith("【重大舆情提醒】")), "the leaders are mailed at once");
        assertNotNull(ra.getRegisteredAt());
        Message rb = em.find(Message.class, b.getId());
        assertEquals("与政务无关的广告", rb.getRejectedReason());
        assertFalse(rb.isPublicVisible());
        Message rc = em.find(Message.class, c.getId());
        assertEquals(a.getId(), rc.getMergedInto().getId());
        assertFalse(rc.isPublicVisible());

        for (long id : List.of(a.getId(), b.getId(), c.getId())) {
            assertEquals(1L, auditCount(id), "one audit entry for message " + id);
        }
        String after = (String) em.createNativeQuery("select after_state from audit_entry where object_type ="
                + " 'message' and object_id = ?1 and action = 'MESSAGE_REGISTER'").setParameter(1, a.getId())
                .getSingleResult();
        JsonObject json = Json.createReader(new StringReader(after)).readObject();
        assertEquals("REGISTERED", json.getString("status"));
        assertEquals("MAJOR", json.getString("severity"));
        assertFalse(after.contains("13800000001"), "never contact data in the audit trail");
        assertEquals("intake", em.createNativeQuery("select actor from audit_entry where object_id = ?1"
                + " and object_type = 'message'").setParameter(1, a.getId()).getSingleResult());

        assertEquals(List.of(a.getId()), MajorEventRecorder.FIRED, "the major registration fired the event");
        assertTrue(leaderSees(a.getId()), "a leader sees the major alert");
        assertFalse(leaderSees(c.getId()));
    }

    @Test
    void onlyAnIntakeOfficerMayAct() throws Exception {
        Message m = create("角色测试" + nonce(), "正文", null);
        Classification c = new Classification(null, null, Severity.ORDINARY, WarningColour.BLUE, false, true);
        assertInstanceOf(EJBAccessException.class,
                assertThrows(Exception.class, () -> intake.register(m.getId(), m.getVersion(), c)),
                "an unauthenticated caller is refused");
        Exception asLeader = assertThrows(Exception.class,
                () -> leader.call(() -> intake.reject(m.getId(), m.getVersion(), "领导不能驳回")));
        assertTrue(causedBy(asLeader, EJBAccessException.class), asLeader.toString());
        assertThrows(Exception.class, () -> leader.call(() -> intake.message(m.getId())),
                "contact data only for intake officers");
        assertEquals(0L, auditCount(m.getId()));
        em.clear();
        assertEquals(MessageStatus.SUBMITTED, em.find(Message.class, m.getId()).getStatus());
    }

    @Test
    void theSecondOfficerActingOnAStaleVersionIsToldItChanged() throws Exception {
        Message m = create("并发测试" + nonce(), "两位受理员同时处理", null);
        long seen = m.getVersion();
        as(() -> intake.register(m.getId(), seen, new Classification(null, null, Severity.ORDINARY,
                WarningColour.BLUE, false, true)));
        IntakeException e = assertThrows(IntakeException.class,
                () -> as(() -> intake.reject(m.getId(), seen, "我也看到了")));
        assertEquals("intake.error.changed", e.getKey());
        assertEquals("此留言已被他人处理，请刷新后再试。", e.text(java.util.Locale.SIMPLIFIED_CHINESE));
        em.clear();
        Message now = em.find(Message.class, m.getId());
        assertEquals(MessageStatus.REGISTERED, now.getStatus());
        assertEquals(null, now.getRejectedReason());
        assertEquals(1L, auditCount(m.getId()));
    }

    @Test
    void actionsInTheWrongStateAreRefusedWithAReason() throws Exception {
        String n = nonce();
        Message target = create("合并目标" + n, "正文", null);
        Message waiting = create("未受理目标" + n, "正文", null);
        Message source = create("待合并" + n, "正文", null);
        Message other = create("另一条" + n, "正文", null);
        long tv = as(() -> intake.register(target.getId(), target.getVersion(), new Classification(null, null,
                Severity.ORDINARY, WarningColour.BLUE, false, true))).version();

        assertEquals("intake.error.notWaiting", assertThrows(IntakeException.class,
                () -> as(() -> intake.reject(target.getId(), tv, "已受理后驳回"))).getKey());
        assertEquals("intake.error.mergeTargetNotAccepted", assertThrows(IntakeException.class,
                () -> as(() -> intake.merge(source.getId(), source.getVersion(), waiting.getId()))).getKey());
        assertEquals("intake.error.mergeSelf", assertThrows(IntakeException.class,
                () -> as(() -> intake.merge(source.getId(), source.getVersion(), source.getId()))).getKey());
        as(() -> intake.merge(source.getId(), source.getVersion(), target.getId()));
        IntakeException chain = assertThrows(IntakeException.class,
                () -> as(() -> intake.merge(other.getId(), other.getVersion(), source.getId())));
        assertEquals("intake.error.mergeChain", chain.getKey());
        assertEquals(List.of(String.valueOf(source.getId()), String.valueOf(target.getId())),
                List.of(chain.getArgs()));
        assertEquals("intake.error.reasonRequired", assertThrows(IntakeException.class,
                () -> as(() -> intake.reject(other.getId(), other.getVersion(), " "))).getKey());
        assertEquals("intake.error.notFound", assertThrows(IntakeException.class,
                () -> as(() -> intake.message(-1))).getKey());
        em.clear();
        assertEquals(MessageStatus.SUBMITTED, em.find(Message.class, other.getId()).getStatus());
        assertEquals(0L, auditCount(other.getId()));
    }

    @Test
    void bulkActionsAreAllOrNothingAndEachIsAudited() throws Exception {
        String n = nonce();
        Message x = create("批量一" + n, "正文", null);
        Message y = create("批量二" + n, "正文", null);
        Message z = create("批量三" + n, "正文", null);
        Classification c = new Classification(null, null, Severity.SIGNIFICANT, WarningColour.YELLOW, false, true);

        List<VersionedId> stale = List.of(new VersionedId(x.getId(), x.getVersion()),
                new VersionedId(y.getId(), y.getVersion() + 7));
        assertEquals("intake.error.changed", assertThrows(IntakeException.class,
                () -> as(() -> intake.registerMany(stale, c))).getKey());
        em.clear();
        assertEquals(MessageStatus.SUBMITTED, em.find(Message.class, x.getId()).getStatus(), "nothing half-saved");
        assertEquals(0L, auditCount(x.getId()));

        assertEquals(2, (int) as(() -> intake.registerMany(List.of(new VersionedId(x.getId(), x.getVersion()),
                new VersionedId(y.getId(), y.getVersion())), c)));
        assertEquals(1, (int) as(() -> intake.rejectMany(List.of(new VersionedId(z.getId(), z.getVersion())),
                "重复提交")));
        em.clear();
        assertEquals(Severity.SIGNIFICANT, em.find(Message.class, y.getId()).getSeverity());
        assertEquals(MessageStatus.REJECTED, em.find(Message.class, z.getId()).getStatus());
        for (Message m : List.of(x, y, z)) {
            assertEquals(1L, auditCount(m.getId()));
        }
    }

    @Test
    void possibleDuplicatesAreRankedBySimilarityAndExcludeTheMessageItself() throws Exception {
        String n = nonce();
        Message source = create("幸福小区垃圾站臭味扰民" + n, "幸福小区东门垃圾站每天傍晚臭味很重，蚊蝇很多，希望尽快清运整治。", null);
        Message close = create("幸福小区垃圾站臭味严重" + n, "幸福小区东门垃圾站臭味很重，蚊蝇多，请尽快清运整治。", null);
        Message partly = create("小区垃圾站问题" + n, "垃圾站有臭味。", null);
        Message unrelated = create("夔鼗龘齉", "麤靐齾爩", null); // no nonce: it shares nothing

        List<DuplicateCandidate> found = as(() -> intake.duplicates(source.getId()));
        List<Long> ids = found.stream().map(DuplicateCandidate::id).toList();
        assertTrue(found.size() <= 10);
        assertEquals(close.getId(), ids.get(0), "the closest text ranks first: " + found);
        assertTrue(ids.indexOf(partly.getId()) > 0, "the partly similar one is found after it: " + found);
        assertFalse(ids.contains(source.getId()), "never itself");
        assertFalse(ids.contains(unrelated.getId()), "nothing in common, not listed");
        assertTrue(found.get(0).similarity() > found.get(ids.indexOf(partly.getId())).similarity());
        assertFalse(found.get(0).mergeTarget(), "a waiting message is no merge target yet");
    }

    @Test
    void theJsonResourceServesTheQueueTheStaffViewAndTheActions() throws Exception {
        String n = nonce();
        Message m = create("接口测试" + n, "正文" + n, "13900000002");
        Message r = create("接口驳回" + n, "正文", null);
        Message d = create("接口合并" + n, "正文", null);
        tx.begin();
        em.persist(new Attachment(em.find(Message.class, m.getId()), "现场照片.jpg", "image/jpeg", 204_800,
                "0".repeat(64), "test/" + n + ".jpg", OffsetDateTime.now()));
        tx.commit();

        QueuePage first = as(() -> resource.queue(null, 100));
        assertFalse(first.items().isEmpty());
        assertTrue(first.items().size() <= 100);
        Long after = first.next();
        boolean seen = first.items().stream().anyMatch(q -> q.id() == m.getId());
        while (!seen && after != null) {
            Long cursor = after;
            QueuePage page = as(() -> resource.queue(cursor, 100));
            seen = page.items().stream().anyMatch(q -> q.id() == m.getId());
            after = page.next();
        }
        assertTrue(seen, "the new message is in the queue");

        MessageDetail detail = as(() -> resource.message(m.getId()));
        assertEquals("139****0002", detail.contactPhone(), "staff see contact data masked; in full only on request");
        assertEquals(m.getTitle(), detail.title());
        assertEquals(List.of(new AttachmentInfo(detail.attachments().get(0).id(), "现场照片.jpg", "image/jpeg",
                204_800)), detail.attachments());

        ActionResult reg = as(() -> resource.register(m.getId(), new RegisterRequest(detail.version(), null, null,
                Severity.EXTRAORDINARY, WarningColour.RED, true, false)));
        assertEquals(MessageStatus.REGISTERED, reg.status());
        assertEquals(MessageStatus.REJECTED,
                as(() -> resource.reject(r.getId(), new RejectRequest(r.getVersion(), "不属于本地管辖"))).status());
        assertEquals(MessageStatus.MERGED,
                as(() -> resource.merge(d.getId(), new MergeRequest(d.getVersion(), m.getId()))).status());
        assertFalse(as(() -> resource.queue(null, 100)).items().stream().anyMatch(q -> q.id() == m.getId()));
        assertTrue(as(() -> intake.openMajorAlerts()).stream().anyMatch(a -> a.id() == m.getId()
                && a.severity() == Severity.EXTRAORDINARY));
    }

    @Test
    @RunAsClient
    void theApiRefusesCallersWithoutTheRoleAndListsFieldProblems() throws Exception {
        HttpResponse<String> queue = send(HttpRequest.newBuilder(uri("api/v1/intake/queue")).GET());
        assertEquals(401, queue.statusCode(), "anonymous: " + queue.body());
        assertEquals("unauthenticated", json(queue.body()).getString("code"));

        HttpResponse<String> register = send(HttpRequest.newBuilder(uri("api/v1/intake/messages/1/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"version\":0,\"severity\":\"ORDINARY\",\"warningColour\":\"BLUE\"}")));
        assertEquals(401, register.statusCode(), register.body());
        HttpResponse<String> detail = send(HttpRequest.newBuilder(uri("api/v1/intake/messages/1")).GET());
        assertEquals(401, detail.statusCode(), "no contact data without the role: " + detail.body());

        HttpResponse<String> invalid = send(HttpRequest.newBuilder(uri("api/v1/intake/messages/1/reject"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + "长".repeat(501) + "\"}")));
        assertEquals(400, invalid.statusCode(), invalid.body());
        JsonObject problems = json(invalid.body());
        assertEquals("invalid", problems.getString("code"));
        List<String> fields = problems.getJsonArray("fields").stream()
                .map(f -> f.asJsonObject().getString("field")).toList();
        assertEquals(2, fields.size(), fields.toString());
        assertTrue(fields.get(0).endsWith("reason") && fields.get(1).endsWith("version"), fields.toString());

        HttpResponse<String> openapi = send(HttpRequest.newBuilder(uri("/openapi")).GET());
        assertTrue(openapi.body().contains("/api/v1/intake/messages/{id}/register"), "documented");
    }

    // --- helpers ---

    private <T> T as(Callable<T> work) throws Exception {
        try {
            return officer.call(work);
        } catch (jakarta.ejb.EJBException e) {
            throw e.getCausedByException() != null ? e.getCausedByException() : e;
        }
    }

    private boolean leaderSees(long id) throws Exception {
        return leader.call(() -> intake.openMajorAlerts()).stream().anyMatch(a -> a.id() == id);
    }

    private Message create(String title, String body, String phone) throws Exception {
        tx.begin();
        Message m = new Message(TrackingCode.generate(), MessageKind.COMPLAINT, title, body, OffsetDateTime.now());
        m.setContactPhone(phone);
        m.setDisplayName("测试网友");
        m.setSearchText(tokenizer.indexText(title, body));
        em.persist(m);
        tx.commit();
        return m;
    }

    private long category(String code) {
        return em.createQuery("select c from Category c where c.code = :c", Category.class).setParameter("c", code)
                .getSingleResult().getId();
    }

    private long auditCount(long messageId) {
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where object_type = 'message'"
                + " and object_id = ?1").setParameter(1, messageId).getSingleResult()).longValue();
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String nonce() {
        return Long.toString(System.nanoTime(), 36);
    }

    private URI uri(String path) throws Exception {
        return new URL(base, path).toURI();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
