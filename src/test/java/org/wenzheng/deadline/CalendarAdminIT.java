package org.wenzheng.deadline;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenzheng.audit.AuditEntry;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.Texts;
import org.wenzheng.deadline.admin.CaseDueDates;
import org.wenzheng.deadline.admin.ChangeResult;
import org.wenzheng.deadline.admin.DeadlineAdminService;
import org.wenzheng.deadline.admin.PolicyRefused;
import org.wenzheng.deadline.admin.PolicyView;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.handling.Case;
import org.wenzheng.handling.UnitRole;
import org.wenzheng.intake.Severity;
import org.wenzheng.people.PasswordHasher;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;
import org.wenzheng.testsupport.Deployments;
import org.wenzheng.testsupport.TestApiTokens;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calendar and policy administration against real PostgreSQL: an iCalendar import is previewed (nothing changes),
 * then confirmed, moving the due dates of open cases (and their messages, and a batched message) but not a closed
 * one, with both audit entries; a stale preview is a conflict; a bad file names its line; only an administrator may
 * do any of it; a policy change applies to cases routed after it, even when a later calendar change recomputes the
 * older ones; the API over HTTP; 50,000 open cases recompute in seconds. Works in 2030 and 2032, years no other test
 * uses, and puts the policy back at the end. In-container and client steps alternate, hence the order.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalendarAdminIT {

    private static final Logger LOG = Logger.getLogger(CalendarAdminIT.class.getName());
    static final String ADMIN = "calendarit-admin";
    static final String PASSWORD = "calendar-it-password";
    static final String TITLE_A = "日历测试甲：路灯不亮";
    static final String TITLE_WAITING = "日历测试乙：等待批办";
    static final String TITLE_CLOSED = "日历测试丙：已关闭";
    static final String TITLE_NEW = "日历测试丁：规则修改后交办";
    static final OffsetDateTime POSTED = OffsetDateTime.parse("2030-04-29T10:00:00+08:00");
    static final int PERF_CASES = 50_000;

    static final String LABOUR_DAY_2030 = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//wenzheng//calendar test//ZH",
            "BEGIN:VEVENT",
            "UID:2030-labour@test",
            "DTSTART;VALUE=DATE:20300501",
            "DTEND;VALUE=DATE:20300506",
            "SUMMARY:劳动节",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:2030-labour-work@test",
            "DTSTART;VALUE=DATE:20300428",
            "SUMMARY:劳动节调休上班",
            "END:VEVENT",
            "END:VCALENDAR", "");

    @Deployment
    static WebArchive deployment() {
        return Deployments.application().addClasses(AsCalendarAdministrator.class, AsCalendarSupervisor.class)
                .addAsWebInfResource("deadline/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsWebInfResource("deadline/glassfish-web.xml", "glassfish-web.xml");
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    DeadlineAdminService admin;

    @Inject
    DeadlineService deadlines;

    @Inject
    CaseDueDates dueDates;

    @Inject
    PasswordHasher hasher;

    @Inject
    AsCalendarAdministrator asAdmin;

    @Inject
    AsCalendarSupervisor asSupervisor;

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void aPreviewShowsTheChangesAndChangesNothing() throws Exception {
        tx.begin();
        Unit unit = unit("CALIT", "日历测试局");
        Person p = new Person(ADMIN, "日历测试管理员", hasher.hash(PASSWORD), OffsetDateTime.now());
        p.getRoles().add(Role.ADMINISTRATOR);
        em.persist(p);
        OffsetDateTime routed = OffsetDateTime.now().minusHours(1);
        OffsetDateTime due = deadlines.forMessage(POSTED.toInstant()).dueAt();
        Message a = message(TITLE_A, "ROUTED", due);
        em.persist(new Case(a, unit, UnitRole.LEAD, "请办理。", null, routed, due, false));
        em.persist(new Case(a, unit("CALIT-CO", "日历测试协办局"), UnitRole.CO, "请协办。", null, routed, due, false));
        message(TITLE_WAITING, "BATCHED", deadlines.forMessage(POSTED.plusDays(1).toInstant()).dueAt());
        Message closed = message(TITLE_CLOSED, "ROUTED", due);
        Case c = new Case(closed, unit, UnitRole.LEAD, "请办理。", null, routed, due, false);
        c.setStatus(org.wenzheng.handling.CaseStatus.CLOSED);
        em.persist(c);
        tx.commit();
        // 2030 has no official calendar here: weekends only. Mon 04-29 → 04-30, 05-01, 05-02.
        assertEquals(OffsetDateTime.parse("2030-05-02T17:00:00+08:00").toInstant(), due.toInstant());

        CalendarImport preview = asAdmin.call(() -> admin.previewImport(2030, LABOUR_DAY_2030));
        assertEquals(6, preview.added().size());
        assertEquals(List.of(), preview.changed());
        assertEquals(List.of(), preview.removed());
        assertEquals(new CalendarImport.Change(LocalDate.of(2030, 4, 28), null, null, DayKind.WORKDAY, "劳动节调休上班"),
                preview.added().get(0));
        assertEquals(0L, count("select count(d) from CalendarDay d where d.day between :from and :to"));
        assertEquals(due.toInstant(), leadCase(TITLE_A).getDueAt().toInstant());
    }

    @Test
    @Order(2)
    void confirmingReplacesTheYearAndMovesTheOpenCasesDueDatesWithAuditEntries() throws Exception {
        CalendarImport preview = asAdmin.call(() -> admin.previewImport(2030, LABOUR_DAY_2030));
        Case before = leadCase(TITLE_A);
        ChangeResult result = asAdmin.call(() -> admin.importYear(2030, LABOUR_DAY_2030, preview.base()));
        assertEquals(6, result.added());
        assertEquals(0, result.removed());

        // Mon 04-29 → 04-30, (05-01..05-05 劳动节), 05-06, 05-07.
        OffsetDateTime moved = OffsetDateTime.parse("2030-05-07T17:00:00+08:00");
        Case lead = leadCase(TITLE_A);
        assertEquals(moved.toInstant(), lead.getDueAt().toInstant());
        assertEquals(before.getVersion() + 1, lead.getVersion());
        List<Case> all = cases(TITLE_A);
        assertTrue(all.stream().allMatch(x -> x.getDueAt().toInstant().equals(moved.toInstant())));
        assertEquals(moved.toInstant(), message(TITLE_A).getDueAt().toInstant());
        // Waiting for routing, posted Tue 04-30: 05-06, 05-07, 05-08.
        assertEquals(OffsetDateTime.parse("2030-05-08T17:00:00+08:00").toInstant(),
                message(TITLE_WAITING).getDueAt().toInstant());
        Case closed = leadCase(TITLE_CLOSED);
        assertEquals(OffsetDateTime.parse("2030-05-02T17:00:00+08:00").toInstant(), closed.getDueAt().toInstant());

        assertTrue(result.movedCaseIds().containsAll(all.stream().map(Case::getId).toList()), result.toString());
        assertFalse(result.movedCaseIds().contains(closed.getId()));
        assertTrue(result.movedMessages() >= 2, result.toString());

        AuditEntry changed = lastAudit("CALENDAR_CHANGED");
        assertEquals("calendar", changed.getObjectType());
        assertEquals(2030L, changed.getObjectId());
        assertEquals("calendarit-runas", changed.getActor());
        assertTrue(changed.getAfterState().contains("\"date\":\"2030-05-01\",\"kind\":\"HOLIDAY\",\"name\":\"劳动节\""),
                changed.getAfterState());
        assertTrue(changed.getBeforeState().contains("{\"date\":\"2030-05-01\",\"kind\":null}"), changed.getBeforeState());
        AuditEntry recomputed = lastAudit("DUE_DATES_RECOMPUTED");
        JsonObject after = Json.createReader(new StringReader(recomputed.getAfterState())).readObject();
        assertEquals(result.movedCases(), after.getInt("count"));
        assertTrue(after.getJsonArray("cases").getJsonNumber(0) != null);
        assertTrue(recomputed.getAfterState().contains(String.valueOf(lead.getId())));

        // The cache followed the commit; the explanation on the citizen's page names the holiday.
        assertTrue(deadlines.calendar().isWorkingDay(LocalDate.of(2030, 4, 28)));
        Optional<DueDate> explained = dueDates.explain(message(TITLE_A));
        assertTrue(explained.isPresent());
        assertTrue(explained.get().explainZh().contains("05-01至05-05 劳动节休息"), explained.get().explainZh());

        ActionRefused stale = assertThrows(ActionRefused.class,
                () -> asAdmin.call(() -> admin.importYear(2030, LABOUR_DAY_2030, preview.base())));
        assertEquals(ActionRefused.Kind.CONFLICT, stale.kind());
        assertEquals("calendar.error.changedSincePreview", stale.key());
        CalendarImport again = asAdmin.call(() -> admin.previewImport(2030, LABOUR_DAY_2030));
        assertTrue(again.isEmpty(), "importing the same file again changes nothing");
    }

    @Test
    @Order(3)
    void onlyAnAdministratorChangesTheCalendarOrThePolicy() {
        assertAccessDenied(() -> admin.year(2030));
        assertAccessDenied(() -> asSupervisor.call(() -> admin.previewImport(2030, LABOUR_DAY_2030)));
        assertAccessDenied(() -> asSupervisor.call(() -> admin.saveDay(LocalDate.of(2030, 6, 3), DayKind.HOLIDAY, "x")));
        assertAccessDenied(() -> asSupervisor.call(() -> admin.changePolicy(PolicyInput.of(DeadlineSettings.defaults()))));
    }

    @Test
    @Order(4)
    void aBadFileIsRefusedWithItsLineInTheReadersLanguage() throws Exception {
        String bad = LABOUR_DAY_2030.replace("DTSTART;VALUE=DATE:20300428", "DTSTART;VALUE=DATE:2030-04-28");
        ActionRefused e = assertThrows(ActionRefused.class, () -> asAdmin.call(() -> admin.previewImport(2030, bad)));
        assertEquals(ActionRefused.Kind.INVALID, e.kind());
        assertEquals("calendar.file.ics.badDate", e.key());
        assertEquals("第 12 行：“2030-04-28”不是 yyyyMMdd 格式的日期。", Texts.get(LocaleBean.CHINESE, e.key(), e.args()));
        assertEquals("Line 12: \"2030-04-28\" is not a date in the form yyyyMMdd.",
                Texts.get(java.util.Locale.ENGLISH, e.key(), e.args()));
        ActionRefused weekday = assertThrows(ActionRefused.class, () -> asAdmin.call(
                () -> admin.saveDay(LocalDate.of(2030, 5, 9), DayKind.WORKDAY, "调休")));
        assertEquals("calendar.error.workdayNotWeekend", weekday.key());
    }

    @Test
    @Order(5)
    void aPolicyChangeAppliesToNewCasesOnlyEvenWhenTheCalendarChangesLater() throws Exception {
        assertEquals(3, deadlines.policy().normalDays());
        PolicyRefused invalid = assertThrows(PolicyRefused.class, () -> asAdmin.call(() -> admin.changePolicy(
                new PolicyInput(3, 2, 2, true, "17:00", BigDecimal.valueOf(2), BigDecimal.ONE, 1))));
        assertEquals("capDays", invalid.problems().get(0).field());
        assertEquals("policy.error.capBelowNormal", invalid.key());
        assertEquals(3, deadlines.policy().normalDays(), "nothing changed");

        PolicyRefused leadTooLong = assertThrows(PolicyRefused.class, () -> asAdmin.call(() -> admin.changePolicy(
                new PolicyInput(3, 2, 5, true, "17:00", BigDecimal.valueOf(2), BigDecimal.ONE, 6))));
        assertEquals("reminderLeadDays", leadTooLong.problems().get(0).field());
        assertEquals("policy.error.leadAboveCap", leadTooLong.problems().get(0).key());
        assertEquals(1, deadlines.readSettings().reminderLeadDays(), "nothing changed");

        PolicyView view = asAdmin.call(() -> admin.changePolicy(
                new PolicyInput(4, 2, 5, true, "17:00", new BigDecimal("1.5"), new BigDecimal("0.5"), 2)));
        assertEquals(2, view.current().reminderLeadDays());
        assertEquals(2, deadlines.readSettings().reminderLeadDays(), "what the deadline scan reads");
        assertEquals(4, view.current().normalDays());
        assertEquals(4, view.history().get(0).normalDays());
        assertEquals("calendarit-runas", view.history().get(0).changedBy());
        assertEquals(3, view.history().get(view.history().size() - 1).normalDays(), "the policy before the change");
        assertEquals(Optional.of(Duration.ofMinutes(90)), deadlines.firstResponseLimit(Severity.MAJOR));
        assertEquals(Optional.of(Duration.ofMinutes(30)), deadlines.firstResponseLimit(Severity.EXTRAORDINARY));
        assertEquals(Optional.empty(), deadlines.firstResponseLimit(Severity.ORDINARY));
        AuditEntry audited = lastAudit("POLICY_CHANGED");
        assertTrue(audited.getBeforeState().contains("\"normalDays\":3"), audited.getBeforeState());
        assertTrue(audited.getAfterState().contains("\"normalDays\":4"), audited.getAfterState());
        assertTrue(audited.getBeforeState().contains("\"reminderLeadDays\":1"), audited.getBeforeState());
        assertTrue(audited.getAfterState().contains("\"reminderLeadDays\":2"), audited.getAfterState());

        // A new case gets four days: 04-30, 05-06, 05-07, 05-08. The case routed before keeps three (05-07).
        OffsetDateTime newDue = deadlines.forMessage(POSTED.toInstant()).dueAt();
        assertEquals(OffsetDateTime.parse("2030-05-08T17:00:00+08:00").toInstant(), newDue.toInstant());
        tx.begin();
        Message d = message(TITLE_NEW, "ROUTED", newDue);
        em.persist(new Case(d, unit("CALIT", "日历测试局"), UnitRole.LEAD, "请办理。", null,
                OffsetDateTime.now().plusMinutes(1), newDue, false));
        tx.commit();
        assertEquals(OffsetDateTime.parse("2030-05-07T17:00:00+08:00").toInstant(),
                dueDates.dueOf(leadCase(TITLE_A)).due());

        // A holiday on Mon 05-06 moves both, each under its own policy: three days → 05-08, four days → 05-09.
        ChangeResult r = asAdmin.call(() -> admin.saveDay(LocalDate.of(2030, 5, 6), DayKind.HOLIDAY, "测试假日"));
        assertEquals(1, r.added());
        assertEquals(OffsetDateTime.parse("2030-05-08T17:00:00+08:00").toInstant(),
                leadCase(TITLE_A).getDueAt().toInstant());
        assertEquals(OffsetDateTime.parse("2030-05-09T17:00:00+08:00").toInstant(),
                leadCase(TITLE_NEW).getDueAt().toInstant());
        assertTrue(r.movedCaseIds().contains(leadCase(TITLE_NEW).getId()));
    }

    @Test
    @Order(6)
    @RunAsClient
    void theApiServesTheCalendarImportsAndRefusesABadPolicyField() throws Exception {
        HttpResponse<String> anonymous = send(client(), HttpRequest.newBuilder(uri("api/v1/calendar/2030")).GET());
        assertEquals(401, anonymous.statusCode(), anonymous.body());

        HttpClient adminClient = client();
        String token = TestApiTokens.mint(ADMIN, Role.ADMIN);
        HttpResponse<String> year = send(adminClient, HttpRequest.newBuilder(uri("api/v1/calendar/2030")).GET(), token);
        assertEquals(200, year.statusCode(), year.body());
        JsonObject y = json(year);
        assertEquals(7, y.getJsonArray("days").size());
        assertEquals("2030-04-28", y.getJsonArray("days").getJsonObject(0).getString("date"));
        assertEquals("WORKDAY", y.getJsonArray("days").getJsonObject(0).getString("kind"));

        String csv = "date,kind,name\n2030-05-01,holiday,劳动节\n2030-05-02,holiday,劳动节\n2030-10-01,holiday,国庆节\n";
        HttpResponse<String> preview = send(adminClient, HttpRequest.newBuilder(
                        uri("api/v1/calendar/2030/import?preview=true")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), token);
        assertEquals(200, preview.statusCode(), preview.body());
        JsonObject p = json(preview);
        assertEquals(1, p.getJsonArray("added").size());
        assertEquals(5, p.getJsonArray("removed").size());
        assertEquals(2, p.getInt("unchanged"));
        assertEquals(y.getString("fingerprint"), p.getString("base"));

        HttpResponse<String> bad = send(adminClient, HttpRequest.newBuilder(
                        uri("api/v1/calendar/2030/import?preview=true")).header("Content-Type", "text/csv")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString("date,kind,name\n2030-05-01,rest,X\n")), token);
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("Line 2: the kind \"rest\" should be holiday or workday.", json(bad).getString("message"));

        HttpResponse<String> policy = send(adminClient, HttpRequest.newBuilder(uri("api/v1/deadline/policy"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"normalDays\":3,\"urgentDays\":2,\"capDays\":1,\"workingDays\":true,"
                                + "\"endOfWorkingDay\":\"17:00\",\"majorFirstResponseHours\":2,"
                                + "\"extraordinaryFirstResponseHours\":1,\"reminderLeadDays\":0}")), token);
        assertEquals(400, policy.statusCode(), policy.body());
        JsonObject problem = json(policy).getJsonArray("fields").getJsonObject(0);
        assertEquals("capDays", problem.getString("field"));
        assertEquals("延期上限不能少于答复时限（3 天）。", problem.getString("message"));
        HttpResponse<String> read = send(adminClient, HttpRequest.newBuilder(uri("api/v1/deadline/policy")).GET(), token);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(4, json(read).getJsonObject("current").getInt("normalDays"), "unchanged by the refused PUT");
        assertEquals(2, json(read).getJsonObject("current").getInt("reminderLeadDays"));
        JsonObject leadProblem = json(policy).getJsonArray("fields").getJsonObject(1);
        assertEquals("reminderLeadDays", leadProblem.getString("field"));
        assertEquals("请填写 1 到 30 之间的整数。", leadProblem.getString("message"));

        // PUT of the whole year: the 2030 days as they are, so nothing moves.
        HttpResponse<String> put = send(adminClient, HttpRequest.newBuilder(uri("api/v1/calendar/2030?expect="
                        + y.getString("fingerprint"))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"days\":" + y.getJsonArray("days") + "}")), token);
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(0, json(put).getInt("added") + json(put).getInt("changed") + json(put).getInt("removed"));
        HttpResponse<String> putBad = send(adminClient, HttpRequest.newBuilder(uri("api/v1/calendar/2030"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"days\":[{\"date\":\"2030-05-09\",\"kind\":\"WORKDAY\",\"name\":\"调休\"}]}")), token);
        assertEquals(400, putBad.statusCode(), putBad.body());
        assertEquals("第 1 行：2030-05-09 不是周末，调休上班日只能在周六或周日。", json(putBad).getString("message"));

        HttpResponse<String> openapi = send(client(), HttpRequest.newBuilder(new URL(base, "/openapi").toURI()).GET());
        assertTrue(openapi.body().contains("/calendar/{year}/import"), openapi.body());
        assertTrue(openapi.body().contains("/deadline/policy"));

        HttpResponse<String> supervisor = send(client(), HttpRequest.newBuilder(uri("api/v1/calendar/2030")).GET(),
                TestApiTokens.mint("supervisor", Role.SUPERVISE));
        assertEquals(403, supervisor.statusCode(), supervisor.body());
    }

    @Test
    @Order(7)
    void fiftyThousandOpenCasesRecomputeInSeconds() throws Exception {
        tx.begin();
        Unit unit = unit("CALIT-PERF", "日历性能测试局");
        em.flush();
        // Posted Mon 2032-05-03 10:00 (2032 has no calendar: weekends only), due Thu 05-06 17:00.
        em.createNativeQuery("""
                        with m as (
                            insert into message (id, tracking_code, kind, title, body, status, posted_at, due_at)
                            select nextval('message_seq'), 'CALPERF' || n, 'COMPLAINT', '日历性能测试', '正文', 'ROUTED',
                                   timestamptz '2032-05-03 10:00+08', timestamptz '2032-05-06 17:00+08'
                            from generate_series(1, ?1) n
                            returning id)
                        insert into handling_case (id, message_id, unit_id, unit_role, status, routed_at, due_at)
                        select nextval('case_seq'), m.id, ?2, 'LEAD', 'ROUTED', now() - interval '1 hour',
                               timestamptz '2032-05-06 17:00+08'
                        from m""").setParameter(1, PERF_CASES).setParameter(2, unit.getId()).executeUpdate();
        tx.commit();

        long start = System.nanoTime();
        ChangeResult r = asAdmin.call(() -> admin.saveDay(LocalDate.of(2032, 5, 4), DayKind.HOLIDAY, "性能测试假日"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("recomputed " + r.openCases() + " open cases, moved " + r.movedCases() + " in " + millis + " ms");
        assertTrue(r.openCases() >= PERF_CASES, r.toString());
        assertEquals(PERF_CASES, r.movedCases());
        assertEquals(PERF_CASES, r.movedMessages());
        // 19 s measured here with a load average of 25 on 2 cores (other builds); the bound leaves room for that.
        assertTrue(millis < 60_000, "took " + millis + " ms");
        assertEquals(PERF_CASES, ((Number) em.createNativeQuery(
                "select count(*) from handling_case where unit_id = ?1 and due_at = timestamptz '2032-05-07 17:00+08'")
                .setParameter(1, unit.getId()).getSingleResult()).intValue());

        // Out of every other test's way: closed, and the year's calendar emptied again.
        tx.begin();
        em.createNativeQuery("update handling_case set status = 'CLOSED', closed_at = now() where unit_id = ?1")
                .setParameter(1, unit.getId()).executeUpdate();
        em.createNativeQuery("update message set status = 'CLOSED' where tracking_code like 'CALPERF%'").executeUpdate();
        tx.commit();
        asAdmin.call(() -> admin.removeDay(LocalDate.of(2032, 5, 4)));
    }

    @Test
    @Order(99)
    void thePolicyAndThe2030CalendarAreRestored() throws Exception {
        asAdmin.call(() -> admin.changePolicy(PolicyInput.of(DeadlineSettings.defaults())));
        assertEquals(DeadlineSettings.defaults(), deadlines.settings());
        for (OfficialDay d : asAdmin.call(() -> admin.year(2030)).exceptions()) {
            asAdmin.call(() -> admin.removeDay(d.date()));
        }
        assertFalse(deadlines.calendar().coversYear(2030));
        assertFalse(deadlines.calendar().coversYear(2032));
    }

    // --- in-container helpers ---

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

    private Message message(String title, String status, OffsetDateTime due) {
        Message m = new Message(TrackingCode.generate(), MessageKind.COMPLAINT, title, "日历测试正文。", POSTED);
        if (title.equals(TITLE_WAITING)) {
            m = new Message(TrackingCode.generate(), MessageKind.COMPLAINT, title, "日历测试正文。", POSTED.plusDays(1));
        }
        em.persist(m);
        em.flush();
        em.createNativeQuery("update message set status = ?1, due_at = ?2 where id = ?3").setParameter(1, status)
                .setParameter(2, due).setParameter(3, m.getId()).executeUpdate();
        return m;
    }

    private Message message(String title) {
        em.clear();
        return em.createQuery("select m from Message m where m.title = :t", Message.class)
                .setParameter("t", title).getSingleResult();
    }

    private List<Case> cases(String title) {
        em.clear();
        return em.createQuery("select c from Case c where c.message.title = :t order by c.id", Case.class)
                .setParameter("t", title).getResultList();
    }

    private Case leadCase(String title) {
        return cases(title).stream().filter(c -> c.getUnitRole() == UnitRole.LEAD).findFirst().orElseThrow();
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).setParameter("from", LocalDate.of(2030, 1, 1))
                .setParameter("to", LocalDate.of(2030, 12, 31)).getSingleResult();
    }

    private AuditEntry lastAudit(String action) {
        return em.createQuery("select a from AuditEntry a where a.action = :a order by a.id desc", AuditEntry.class)
                .setParameter("a", action).setMaxResults(1).getSingleResult();
    }

    /** A role refusal, however many EJB layers wrapped it. */
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

    private static HttpResponse<String> send(HttpClient c, HttpRequest.Builder request) throws Exception {
        return c.send(request.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A staff API call with a Bearer token, as an integrated system makes it. */
    private static HttpResponse<String> send(HttpClient c, HttpRequest.Builder request, String token) throws Exception {
        return send(c, request.header("Authorization", "Bearer " + token));
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + "/" + path);
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
