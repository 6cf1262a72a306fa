package org.wenzheng.people.admin;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenzheng.audit.AuditSearch;
import org.wenzheng.audit.AuditVerifyCommand;
import org.wenzheng.audit.AuditViews.AuditPage;
import org.wenzheng.audit.AuditViews.AuditQuery;
import org.wenzheng.audit.AuditViews.AuditRow;
import org.wenzheng.audit.AuditViews.Verification;
import org.wenzheng.board.posting.ChannelTokenService;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.people.ApiTokenService;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Role;
import org.wenzheng.people.SignInResult;
import org.wenzheng.people.SignInThrottle;
import org.wenzheng.people.catalog.CatalogService;
import org.wenzheng.people.catalog.CatalogViews.BoardSettingsData;
import org.wenzheng.people.catalog.CatalogViews.CategoryData;
import org.wenzheng.people.admin.AdminViews.NewPerson;
import org.wenzheng.people.admin.AdminViews.PersonChange;
import org.wenzheng.people.admin.AdminViews.PersonData;
import org.wenzheng.people.admin.AdminViews.UnitCommand;
import org.wenzheng.people.admin.AdminViews.UnitData;
import org.wenzheng.testsupport.Deployments;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Administration against real PostgreSQL: units (tree without loops, head, liaisons) and people (roles, initial
 * password policy), deactivation that blocks sign-in, ends sessions and stops API tokens, unlocking, the
 * last-administrator guard, refusal of non-administrators (service, page and API), API tokens issued, listed and
 * revoked through the API, sign-out everywhere over HTTP with cookies, sign-in throttling per address (behind a
 * trusted proxy, so the run's other tests on this machine's addresses are not affected), audit search and export,
 * a tampered audit entry found and named by the page's service and by the operators' command (inside a transaction
 * that is rolled back), and categories and board settings with their history.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeopleAdminIT {

    static final String PASSWORD = "Qiantang-潮水-8842-night";
    static final String PARENT = "PAIT-P";
    static final String CHILD = "PAIT-C";
    static final String LIAISON = "pait-liaison";
    static final String WORKER = "pait-worker";

    @Deployment
    static WebArchive deployment() {
        // The test's own proxy setting: this JVM's HTTP client is the "proxy" that forwards client addresses.
        JavaArchive config = ShrinkWrap.create(JavaArchive.class, "peopleadmin-test-config.jar")
                .addAsManifestResource(new StringAsset("config_ordinal=150\n"
                        + "wz.http.trusted-proxies=" + localAddresses() + "\n"), "microprofile-config.properties");
        return Deployments.application().addClasses(AsAdministrator.class, AsLeader.class)
                .addAsLibrary(config)
                .addAsWebInfResource("peopleadmin/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsWebInfResource("peopleadmin/glassfish-web.xml", "glassfish-web.xml");
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    org.wenzheng.handling.HandlingService handling;

    @Inject
    UserTransaction tx;

    @Inject
    PeopleAdminService admin;

    @Inject
    PeopleService people;

    @Inject
    AuditSearch audit;

    @Inject
    SignInThrottle throttle;

    @Inject
    ApiTokenService tokens;

    @Inject
    ChannelTokenService channels;

    @Inject
    CatalogService catalog;

    @Inject
    AsAdministrator asAdmin;

    @Inject
    AsLeader asLeader;

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void anAdministratorBuildsAUnitTreeWithoutLoopsAndAddsALiaisonWhoMustChangeThePassword() throws Exception {
        UnitData parent = as(() -> admin.saveUnit(new UnitCommand(null, PARENT, "问政测试总局", "Test Bureau", null,
                "钱局长", "qian@pait.test", null, null, null)));
        UnitData child = as(() -> admin.saveUnit(new UnitCommand(null, CHILD, "问政测试分局", null, parent.id(),
                "孙科长", "sun@pait.test", "office@pait.test", null, null)));
        assertEquals(parent.id(), child.parentId());
        assertEquals(1, child.depth());
        assertEquals("钱局长", parent.headName());

        ActionRefused loop = assertThrows(ActionRefused.class, () -> as(() -> admin.saveUnit(new UnitCommand(
                parent.id(), PARENT, "问政测试总局", null, child.id(), null, null, null, null, parent.version()))));
        assertEquals("admin.unit.error.cycle", loop.key());
        ActionRefused taken = assertThrows(ActionRefused.class, () -> as(() -> admin.saveUnit(new UnitCommand(
                null, "pait-p", "重复", null, null, null, null, null, null, null))));
        assertEquals("admin.unit.error.codeTaken", taken.key());

        ActionRefused weak = assertThrows(ActionRefused.class, () -> as(() -> admin.createPerson(new NewPerson(
                LIAISON, "测试联系员", "liaison@pait.test", "password123", EnumSet.of(Role.LIAISON), Set.of(child.id())))));
        assertEquals("password.weak", weak.key());
        ActionRefused noUnit = assertThrows(ActionRefused.class, () -> as(() -> admin.createPerson(new NewPerson(
                LIAISON, "测试联系员", null, PASSWORD, EnumSet.of(Role.LIAISON), Set.of()))));
        assertEquals("admin.person.error.liaisonUnit", noUnit.key());

        PersonData liaison = as(() -> admin.createPerson(new NewPerson(LIAISON, "测试联系员", "liaison@pait.test",
                PASSWORD, EnumSet.of(Role.LIAISON, Role.SUPERVISOR), Set.of(child.id()))));
        assertTrue(liaison.mustChangePassword());
        assertEquals(EnumSet.of(Role.LIAISON, Role.SUPERVISOR), liaison.roles());
        assertEquals(List.of(child.id()), liaison.unitIds());
        UnitData withLiaison = as(() -> admin.unit(child.id()));
        assertEquals(List.of(LIAISON), withLiaison.liaisons().stream().map(AdminViews.PersonRef::username).toList());

        // The change and its before/after state are in the audit trail, without the password.
        AuditPage created = as(() -> audit.search(new AuditQuery("admin", "person", liaison.id(), "PERSON_CREATED",
                null, null), 0, 10));
        assertEquals(1, created.total());
        AuditRow row = created.rows().get(0);
        assertEquals("ADMINISTRATOR", row.actorRole());
        assertTrue(row.after().contains("\"username\":\"pait-liaison\""), row.after());
        assertTrue(row.after().contains("\"roles\":[\"LIAISON\",\"SUPERVISOR\"]"), row.after());
        assertFalse(row.after().contains(PASSWORD) || row.after().contains("PBKDF2"), row.after());

        PersonData changed = as(() -> admin.changePerson(new PersonChange(liaison.id(), "测试联系员（改）", null,
                EnumSet.of(Role.LIAISON), Set.of(child.id(), parent.id()), liaison.version())));
        assertEquals(EnumSet.of(Role.LIAISON), changed.roles());
        assertEquals(2, changed.unitIds().size());
        AuditRow change = as(() -> audit.search(new AuditQuery(null, "person", liaison.id(), "person_changed", null,
                null), 0, 10)).rows().get(0);
        assertTrue(change.before().contains("SUPERVISOR") && !change.after().contains("SUPERVISOR"),
                change.before() + " → " + change.after());
    }

    @Test
    @Order(2)
    void someoneWhoIsNotAnAdministratorIsRefusedByTheServiceAndTheApi() throws Exception {
        assertThrows(EJBAccessException.class, () -> runAs(asLeader::call, () -> admin.units()));
        assertThrows(EJBAccessException.class, () -> runAs(asLeader::call, () -> audit.verify()));
        HttpClient leader = signIn("leader", "wenzheng-demo", null);
        assertEquals(403, get(leader, "office/admin/people.xhtml").statusCode());
        String leaderToken = token("leader", Role.LEADER);
        assertEquals(403, get(client(), "api/v1/admin/people", leaderToken).statusCode());

        // The administrator's API, with a token issued through the API itself, listed, then revoked.
        String adminToken = token("admin", Role.ADMINISTRATOR);
        HttpResponse<String> list = get(client(), "api/v1/admin/units", adminToken);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"code\":\"PAIT-C\""), list.body());
        HttpResponse<String> issued = send(client(), "POST", "api/v1/admin/tokens", adminToken,
                "{\"name\":\"12345热线\",\"username\":\"leader\",\"roles\":[\"LEADER\"]}");
        assertEquals(201, issued.statusCode(), issued.body());
        var body = Json.createReader(new StringReader(issued.body())).readObject();
        String secret = body.getString("token");
        long tokenId = body.getJsonNumber("id").longValue();
        assertEquals(403, get(client(), "api/v1/admin/units", secret).statusCode(),
                "the new token authenticates as the leader (403, not 401), who is refused administration");
        HttpResponse<String> listed = get(client(), "api/v1/admin/tokens", adminToken);
        assertTrue(listed.body().contains("12345热线") && !listed.body().contains(secret), listed.body());
        assertEquals(204, send(client(), "DELETE", "api/v1/admin/tokens/" + tokenId, adminToken, null).statusCode());
        assertEquals(401, get(client(), "api/v1/admin/units", secret).statusCode(), "revoked");
    }

    @Test
    @Order(2)
    void channelTokensAreIssuedUsedRotatedAndRevokedByTheAdministratorOnly() throws Exception {
        assertThrows(EJBAccessException.class, () -> runAs(asLeader::call, () -> channels.list()));
        assertThrows(EJBAccessException.class, () -> runAs(asLeader::call, () -> channels.issue("leader-made")));
        assertEquals(403, get(client(), "api/v1/admin/channels", token("leader", Role.LEADER)).statusCode());
        String admin = token("admin", Role.ADMINISTRATOR);

        HttpResponse<String> web = send(client(), "POST", "api/v1/admin/channels", admin, "{\"name\":\"web\"}");
        assertEquals(400, web.statusCode(), web.body());
        assertTrue(web.body().contains("not WEB") || web.body().contains("WEB"), web.body());
        assertEquals(400, send(client(), "POST", "api/v1/admin/channels", admin, "{\"name\":\"热线\"}").statusCode());

        String name = "hotline-" + System.nanoTime() % 1_000_000;
        var first = issueChannel(admin, name);
        var second = issueChannel(admin, name);
        assertEquals(name, first.getString("name"));
        String firstToken = first.getString("token");
        String secondToken = second.getString("token");
        long categoryId = ((Number) em.createNativeQuery("select id from category where active order by sort_order"
                + " limit 1").getSingleResult()).longValue();
        String message = "{\"kind\":\"QUESTION\",\"categoryId\":" + categoryId + ",\"title\":\"渠道令牌测试\","
                + "\"body\":\"轮换令牌前后都能提交。%s\",\"phone\":\"1390000%04d\"}";
        HttpResponse<String> posted = send(client(), "POST", "api/v1/messages", firstToken,
                message.formatted("一", System.nanoTime() % 10_000));
        assertEquals(201, posted.statusCode(), posted.body());
        long messageId = Json.createReader(new StringReader(posted.body())).readObject()
                .getJsonNumber("id").longValue();
        assertEquals(name, em.createNativeQuery("select channel from message where id = ?1")
                .setParameter(1, messageId).getSingleResult(), "the message records the channel");

        HttpResponse<String> listed = get(client(), "api/v1/admin/channels", admin);
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains(name) && !listed.body().contains(firstToken)
                && !listed.body().contains(secondToken), "listed, never with the secret: " + listed.body());
        assertTrue(listed.body().contains("\"prefix\":\"" + firstToken.substring(0, 6) + "\""), listed.body());
        assertNotNull(em.createNativeQuery("select last_used_at from channel_token where id = ?1")
                .setParameter(1, first.getJsonNumber("id").longValue()).getSingleResult(), "its use is noted");

        // Rotation: the old token is revoked, refused at once; the new one goes on working.
        assertEquals(204, send(client(), "DELETE", "api/v1/admin/channels/" + first.getJsonNumber("id"), admin,
                null).statusCode());
        assertEquals(401, send(client(), "POST", "api/v1/messages", firstToken,
                message.formatted("二", System.nanoTime() % 10_000)).statusCode(), "revoked, though believed a moment ago");
        assertEquals(201, send(client(), "POST", "api/v1/messages", secondToken,
                message.formatted("三", System.nanoTime() % 10_000)).statusCode());
        assertEquals(404, send(client(), "DELETE", "api/v1/admin/channels/999999999", admin, null).statusCode());
        assertEquals(2L, ((Number) em.createNativeQuery("select count(*) from audit_entry where object_type ="
                + " 'channel_token' and object_id = ?1 and action in ('CHANNEL_TOKEN_ISSUED', 'CHANNEL_TOKEN_REVOKED')")
                .setParameter(1, first.getJsonNumber("id").longValue()).getSingleResult()).longValue());
    }

    private jakarta.json.JsonObject issueChannel(String adminToken, String name) throws Exception {
        HttpResponse<String> issued = send(client(), "POST", "api/v1/admin/channels", adminToken,
                "{\"name\":\"" + name + "\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        return Json.createReader(new StringReader(issued.body())).readObject();
    }

    @Test
    @Order(3)
    void deactivationEndsTheSessionAndBlocksSignIn() throws Exception {
        PersonData worker = as(() -> admin.createPerson(new NewPerson(WORKER, "测试督办员", null, PASSWORD,
                EnumSet.of(Role.SUPERVISOR), Set.of())));
        tx.begin();
        em.createNativeQuery("update person set must_change_password = false where username = ?1")
                .setParameter(1, WORKER).executeUpdate();
        tx.commit();
        HttpClient session = signIn(WORKER, PASSWORD, "198.51.100.31");
        assertTrue(get(session, "office/index.xhtml").body().contains("office-title"));
        String workerToken = token(WORKER, Role.SUPERVISOR);
        assertEquals(403, get(client(), "api/v1/admin/units", workerToken).statusCode(), "known but not allowed");

        as(() -> admin.setPersonActive(worker.id(), false));
        HttpResponse<String> after = get(session, "office/index.xhtml");
        assertTrue(after.uri().toString().contains("login.xhtml"), after.uri().toString());
        assertTrue(after.body().contains("session-ended"), "sent to sign in with a note");
        assertInstanceOf(SignInResult.Invalid.class, people.signIn(WORKER, PASSWORD));
        assertEquals(401, get(client(), "api/v1/admin/units", workerToken).statusCode(), "the token stops working");
        HttpResponse<String> again = signInAttempt(client(), WORKER, PASSWORD, "198.51.100.31");
        assertTrue(again.body().contains("用户名或密码不正确"), again.body());

        as(() -> admin.setPersonActive(worker.id(), true));
        assertInstanceOf(SignInResult.Success.class, people.signIn(WORKER, PASSWORD));

        // Five wrong passwords lock the account; the administrator unlocks it.
        for (int i = 0; i < 5; i++) {
            people.signIn(WORKER, "not-the-password");
        }
        assertInstanceOf(SignInResult.Locked.class, people.signIn(WORKER, PASSWORD));
        assertTrue(as(() -> admin.person(worker.id())).locked());
        assertFalse(as(() -> admin.unlock(worker.id())).locked());
        assertInstanceOf(SignInResult.Success.class, people.signIn(WORKER, PASSWORD));
    }

    @Test
    @Order(4)
    void theLastActiveAdministratorCannotDeactivateThemselvesOrDropTheRole() throws Exception {
        PersonData second = as(() -> admin.createPerson(new NewPerson("pait-admin2", "第二管理员", null, PASSWORD,
                EnumSet.of(Role.ADMINISTRATOR), Set.of())));
        assertFalse(as(() -> admin.setPersonActive(second.id(), false)).active(), "another administrator remains");

        Long adminId = people.findByUsername("admin").orElseThrow().getId();
        ActionRefused self = onlyTheDemoAdministratorActive(() -> as(() -> admin.setPersonActive(adminId, false)));
        assertEquals("admin.person.error.lastAdmin", self.key());
        PersonData me = as(() -> admin.person(adminId));
        ActionRefused role = onlyTheDemoAdministratorActive(() -> as(() -> admin.changePerson(new PersonChange(
                adminId, me.displayName(), me.email(), EnumSet.of(Role.SUPERVISOR), Set.of(), me.version()))));
        assertEquals("admin.person.error.lastAdmin", role.key());
        assertTrue(people.findByUsername("admin").orElseThrow().isActive());
    }

    @Test
    @Order(5)
    void signingOutEverywhereEndsTheOlderSessionsAndANewSignInWorks() throws Exception {
        HttpClient older = signIn(WORKER, PASSWORD, "198.51.100.32");
        assertTrue(get(older, "office/index.xhtml").body().contains("office-title"));
        HttpClient olderApi = signIn(WORKER, PASSWORD, "198.51.100.33");
        assertFalse(get(olderApi, "api/v1/cases/0").statusCode() == 401, "the API reads with a page's sign-in");

        // The person ends all their sessions from another place (here their integration's token).
        HttpResponse<String> ended = send(client(), "POST", "api/v1/account/sign-out-everywhere",
                token(WORKER, Role.SUPERVISOR), null);
        assertEquals(200, ended.statusCode(), ended.body());
        HttpResponse<String> page = get(older, "office/index.xhtml");
        assertTrue(page.uri().toString().contains("login.xhtml?ended=true"), page.uri().toString());
        assertTrue(page.body().contains("session-ended"), "told why");
        assertEquals(401, get(olderApi, "api/v1/cases/0").statusCode(), "the API, which reads with a session, too");

        HttpClient newer = signIn(WORKER, PASSWORD, "198.51.100.34");
        assertTrue(get(newer, "office/index.xhtml").body().contains("office-title"), "a new session works");
        // The administrator can end someone else's sessions too.
        Long id = people.findByUsername(WORKER).orElseThrow().getId();
        as(() -> admin.endSessions(id));
        assertTrue(get(newer, "office/index.xhtml").uri().toString().contains("login.xhtml"));
        assertEquals(1, as(() -> audit.search(new AuditQuery(WORKER, "person", id, "SESSIONS_ENDED", null, null),
                0, 10)).total(), "the person's own action is audited under their name");
        assertEquals(1, as(() -> audit.search(new AuditQuery("admin", "person", id, "SESSIONS_ENDED", null, null),
                0, 10)).total());
    }

    @Test
    @Order(6)
    void tooManyFailuresFromOneAddressRefuseItWithATranslatedMessage() throws Exception {
        String address = "203.0.113.77";
        for (int i = 0; i < 20; i++) {
            assertTrue(throttle.failed(address).isEmpty(), "failure " + (i + 1) + " is within the limit");
        }
        assertTrue(throttle.failed(address).isPresent(), "the 21st failure refuses the address");
        HttpResponse<String> refused = signInAttempt(client(), WORKER, PASSWORD, address);
        assertTrue(refused.body().contains("该网络地址登录失败次数过多"), refused.uri() + " "
                + refused.body().replaceAll("(?s)^.*<main", "<main"));
        assertFalse(refused.body().contains("office-title"), "not signed in even with the right password");
        HttpResponse<String> elsewhere = signInAttempt(client(), WORKER, PASSWORD, "203.0.113.78");
        assertTrue(elsewhere.body().contains("office-title"), "another address signs in");
        HttpResponse<String> forged = signInAttempt(client(), WORKER, PASSWORD, "198.51.100.35, " + address);
        assertFalse(forged.body().contains("office-title"), "the right-most forwarded address is the one counted");
    }

    @Test
    @Order(7)
    void theAuditTrailIsSearchedByObjectAndPeriodAndExportedAsCsvAndJson() throws Exception {
        Long unitId = as(() -> admin.units()).stream().filter(u -> u.code().equals(CHILD)).findFirst().orElseThrow().id();
        LocalDate today = LocalDate.now(AuditSearch.CHINA);
        AuditQuery byUnit = new AuditQuery(null, "unit", unitId, null, today.minusDays(1), today.plusDays(1));
        AuditPage page = as(() -> audit.search(byUnit, 0, 10));
        assertEquals(1, page.total(), "created once");
        assertEquals("UNIT_CREATED", page.rows().get(0).action());
        assertEquals(0, as(() -> audit.search(new AuditQuery(null, "unit", unitId, null, today.minusDays(30),
                today.minusDays(2)), 0, 10)).total(), "nothing in an earlier period");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        assertEquals(1, as(() -> audit.exportCsv(byUnit, csv)));
        byte[] bytes = csv.toByteArray();
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte order mark for Excel");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertEquals("id,occurred_at,actor,actor_role,action,object_type,object_id,before,after,entry_hash", lines[0]);
        assertTrue(lines[1].contains(",admin,ADMINISTRATOR,UNIT_CREATED,unit," + unitId + ","), lines[1]);
        assertTrue(lines[1].contains("问政测试分局"), lines[1]);

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        as(() -> audit.exportJson(byUnit, json));
        JsonArray array = Json.createReader(new StringReader(json.toString(StandardCharsets.UTF_8))).readArray();
        assertEquals(1, array.size());
        assertEquals("UNIT_CREATED", array.getJsonObject(0).getString("action"));
        assertEquals(unitId.longValue(), array.getJsonObject(0).getJsonNumber("objectId").longValue());
        long exports = as(() -> audit.search(new AuditQuery("admin", "audit", null, "AUDIT_EXPORTED", today, today),
                0, 10)).total();
        assertTrue(exports >= 2, "both exports are themselves audited: " + exports);

        HttpResponse<String> api = get(client(), "api/v1/admin/audit?objectType=unit&objectId=" + unitId,
                token("admin", Role.ADMINISTRATOR));
        assertEquals(200, api.statusCode(), api.body());
        assertTrue(api.body().contains("\"total\":1"), api.body());
    }

    @Test
    @Order(8)
    void aTamperedEntryBreaksTheChainAndIsNamed() throws Exception {
        assertTrue(as(() -> audit.verify()).intact(), "intact before");
        Long target = as(() -> audit.search(new AuditQuery(null, "unit", null, "UNIT_CREATED", null, null), 0, 1))
                .rows().get(0).id();
        tx.begin();
        try {
            // The trigger refuses updates; an attacker with the table owner's rights could switch it off.
            em.createNativeQuery("alter table audit_entry disable trigger audit_entry_no_change").executeUpdate();
            ByteArrayOutputStream intact = new ByteArrayOutputStream();
            assertEquals(0, AuditVerifyCommand.verify(em.unwrap(java.sql.Connection.class),
                    new java.io.PrintStream(intact, true, StandardCharsets.UTF_8)));
            assertTrue(intact.toString(StandardCharsets.UTF_8).startsWith("OK: the audit chain is intact ("));
            em.createNativeQuery("update audit_entry set after_state = '{\"code\":\"FORGED\"}' where id = ?1")
                    .setParameter(1, target).executeUpdate();
            em.clear();
            Verification v = as(() -> audit.verify());
            assertFalse(v.intact());
            assertNotNull(v.firstBroken());
            assertEquals(target, v.firstBroken().id(), "the tampered entry is named");
            assertEquals("UNIT_CREATED", v.firstBroken().action());

            // The operators' command, on this transaction's connection (which sees the forged row), says the same.
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int status = AuditVerifyCommand.verify(em.unwrap(java.sql.Connection.class),
                    new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
            assertEquals(1, status);
            assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("BROKEN: the audit chain breaks at entry "
                    + target + " "), printed.toString(StandardCharsets.UTF_8));
        } finally {
            tx.rollback();
        }
        assertTrue(as(() -> audit.verify()).intact(), "the rollback restored it");
    }

    @Test
    @Order(9)
    void categoriesAndBoardSettingsAreKeptWithTheirHistory() throws Exception {
        CategoryData made = as(() -> catalog.saveCategory(new CategoryData(null, "PAIT-TOPIC", "测试话题", null, 90, true)));
        CategoryData renamed = as(() -> catalog.saveCategory(new CategoryData(made.id(), "PAIT-TOPIC", "测试话题（改）",
                "Test topic", 91, true)));
        assertEquals("测试话题（改）", renamed.name());
        assertEquals(91, renamed.sortOrder());
        assertFalse(as(() -> catalog.setCategoryActive(made.id(), false)).active());
        ActionRefused taken = assertThrows(ActionRefused.class, () -> as(() -> catalog.saveCategory(
                new CategoryData(null, "pait-topic", "重复", null, 0, true))));
        assertEquals("admin.category.error.codeTaken", taken.key());
        AuditRow change = as(() -> audit.search(new AuditQuery(null, "category", made.id(), "CATEGORY_CHANGED", null,
                null), 0, 1)).rows().get(0);
        assertTrue(change.before().contains("\"name\":\"测试话题\"") && change.after().contains("测试话题（改）"),
                change.before() + " → " + change.after());

        BoardSettingsData before = as(() -> catalog.boardSettings());
        try {
            BoardSettingsData saved = as(() -> catalog.saveBoardSettings("代开发票\n办证，刻章\n", 7));
            assertEquals(List.of("代开发票", "办证", "刻章"), saved.bannedWords());
            assertEquals(7, saved.maxPerHour());
            assertEquals(List.of("代开发票", "办证", "刻章"), saved.appliedBannedWords(), "posting applies them at once");
            assertEquals(7, saved.appliedMaxPerHour());
            ActionRefused limit = assertThrows(ActionRefused.class, () -> as(() -> catalog.saveBoardSettings("", 0)));
            assertEquals("admin.settings.error.maxPerHour", limit.key());
            AuditRow row = as(() -> audit.search(new AuditQuery("admin", "setting", null, "BOARD_SETTINGS_CHANGED",
                    null, null), 0, 1)).rows().get(0);
            assertTrue(row.after().contains("\"bannedWords\":[\"代开发票\",\"办证\",\"刻章\"]"), row.after());
        } finally {
            as(() -> catalog.saveBoardSettings(before.bannedWords() == null ? null
                    : String.join("\n", before.bannedWords()), before.maxPerHour()));
        }

        // How approved replies are published: the handling feature reads what the administrator sets.
        boolean manualBefore = as(() -> catalog.manualPublication());
        try {
            assertTrue(as(() -> catalog.setManualPublication(true)));
            assertTrue(handling.manualPublication(), "approved replies now wait for the intake officer");
            assertEquals(1, as(() -> audit.search(new AuditQuery("admin", "setting", null, "PUBLICATION_MODE_CHANGED",
                    null, null), 0, 1)).rows().size());
            assertFalse(as(() -> catalog.setManualPublication(false)));
            assertFalse(handling.manualPublication());
        } finally {
            as(() -> catalog.setManualPublication(manualBefore));
        }
    }

    // --- helpers ---

    /** Every address of this machine: the test's HTTP client reaches the server from one of them. */
    private static String localAddresses() {
        try {
            return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                    .map(a -> a.getHostAddress().replaceAll("%.*$", ""))
                    .distinct().collect(java.util.stream.Collectors.joining(","));
        } catch (java.net.SocketException e) {
            return "127.0.0.1";
        }
    }

    /**
     * Runs the work inside a transaction, rolled back afterwards, in which every other administrator is inactive;
     * returns the refusal it must end in. The demo administrator is never really changed.
     */
    private ActionRefused onlyTheDemoAdministratorActive(Callable<?> work) throws Exception {
        tx.begin();
        try {
            em.createNativeQuery("""
                    update person set active = false where username <> 'admin'
                      and id in (select person_id from person_role where role = 'ADMINISTRATOR')""").executeUpdate();
            return assertThrows(ActionRefused.class, work::call);
        } finally {
            tx.rollback();
        }
    }

    private <T> T as(Callable<T> work) throws Exception {
        return runAs(asAdmin::call, work);
    }

    /**
     * Runs the work through a @RunAs bean with any exception caught inside it and thrown again here, so that no
     * exception leaves the @RunAs bean: after one did, a later request served by the same container thread was
     * occasionally refused (403) right after a good sign-in.
     */
    @SuppressWarnings("unchecked")
    private static <T> T runAs(RunAsBean bean, Callable<T> work) throws Exception {
        Object[] out = bean.call(() -> {
            try {
                return new Object[]{work.call(), null};
            } catch (Exception e) {
                return new Object[]{null, e};
            }
        });
        if (out[1] != null) {
            throw (Exception) out[1];
        }
        return (T) out[0];
    }

    @FunctionalInterface
    private interface RunAsBean {
        Object[] call(Callable<Object[]> work) throws Exception;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private HttpClient signIn(String username, String password, String forwardedFor) throws Exception {
        HttpClient c = client();
        HttpResponse<String> after = signInAttempt(c, username, password, forwardedFor);
        assertTrue(after.body().contains("office-title"), "signed in as " + username + " at " + after.uri() + " ("
                + after.statusCode() + "): " + after.body().replaceAll("(?s)^.*<main", "<main"));
        return c;
    }

    private HttpResponse<String> signInAttempt(HttpClient c, String username, String password, String forwardedFor)
            throws Exception {
        HttpResponse<String> page = get(c, "login.xhtml");
        Matcher vs = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(page.body());
        assertTrue(vs.find(), "the sign-in form has a view state");
        String form = "signin=signin&signin%3Ausername=" + enc(username) + "&signin%3Apassword=" + enc(password)
                + "&signin%3Asubmit=go&jakarta.faces.ViewState=" + enc(vs.group(1));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient c, String path) throws Exception {
        return c.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient c, String path, String token) throws Exception {
        return send(c, "GET", path, token, null);
    }

    private HttpResponse<String> send(HttpClient c, String method, String path, String token, String json)
            throws Exception {
        return c.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                        .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A real API token, issued in-container by the administrator. */
    private String token(String username, Role role) throws Exception {
        return as(() -> tokens.issue("PeopleAdminIT " + username, username, Set.of(role), null)).token();
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + "/" + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
