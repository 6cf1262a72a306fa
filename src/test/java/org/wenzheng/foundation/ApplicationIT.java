package org.wenzheng.foundation;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import org.wenzheng.audit.AuditEntry;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.board.BoardService;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.PublicMessage;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.handling.CaseService;
import org.wenzheng.intake.Severity;
import org.wenzheng.intake.WarningColour;
import org.wenzheng.people.PasswordHasher;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.SignInResult;
import org.wenzheng.testsupport.Deployments;
import org.wenzheng.testsupport.TestApiTokens;
import org.wenzheng.testsupport.TestDb;
import org.wenzheng.people.ApiTokenService;
import jakarta.ejb.EJBAccessException;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application deployed on Payara Micro against real PostgreSQL: migrations, JPA mappings, the rules that keep
 * unaccepted messages off the board, Chinese search through the generated tsvector, sign-in with lockout, a role
 * check on a service, the audit chain, the health checks and the public JSON API.
 */
@ExtendWith(ArquillianExtension.class)
class ApplicationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application().addClass(AsAdministrator.class)
                .addAsWebInfResource("foundation/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsWebInfResource("foundation/glassfish-web.xml", "glassfish-web.xml");
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    BoardService board;

    @Inject
    PeopleService people;

    @Inject
    PasswordHasher hasher;

    @Inject
    CaseService cases;

    @Inject
    AuditTrail audit;

    @Inject
    org.wenzheng.deadline.DeadlineService deadlines;

    @Inject
    SearchTokenizer tokenizer;

    @Inject
    ApiTokenService tokens;

    @Inject
    AsAdministrator asAdmin;

    @ArquillianResource
    URL base;

    @Test
    void migrationsCreatedTheSchemaAndTheOfficialCalendar() {
        Number days = (Number) em.createNativeQuery(
                "select count(*) from calendar_day where extract(year from day) in (2025, 2026)").getSingleResult();
        assertEquals(72, days.intValue());
        Object kind = em.createNativeQuery("select kind from calendar_day where day = date '2026-10-10'")
                .getSingleResult();
        assertEquals("WORKDAY", kind, "the National Day make-up Saturday is a working day");
    }

    @Test
    void dueDatesComeFromTheCalendarInTheDatabase() {
        // Posted Wednesday 2026-09-30 10:00 in Shanghai: the National Day holiday (10-01..10-07) is skipped and the
        // make-up Saturday 10-10 counts, so the third working day ends 2026-10-10 17:00.
        var due = deadlines.forMessage(java.time.OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant());
        assertEquals(java.time.OffsetDateTime.parse("2026-10-10T17:00:00+08:00").toInstant(), due.due());
        assertTrue(due.explainZh().contains("国庆节"), due.explainZh());
    }

    @Test
    void aMessageIsOnTheBoardOnlyOnceAcceptedAndNeverWhenPrivate() throws Exception {
        Person officer = people.findByUsername("intake").orElseThrow();
        tx.begin();
        Message open = newMessage("测试：公开留言" + System.nanoTime());
        Message secret = newMessage("测试：不公开的留言" + System.nanoTime());
        secret.setPrivateMessage(true);
        em.persist(open);
        em.persist(secret);
        tx.commit();

        assertFalse(titlesOnBoard().contains(open.getTitle()), "not public before acceptance (先审后发)");

        tx.begin();
        OffsetDateTime now = OffsetDateTime.now();
        em.find(Message.class, open.getId()).register(officer, now, Severity.ORDINARY, WarningColour.BLUE, false, true);
        em.find(Message.class, secret.getId()).register(officer, now, Severity.ORDINARY, WarningColour.BLUE, false,
                true);
        tx.commit();

        List<String> titles = titlesOnBoard();
        assertTrue(titles.contains(open.getTitle()));
        assertFalse(titles.contains(secret.getTitle()), "a private message never reaches the board");
    }

    @Test
    void chineseSearchFindsTwoCharacterWordsThroughTheIndexedVector() throws Exception {
        tx.begin();
        Message m = newMessage("小区门口停车收费太贵" + System.nanoTime());
        m.setSearchText(tokenizer.indexText(m.getTitle(), "晚上噪音也很大，希望整改。"));
        em.persist(m);
        tx.commit();

        for (String query : List.of("停车", "噪音", "停车收费")) {
            String tsQuery = tokenizer.tsQuery(query).orElseThrow();
            List<?> ids = em.createNativeQuery(
                            "select id from message where search_vector @@ to_tsquery('simple', ?1)")
                    .setParameter(1, tsQuery).getResultList();
            assertTrue(ids.stream().anyMatch(id -> ((Number) id).longValue() == m.getId()),
                    "search for " + query + " finds the message");
        }
        String nothing = tokenizer.tsQuery("拆迁").orElseThrow();
        List<?> none = em.createNativeQuery("select id from message where id = ?1 and search_vector @@"
                + " to_tsquery('simple', ?2)").setParameter(1, m.getId()).setParameter(2, nothing).getResultList();
        assertTrue(none.isEmpty());
    }

    @Test
    void signInChecksThePasswordAndLocksAfterFiveFailures() throws Exception {
        String username = "locktest" + System.nanoTime() % 100000;
        tx.begin();
        Person p = new Person(username, "锁定测试", hasher.hash("correct horse battery"), OffsetDateTime.now());
        p.getRoles().add(Role.SUPERVISOR);
        em.persist(p);
        tx.commit();

        SignInResult ok = people.signIn(username, "correct horse battery");
        assertInstanceOf(SignInResult.Success.class, ok);
        assertEquals(java.util.Set.of(Role.SUPERVISOR), ((SignInResult.Success) ok).roles());
        assertInstanceOf(SignInResult.Invalid.class, people.signIn("no-such-user", "whatever"));

        for (int i = 0; i < 4; i++) {
            assertInstanceOf(SignInResult.Invalid.class, people.signIn(username, "wrong"));
        }
        assertInstanceOf(SignInResult.Locked.class, people.signIn(username, "wrong"));
        assertInstanceOf(SignInResult.Locked.class, people.signIn(username, "correct horse battery"),
                "a locked account stays locked even with the right password");
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndAStrongNewOne() throws Exception {
        String username = "pwtest" + System.nanoTime() % 100000;
        tx.begin();
        Person p = new Person(username, "改密测试", hasher.hash("first-Pass-2026!"), OffsetDateTime.now());
        p.getRoles().add(Role.SUPERVISOR);
        p.setMustChangePassword(true);
        em.persist(p);
        tx.commit();

        assertEquals("password.currentWrong", refusal(() -> people.changePassword(username, "wrong", "x")));
        assertEquals("password.weak", refusal(() -> people.changePassword(username, "first-Pass-2026!", "password123")));
        assertEquals("password.tooShort", refusal(() -> people.changePassword(username, "first-Pass-2026!", "a1!")));
        assertEquals("password.same",
                refusal(() -> people.changePassword(username, "first-Pass-2026!", "first-Pass-2026!")));

        people.changePassword(username, "first-Pass-2026!", "长江大桥-Tuesday-4711");
        assertFalse(people.findByUsername(username).orElseThrow().isMustChangePassword());
        assertInstanceOf(SignInResult.Success.class, people.signIn(username, "长江大桥-Tuesday-4711"));
        assertInstanceOf(SignInResult.Invalid.class, people.signIn(username, "first-Pass-2026!"));
    }

    private static String refusal(Runnable change) {
        return assertThrows(org.wenzheng.people.PasswordChangeRefused.class, change::run).messageKey();
    }

    @Test
    void aServiceRefusesACallerWithoutTheRole() {
        EJBException refused = assertThrows(EJBException.class, () -> cases.myUnitsOpenCases(10));
        assertInstanceOf(jakarta.ejb.EJBAccessException.class, refused);
    }

    @Test
    void theAuditChainVerifiesAndNamesTheFirstTamperedEntry() throws Exception {
        tx.begin();
        AuditEntry first = audit.record("tester", "ADMINISTRATOR", "TEST", "message", 1L, null, "{\"a\":1}");
        AuditEntry second = audit.record("tester", "ADMINISTRATOR", "TEST", "message", 1L, "{\"a\":1}", "{\"a\":2}");
        tx.commit();
        assertEquals(first.getEntryHash(), second.getPrevHash());
        assertEquals(Optional.empty(), audit.firstBrokenEntry().map(AuditEntry::getId));

        tx.begin();
        assertEquals(3, audit.recordAll("tester", "LEADER", java.util.List.of(
                new org.wenzheng.audit.AuditTrail.Change("TEST_BULK", "message", 7L, null, "{\"n\":1}"),
                new org.wenzheng.audit.AuditTrail.Change("TEST_BULK", "message", 8L, null, "{\"n\":2}"),
                new org.wenzheng.audit.AuditTrail.Change("TEST_BULK", "message", 9L, null, "{\"n\":3}"))));
        AuditEntry third = audit.record("tester", "ADMINISTRATOR", "TEST", "message", 1L, null, null);
        tx.commit();
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> bulk = em.createNativeQuery("select object_id, prev_hash, entry_hash from audit_entry"
                + " where action = 'TEST_BULK' and id > ?1 order by id").setParameter(1, second.getId()).getResultList();
        assertEquals(java.util.List.of(7L, 8L, 9L), bulk.stream().map(r -> ((Number) r[0]).longValue()).toList());
        assertEquals(bulk.get(0)[2], bulk.get(1)[1], "bulk entries are chained in order");
        assertEquals(bulk.get(2)[2], third.getPrevHash(), "the next single entry follows the bulk ones");
        assertEquals(Optional.empty(), audit.firstBrokenEntry().map(AuditEntry::getId));

        tx.begin();
        assertThrows(Exception.class, () -> em.createNativeQuery(
                "update audit_entry set actor = 'mallory' where id = ?1").setParameter(1, first.getId())
                .executeUpdate(), "the trigger refuses changes to the trail");
        tx.rollback();

        tamper("update audit_entry set actor = 'mallory' where id = " + first.getId());
        try {
            assertEquals(Optional.of(first.getId()), audit.firstBrokenEntry().map(AuditEntry::getId));
        } finally {
            tamper("update audit_entry set actor = 'tester' where id = " + first.getId());
        }
        assertEquals(Optional.empty(), audit.firstBrokenEntry().map(AuditEntry::getId));
    }

    @Test
    @RunAsClient
    void healthChecksIncludeTheDatabase() throws Exception {
        HttpResponse<String> ready = get(new URL(base, "/health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject json = Json.createReader(new StringReader(ready.body())).readObject();
        assertEquals("UP", json.getString("status"));
        assertTrue(json.getJsonArray("checks").stream()
                .map(c -> c.asJsonObject().getString("name")).anyMatch("database"::equals));
        assertEquals(200, get(new URL(base, "/health/live")).statusCode());
    }

    @Test
    @RunAsClient
    void everyRenderedReadingPageGivesItsTurnBack() throws Exception {
        JsonObject before = publicPageCacheHealth();
        int turns = (int) number(before, "renderTurns");
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), turns, "the default: two per processor");
        // More renders than turns, one after another, stored (a new query each time) and not stored (a request with
        // credentials): had one kept its turn, a later one would wait and then render without a turn.
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i <= turns; i++) {
            URI page = new URL(base, "board/index.xhtml?q=turn" + i + "&page=1").toURI();
            assertEquals(200, http.send(HttpRequest.newBuilder(page).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(200, http.send(HttpRequest.newBuilder(page).header("Authorization", "Bearer none").build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        JsonObject after = publicPageCacheHealth();
        assertEquals(0, number(after, "waitingForTurn"));
        assertEquals(number(before, "renderedWithoutTurn"), number(after, "renderedWithoutTurn"));
    }

    /** Payara's health output gives a check's numeric data as numbers or as strings, by type. */
    private static long number(JsonObject data, String key) {
        return Long.parseLong(data.get(key).toString().replace("\"", ""));
    }

    private JsonObject publicPageCacheHealth() throws Exception {
        HttpResponse<String> live = get(new URL(base, "/health/live"));
        assertEquals(200, live.statusCode(), live.body());
        return Json.createReader(new StringReader(live.body())).readObject().getJsonArray("checks").stream()
                .map(c -> c.asJsonObject())
                .filter(c -> "public-page-cache".equals(c.getString("name")))
                .findFirst().orElseThrow().getJsonObject("data");
    }

    @Test
    @RunAsClient
    void theBoardApiListsPublicMessagesWithoutPersonalData() throws Exception {
        HttpResponse<String> response = get(new URL(base, "api/v1/board/messages?size=5"));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonArray messages = Json.createReader(new StringReader(response.body())).readArray();
        assertFalse(messages.isEmpty());
        assertTrue(messages.size() <= 5);
        for (var m : messages) {
            JsonObject o = m.asJsonObject();
            assertFalse(o.getString("title").isBlank());
            assertFalse(o.containsKey("contactPhone") || o.containsKey("contactEmail") || o.containsKey("trackingCode"));
        }
        HttpResponse<String> openapi = get(new URL(base, "/openapi"));
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/board/messages"));
    }

    @Test
    @RunAsClient
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("", "login.xhtml", "api/v1/board/messages")) {
            HttpResponse<String> r = get(new URL(base, path));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            // No framing at all (CSP frame-ancestors 'none', issue #8).
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
            assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), path);
        }
        assertEquals("no-store", get(new URL(base, "login.xhtml")).headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    @RunAsClient
    void staffApiCallsNeedAUsableTokenWithTheRole() throws Exception {
        URL queue = new URL(base, "api/v1/intake/queue");
        String intake = TestApiTokens.mint("intake", "INTAKE_OFFICER");
        HttpResponse<String> ok = get(queue, intake);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().startsWith("{") || ok.body().startsWith("["), ok.body());

        HttpResponse<String> anonymous = get(queue);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> unknown = get(queue, "wzt_" + "x".repeat(43));
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.body().contains("invalid_token"), unknown.body());
        assertTrue(unknown.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

        // The liaison's token carries only LIAISON: the intake queue is refused, not just hidden.
        HttpResponse<String> wrongRole = get(queue, TestApiTokens.mint("liaison", "LIAISON"));
        assertEquals(403, wrongRole.statusCode(), wrongRole.body());
        // A token naming a role its person does not hold grants nothing.
        assertEquals(401, get(queue, TestApiTokens.mint("liaison", "INTAKE_OFFICER")).statusCode());

        try (var db = TestDb.connect(); var revoke = db.prepareStatement(
                "update api_token set revoked_at = now() where token_hash = ?")) {
            revoke.setString(1, org.wenzheng.people.ApiToken.hash(intake));
            assertEquals(1, revoke.executeUpdate());
        }
        assertEquals(401, get(queue, intake).statusCode(), "a revoked token stops at once");
    }

    @Test
    void theAdministratorIssuesAndRevokesTokensAndOnlyTheHashIsKept() throws Exception {
        ApiTokenService.Issued issued = asAdmin.call(() -> tokens.issue("12345 热线对接", "intake",
                java.util.Set.of(org.wenzheng.people.Role.INTAKE_OFFICER), null));
        assertTrue(issued.token().startsWith("wzt_"));
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from api_token where token_hash = ?1")
                .setParameter(1, org.wenzheng.people.ApiToken.hash(issued.token())).getSingleResult()).longValue());
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from api_token where token_hash = ?1")
                .setParameter(1, issued.token()).getSingleResult()).longValue(), "the secret itself is not stored");
        assertEquals("intake", tokens.authenticate(issued.token()).orElseThrow().username());
        assertThrows(EJBAccessException.class, () -> tokens.issue("x", "intake",
                java.util.Set.of(org.wenzheng.people.Role.INTAKE_OFFICER), null), "only the administrator issues");
        var refused = assertThrows(org.wenzheng.common.ActionRefused.class, () -> asAdmin.call(() -> tokens.issue(
                "x", "liaison", java.util.Set.of(org.wenzheng.people.Role.ADMINISTRATOR), null)));
        assertEquals("token.error.roles", refused.key(), "a token cannot grant a role its person does not hold");
        asAdmin.call(() -> {
            tokens.revoke(issued.id());
            return null;
        });
        assertTrue(tokens.authenticate(issued.token()).isEmpty());
        assertTrue(audit.firstBrokenEntry().isEmpty());
    }

    private void tamper(String sql) throws Exception {
        tx.begin();
        em.createNativeQuery("alter table audit_entry disable trigger audit_entry_no_change").executeUpdate();
        em.createNativeQuery(sql).executeUpdate();
        em.createNativeQuery("alter table audit_entry enable trigger audit_entry_no_change").executeUpdate();
        tx.commit();
        em.clear();
    }

    private List<String> titlesOnBoard() {
        return board.latest(0, 50).stream().map(PublicMessage::title).toList();
    }

    private static Message newMessage(String title) {
        Message m = new Message(TrackingCode.generate(), MessageKind.QUESTION, title, "正文", OffsetDateTime.now());
        m.setContactPhone("13800000000");
        return m;
    }

    private static HttpResponse<String> get(URL url, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.toString()))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URL url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.toString())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
