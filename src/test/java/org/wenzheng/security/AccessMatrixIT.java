package org.wenzheng.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenzheng.board.BoardTestData;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.testsupport.Deployments;
import org.wenzheng.testsupport.TestApiTokens;
import org.wenzheng.testsupport.TestDb;

import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #8's object-level access as ONE table: every role (anonymous, intake officer, leader, the liaison of unit A,
 * the liaison of unit B, supervisor, administrator) against every kind of object (a case of unit A and one of unit B
 * with their reply drafts, a reply file, a message attachment, an overdue notice and its PDF, a batch with its slip
 * and slip PDF, a message waiting for intake and its contact data, a bulletin draft and its PDF, and the
 * administrator's people, units, tokens and audit export), read by id through the API (a staff token) and the pages
 * (a signed-in session), and changed through the API. The test builds its own objects over the API and in the
 * database; every cell is one dynamic test named like "liaison of B · GET case of A (API) → 403", and the whole table
 * is written to target/access-matrix.md.
 * <p>
 * Expected codes follow what the application intends: 401 for no credentials on the API, a redirect (302) to the
 * sign-in page for no session on a back-office page, 403 for a role that may not do this at all or a liaison of
 * another unit (cases, drafts, notices: the services refuse with FORBIDDEN), and 404 where the application hides
 * whether the object exists (a message attachment for a liaison without a case of that message, a file asked for
 * through a case it does not belong to, a bulletin that is not published). A denied answer must also not contain
 * the object's title.
 */
@ExtendWith(ArquillianExtension.class)
class AccessMatrixIT {

    static final String PASSWORD = "wenzheng-demo";
    static final String B_PASSWORD = "Qingshui-矩阵-7391-river";

    enum Who {
        ANONYMOUS("anonymous", null, null),
        INTAKE("intake officer", "intake", "INTAKE_OFFICER"),
        LEADER("leader", "leader", "LEADER"),
        LIAISON_A("liaison of A", "liaison", "LIAISON"),
        LIAISON_B("liaison of B", null, "LIAISON"),
        SUPERVISOR("supervisor", "supervisor", "SUPERVISOR"),
        ADMIN("administrator", "admin", "ADMINISTRATOR");

        final String label;
        final String demoUser;
        final String role;

        Who(String label, String demoUser, String role) {
            this.label = label;
            this.demoUser = demoUser;
            this.role = role;
        }
    }

    enum Channel { API, UI }

    /** One row of the table: a request on an object, the expected status per role, and the actual ones. */
    static final class Row {
        final String object;
        final String action;
        final Channel channel;
        final String method;
        final String path;
        final String body;
        final String secret;
        final Map<Who, Integer> expected = new EnumMap<>(Who.class);
        final Map<Who, Integer> actual = new EnumMap<>(Who.class);
        final Map<Who, Boolean> leaked = new EnumMap<>(Who.class);
        final Map<Who, Boolean> missing = new EnumMap<>(Who.class);
        /** Per role: what its answer must show, and what it must never show (another unit's object). */
        final Map<Who, String> shows = new EnumMap<>(Who.class);
        final Map<Who, String> hides = new EnumMap<>(Who.class);

        Row(String object, String action, Channel channel, String method, String path, String body, String secret) {
            this.object = object;
            this.action = action;
            this.channel = channel;
            this.method = method;
            this.path = path;
            this.body = body;
            this.secret = secret;
        }

        Row expect(int status, Who... who) {
            for (Who w : who) {
                expected.put(w, status);
            }
            return this;
        }

        Row shows(Who w, String text, String notText) {
            shows.put(w, text);
            hides.put(w, notText);
            return this;
        }

        /** Everyone not named yet gets {@code status}. */
        Row otherwise(int status) {
            for (Who w : Who.values()) {
                expected.putIfAbsent(w, status);
            }
            return this;
        }

        String name(Who w) {
            return w.label + " · " + action + " " + object + " (" + channel + ") → " + expected.get(w);
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private final Map<Who, HttpClient> sessions = new EnumMap<>(Who.class);
    private final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    // The objects this test builds.
    private String u;
    private long unitA;
    private long unitB;
    private long personB;
    private String usernameB;
    private long batch;
    private long messageA;
    private long messageB;
    private long caseA;
    private long caseB;
    private long replyA;
    private long draftVersionA;
    private long draftVersionB;
    private long replyFileA;
    private long attachmentA;
    private long notice;
    private long noticeVersion;
    private long intakeMessage;
    private long bulletin;
    private long bulletinVersion;
    private long spareToken;
    private String titleA;
    private String titleB;
    private String titleIntake;

    @TestFactory
    List<DynamicTest> everyRoleAgainstEveryObject() throws Exception {
        build();
        List<Row> rows = table();
        for (Row row : rows) {
            run(row);
        }
        report(rows);
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            for (Who w : Who.values()) {
                tests.add(DynamicTest.dynamicTest(row.name(w), () -> {
                    assertEquals(row.expected.get(w), row.actual.get(w), row.name(w) + " was " + row.actual.get(w));
                    assertFalse(row.leaked.getOrDefault(w, false), row.name(w) + ": the denied answer shows the object");
                    assertFalse(row.missing.getOrDefault(w, false), row.name(w) + ": the answer lacks the object");
                }));
            }
        }
        return tests;
    }

    // ---------------------------------------------------------------------------------------------------- the table

    private List<Row> table() {
        List<Row> rows = new ArrayList<>();
        Who[] staff = {Who.INTAKE, Who.LEADER, Who.LIAISON_A, Who.LIAISON_B, Who.SUPERVISOR, Who.ADMIN};

        // ---- reads through the API (a staff token; none for the anonymous column)
        rows.add(api("case of A", "GET", "/cases/" + caseA, titleA).expect(200, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR)
                .expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("case of B", "GET", "/cases/" + caseB, titleB).expect(200, Who.LEADER, Who.LIAISON_B, Who.SUPERVISOR)
                .expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("draft of A", "GET", "/handling/cases/" + caseA, "矩阵草稿甲" + u)
                .expect(200, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("draft of B", "GET", "/handling/cases/" + caseB, "矩阵草稿乙" + u)
                .expect(200, Who.LEADER, Who.LIAISON_B, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("reply file of A", "GET", "/handling/cases/" + caseA + "/files/" + replyFileA, null)
                .expect(200, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("reply file of A through case B", "GET", "/handling/cases/" + caseB + "/files/" + replyFileA, null)
                .expect(404, Who.LEADER, Who.LIAISON_B, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("attachment of message A", "GET", "/attachments/" + attachmentA, null)
                .expect(200, Who.INTAKE, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(404, Who.LIAISON_B)
                .expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("attachment of message A through case A", "GET", "/handling/cases/" + caseA + "/files/"
                + attachmentA, null)
                .expect(200, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("attachment of message A through case B", "GET", "/handling/cases/" + caseB + "/files/"
                + attachmentA, null)
                .expect(404, Who.LEADER, Who.LIAISON_B, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("reply file of A as a message attachment", "GET", "/attachments/" + replyFileA, null)
                .expect(404, Who.INTAKE, Who.LEADER, Who.LIAISON_A, Who.LIAISON_B, Who.SUPERVISOR)
                .expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("overdue notice of A", "GET", "/supervision/notices/" + notice, titleA)
                .expect(200, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("overdue notice PDF of A", "GET", "/supervision/notices/" + notice + "/pdf", null)
                .expect(200, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("notices of case A", "GET", "/supervision/cases/" + caseA + "/notices", titleA)
                .expect(200, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("batch slip", "GET", "/batches/" + batch + "/slip", titleA)
                .expect(200, Who.INTAKE, Who.LEADER, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("batch slip PDF", "GET", "/batches/" + batch + "/slip.pdf", null)
                .expect(200, Who.INTAKE, Who.LEADER, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        // (Routed messages leave the routing view's list, so its answer is not checked for the title.)
        rows.add(api("batch for routing", "GET", "/routing/batches/" + batch, null)
                .expect(200, Who.LEADER).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("intake message", "GET", "/intake/messages/" + intakeMessage, titleIntake)
                .expect(200, Who.INTAKE).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("contact of intake message", "GET", "/privacy/messages/" + intakeMessage + "/contact", "13911112222")
                .expect(200, Who.INTAKE).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("bulletin draft", "GET", "/supervision/bulletins/" + bulletin, "矩阵通报" + u)
                .expect(200, Who.LEADER, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("bulletin draft PDF", "GET", "/supervision/bulletins/" + bulletin + "/pdf", null)
                .expect(200, Who.LEADER, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("bulletin draft, public API", "GET", "/bulletins/" + bulletin, "矩阵通报" + u).otherwise(404));
        rows.add(api("person (liaison of B)", "GET", "/admin/people/" + personB, usernameB)
                .expect(200, Who.ADMIN).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("unit B", "GET", "/admin/units/" + unitB, "矩阵乙局" + u)
                .expect(200, Who.ADMIN).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("API tokens", "GET", "/admin/tokens", null)
                .expect(200, Who.ADMIN).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(api("audit export", "GET", "/admin/audit/export.csv", null)
                .expect(200, Who.ADMIN).expect(401, Who.ANONYMOUS).otherwise(403));

        rows.add(api("inbox (lists own unit's cases only)", "GET", "/handling/inbox", null)
                .shows(Who.LIAISON_A, titleA, titleB).shows(Who.LIAISON_B, titleB, titleA)
                .expect(200, Who.LIAISON_A, Who.LIAISON_B).expect(401, Who.ANONYMOUS).otherwise(403));

        // ---- pages (a signed-in session; none for the anonymous column, who is sent to sign in)
        rows.add(ui("case of A", "/office/cases/case.xhtml?id=" + caseA, titleA)
                .expect(200, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("case of B", "/office/cases/case.xhtml?id=" + caseB, titleB)
                .expect(200, Who.LEADER, Who.LIAISON_B, Who.SUPERVISOR).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("reply file of A", "/office/handling/file?case=" + caseA + "&file=" + replyFileA, null)
                .expect(200, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("reply file of A through case B", "/office/handling/file?case=" + caseB + "&file=" + replyFileA, null)
                .expect(404, Who.LEADER, Who.LIAISON_B, Who.SUPERVISOR).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("attachment of message A through case B", "/office/handling/file?case=" + caseB + "&file="
                + attachmentA, null)
                .expect(404, Who.LEADER, Who.LIAISON_B, Who.SUPERVISOR).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("attachment of message A", "/api/v1/attachments/" + attachmentA, null)
                .expect(200, Who.INTAKE, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(404, Who.LIAISON_B)
                .expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("inbox (lists own unit's cases only)", "/office/handling/inbox.xhtml", null)
                .shows(Who.LIAISON_A, titleA, titleB).shows(Who.LIAISON_B, titleB, titleA)
                .expect(200, Who.LIAISON_A, Who.LIAISON_B).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("overdue notice of A", "/office/supervision/notice.xhtml?id=" + notice, titleA)
                .expect(200, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("overdue notice PDF of A", "/office/supervision/notice.pdf?id=" + notice, null)
                .expect(200, Who.LEADER, Who.LIAISON_A, Who.SUPERVISOR).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("batch slip", "/office/batch/slip.xhtml?id=" + batch, titleA)
                .expect(200, Who.INTAKE, Who.LEADER, Who.SUPERVISOR).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("batch slip PDF", "/api/v1/batches/" + batch + "/slip.pdf", null)
                .expect(200, Who.INTAKE, Who.LEADER, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("batch for routing", "/office/routing/batch.xhtml?id=" + batch, null)
                .expect(200, Who.LEADER).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("intake message", "/office/intake/message.xhtml?id=" + intakeMessage, titleIntake)
                .expect(200, Who.INTAKE).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("bulletin draft", "/office/supervision/bulletins.xhtml?id=" + bulletin, "矩阵通报" + u)
                .expect(200, Who.LEADER, Who.SUPERVISOR).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("bulletin draft PDF", "/office/supervision/bulletin.pdf?id=" + bulletin, null)
                .expect(200, Who.LEADER, Who.SUPERVISOR).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("bulletin draft, public page", "/bulletins/view.xhtml?id=" + bulletin, "矩阵通报" + u).otherwise(404));
        rows.add(ui("bulletin draft, public PDF", "/bulletins/bulletin.pdf?id=" + bulletin, null).otherwise(404));
        rows.add(ui("people (administration)", "/office/admin/people.xhtml", usernameB)
                .expect(200, Who.ADMIN).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("units (administration)", "/office/admin/units.xhtml", "矩阵乙局" + u)
                .expect(200, Who.ADMIN).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("API tokens (administration)", "/office/admin/tokens.xhtml", null)
                .expect(200, Who.ADMIN).expect(302, Who.ANONYMOUS).otherwise(403));
        rows.add(ui("audit trail (administration)", "/office/admin/audit.xhtml", null)
                .expect(200, Who.ADMIN).expect(302, Who.ANONYMOUS).otherwise(403));

        // ---- changes through the API; the allowed role goes last, so every refusal meets the object unchanged
        rows.add(change("case of A", "POST", "/cases/" + caseA + "/return",
                "{\"reason\":\"NOT_OUR_REMIT\",\"text\":\"矩阵测试\",\"version\":-1}")
                .expect(409, Who.LIAISON_A).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(change("draft of A", "PUT", "/handling/cases/" + caseA + "/draft",
                "{\"bodyHtml\":\"<p>矩阵草稿甲" + u + "，已改。</p>\",\"version\":" + draftVersionA + "}")
                .expect(200, Who.LIAISON_A).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(change("draft of B", "PUT", "/handling/cases/" + caseB + "/draft",
                "{\"bodyHtml\":\"<p>矩阵草稿乙" + u + "，已改。</p>\",\"version\":" + draftVersionB + "}")
                .expect(200, Who.LIAISON_B).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(change("overdue notice of A", "POST", "/supervision/notices/" + notice + "/answer",
                "{\"text\":\"矩阵测试：已说明情况。\",\"version\":" + noticeVersion + "}")
                .expect(200, Who.LIAISON_A).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(change("intake message", "POST", "/intake/messages/" + intakeMessage + "/reject",
                "{\"version\":0,\"reason\":\"矩阵测试：不属于本地。\"}")
                .expect(200, Who.INTAKE).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(change("bulletin draft", "POST", "/supervision/bulletins/" + bulletin + "/revise",
                "{\"version\":" + bulletinVersion + ",\"body\":\"矩阵通报" + u + "：修改后的正文。\"}")
                .expect(200, Who.SUPERVISOR).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(change("person (liaison of B)", "POST", "/admin/people/" + personB + "/unlock", null)
                .expect(200, Who.ADMIN).expect(401, Who.ANONYMOUS).otherwise(403));
        rows.add(change("API token", "DELETE", "/admin/tokens/" + spareToken, null)
                .expect(204, Who.ADMIN).expect(401, Who.ANONYMOUS).otherwise(403));
        for (Row r : rows) {
            for (Who w : staff) {
                assertTrue(r.expected.containsKey(w), r.action + " " + r.object);
            }
        }
        return rows;
    }

    private static Row api(String object, String method, String path, String secret) {
        return new Row(object, method, Channel.API, method, "/api/v1" + path, null, secret);
    }

    private static Row ui(String object, String path, String secret) {
        return new Row(object, "open", Channel.UI, "GET", path, null, secret);
    }

    private static Row change(String object, String method, String path, String body) {
        return new Row(object, method, Channel.API, method, "/api/v1" + path, body, null);
    }

    // -------------------------------------------------------------------------------------------------- running it

    private void run(Row row) throws Exception {
        List<Who> order = new ArrayList<>(List.of(Who.values()));
        // Changes: the refusals first, then whoever may change it (a change moves the version on).
        order.sort((x, y) -> Boolean.compare(isAllowed(row.expected.get(x)), isAllowed(row.expected.get(y))));
        for (Who w : order) {
            HttpResponse<String> r = send(row, w);
            row.actual.put(w, r.statusCode());
            if (row.secret != null && !isAllowed(r.statusCode())) {
                row.leaked.put(w, r.body().contains(row.secret));
            }
            if (row.secret != null && r.statusCode() == 200) {
                row.missing.put(w, !r.body().contains(row.secret));
            }
            if (row.shows.containsKey(w)) {
                row.missing.put(w, !r.body().contains(row.shows.get(w)));
                row.leaked.put(w, r.body().contains(row.hides.get(w)));
            }
        }
    }

    private static boolean isAllowed(Integer status) {
        return status != null && status >= 200 && status < 300 || status != null && status == 409;
    }

    private HttpResponse<String> send(Row row, Who w) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + row.path))
                .timeout(Duration.ofSeconds(60));
        HttpClient client = anonymous;
        if (row.channel == Channel.API && w != Who.ANONYMOUS) {
            b.header("Authorization", "Bearer " + tokens.get(w));
        } else if (row.channel == Channel.UI && w != Who.ANONYMOUS) {
            client = sessions.get(w);
        }
        if (row.body != null) {
            b.header("Content-Type", "application/json");
        }
        b.header("Accept", "*/*");
        b.method(row.method, row.body == null
                ? ("GET".equals(row.method) || "DELETE".equals(row.method) ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(""))
                : HttpRequest.BodyPublishers.ofString(row.body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void report(List<Row> rows) throws Exception {
        StringBuilder md = new StringBuilder("# Object-level access: role × object\n\n")
                .append("Written by AccessMatrixIT. Each cell: the status the application answered; ✓ when it is the ")
                .append("expected one, ✗ (expected …) when not. API rows use a staff token per role (none for ")
                .append("anonymous); UI rows a signed-in browser session. Unit A is CG 城市管理局 (demo `liaison`), ")
                .append("unit B one this test creates with its own liaison. Objects are built by the test (run ")
                .append(u).append("). 401: no credentials for the API; 302: sent to the sign-in page; 403: ")
                .append("refused for the role or, for a liaison, for another unit's object; 404: the application does ")
                .append("not say whether the object exists (or it is not public); 409 on the return of case A: the ")
                .append("role and object checks passed and only the stale version was refused, so the case stays ")
                .append("routed. Changes run the refused roles first and the allowed one last.\n\n")
                .append("| object | action | via |");
        for (Who w : Who.values()) {
            md.append(' ').append(w.label).append(" |");
        }
        md.append("\n|---|---|---|");
        md.append("---|".repeat(Who.values().length)).append('\n');
        for (Row r : rows) {
            md.append("| ").append(r.object).append(" | ").append(r.action).append(' ')
                    .append('`').append((r.channel == Channel.UI ? r.path : r.path.replace("/api/v1", ""))
                            .replaceAll("([/=])\\d+", "$1{id}")).append('`')
                    .append(" | ").append(r.channel).append(" |");
            for (Who w : Who.values()) {
                Integer a = r.actual.get(w);
                Integer e = r.expected.get(w);
                md.append(' ').append(a).append(a != null && a.equals(e) && !r.leaked.getOrDefault(w, false) ? " ✓"
                        : " ✗ (expected " + e + (r.leaked.getOrDefault(w, false) ? ", leaked" : "") + ")").append(" |");
            }
            md.append('\n');
        }
        Files.writeString(Path.of("target", "access-matrix.md"), md.toString(), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------- the objects

    private void build() throws Exception {
        u = BoardTestData.unique();
        titleA = "矩阵测试甲局案件" + u;
        titleB = "矩阵测试乙局案件" + u;
        titleIntake = "矩阵测试待受理留言" + u;
        usernameB = "matrix-b-" + u;
        for (Who w : Who.values()) {
            if (w.demoUser != null) {
                tokens.put(w, TestApiTokens.mint(w.demoUser, w.role));
            }
        }
        try (Connection c = TestDb.connect()) {
            unitA = single(c, "select id from unit where code = 'CG'");
        }
        // Unit B and its liaison, through the administrator's API.
        JsonObject unit = json(call(Who.ADMIN, "POST", "/admin/units", Json.createObjectBuilder()
                .add("code", "MX" + u.toUpperCase()).add("name", "矩阵乙局" + u).add("nameEn", "Matrix B " + u)
                .build().toString(), 201));
        unitB = unit.getJsonNumber("id").longValue();
        JsonObject person = json(call(Who.ADMIN, "POST", "/admin/people", Json.createObjectBuilder()
                .add("username", usernameB).add("displayName", "矩阵乙局联系员").add("email", usernameB + "@matrix.test")
                .add("initialPassword", B_PASSWORD).add("roles", Json.createArrayBuilder().add("LIAISON"))
                .add("unitIds", Json.createArrayBuilder().add(unitB)).build().toString(), 201));
        personB = person.getJsonNumber("id").longValue();
        try (Connection c = TestDb.connect();
             PreparedStatement ps = c.prepareStatement(
                     "update person set must_change_password = false where username = ?")) {
            // Choosing a first password is PeopleAdminUiIT's subject; here B only needs to be signed in.
            ps.setString(1, usernameB);
            assertEquals(1, ps.executeUpdate());
        }
        tokens.put(Who.LIAISON_B, TestApiTokens.mint(usernameB, "LIAISON"));
        TestApiTokens.mint(usernameB, "LIAISON");
        try (Connection c = TestDb.connect()) {
            spareToken = single(c, "select max(id) from api_token where person_id = " + personB);
        }

        // Two messages in a batch, posted long enough ago to be overdue; an intake message; an attachment.
        OffsetDateTime posted = OffsetDateTime.now().minusDays(12);
        try (Connection c = TestDb.connect()) {
            BoardTestData data = new BoardTestData(c);
            messageA = data.insert(new BoardTestData.Msg(titleA).status(MessageStatus.BATCHED).posted(posted));
            messageB = data.insert(new BoardTestData.Msg(titleB).status(MessageStatus.BATCHED).posted(posted));
            intakeMessage = data.insert(new BoardTestData.Msg(titleIntake).status(MessageStatus.SUBMITTED)
                    .phone("13911112222"));
            batch = single(c, "select nextval('batch_seq')");
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into batch (id, year, number, cut_at, status) values (?, 1977, ?, now(), 'SLIPPED')""")) {
                ps.setLong(1, batch);
                ps.setInt(2, (int) (batch % 1_000_000));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update message set batch_id = ?, batch_seq = case when id = ? then 1 else 2 end where id in (?, ?)")) {
                ps.setLong(1, batch);
                ps.setLong(2, messageA);
                ps.setLong(3, messageA);
                ps.setLong(4, messageB);
                assertEquals(2, ps.executeUpdate());
            }
            attachmentA = file(c, "message_id", messageA, "现场照片.png");
        }

        // Routed by the leader, one case per unit.
        caseA = route(messageA, unitA);
        caseB = route(messageB, unitB);
        // The supervisor's overdue notice to unit A (before any draft: the case is overdue without a reply).
        JsonArray notices = (JsonArray) parse(call(Who.SUPERVISOR, "POST", "/supervision/notices",
                "{\"caseId\":" + caseA + "}", 200));
        notice = notices.getJsonObject(0).getJsonNumber("id").longValue();
        noticeVersion = notices.getJsonObject(0).getJsonNumber("version").longValue();
        // Each unit's liaison drafts a reply; unit A's draft gets a file.
        JsonObject savedA = json(call(Who.LIAISON_A, "PUT", "/handling/cases/" + caseA + "/draft",
                "{\"bodyHtml\":\"<p>矩阵草稿甲" + u + "</p>\",\"version\":null}", 200));
        replyA = savedA.getJsonNumber("replyId").longValue();
        draftVersionA = savedA.getJsonNumber("version").longValue();
        JsonObject savedB = json(call(Who.LIAISON_B, "PUT", "/handling/cases/" + caseB + "/draft",
                "{\"bodyHtml\":\"<p>矩阵草稿乙" + u + "</p>\",\"version\":null}", 200));
        draftVersionB = savedB.getJsonNumber("version").longValue();
        try (Connection c = TestDb.connect()) {
            replyFileA = file(c, "reply_id", replyA, "整改记录.png");
        }
        // The supervisor's bulletin draft for the last weeks.
        LocalDate today = LocalDate.now();
        JsonObject draft = json(call(Who.SUPERVISOR, "POST", "/supervision/bulletins",
                "{\"from\":\"" + today.minusDays(30) + "\",\"to\":\"" + today + "\"}", 200));
        bulletin = draft.getJsonNumber("id").longValue();
        draft = json(call(Who.SUPERVISOR, "POST", "/supervision/bulletins/" + bulletin + "/revise",
                Json.createObjectBuilder().add("version", draft.getJsonNumber("version").longValue())
                        .add("body", "矩阵通报" + u + "：各单位按期答复情况。").build().toString(), 200));
        bulletinVersion = draft.getJsonNumber("version").longValue();

        // A signed-in browser session per role.
        for (Who w : Who.values()) {
            if (w == Who.ANONYMOUS) {
                continue;
            }
            sessions.put(w, signIn(w == Who.LIAISON_B ? usernameB : w.demoUser,
                    w == Who.LIAISON_B ? B_PASSWORD : PASSWORD));
        }
    }

    private long route(long messageId, long unit) throws Exception {
        long version;
        try (Connection c = TestDb.connect()) {
            version = single(c, "select version from message where id = " + messageId);
        }
        JsonObject result = json(call(Who.LEADER, "POST", "/routing/messages/" + messageId + "/route",
                "{\"instruction\":\"矩阵测试：请核实后答复。\",\"leadUnitId\":" + unit
                        + ",\"coUnitIds\":[],\"urgent\":false,\"version\":" + version + "}", 200));
        return result.getJsonArray("caseIds").getJsonNumber(0).longValue();
    }

    /** A small PNG in the attachment store (the server's wz.storage.dir: the default, under the same home). */
    private long file(Connection c, String owner, long ownerId, String name) throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        String key = "matrix/" + UUID.randomUUID();
        Path store = Path.of(System.getProperty("user.home"), ".wenzheng", "files");
        Files.createDirectories(store.resolve("matrix"));
        Files.write(store.resolve(key), png);
        long id = single(c, "select nextval('attachment_seq')");
        try (PreparedStatement ps = c.prepareStatement("insert into attachment (id, " + owner
                + ", file_name, content_type, size_bytes, sha256, storage_key, created_at)"
                + " values (?, ?, ?, 'image/png', ?, ?, ?, now())")) {
            ps.setLong(1, id);
            ps.setLong(2, ownerId);
            ps.setString(3, name);
            ps.setLong(4, png.length);
            ps.setString(5, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
            ps.setString(6, key);
            ps.executeUpdate();
        }
        return id;
    }

    private String call(Who w, String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/api/v1"
                        + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tokens.get(w)).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = anonymous.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        return r.body();
    }

    private static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    private static JsonObject json(String body) {
        return (JsonObject) parse(body);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    /** Signs in through the Faces form over HTTP (as SecurityIT does) and returns the session's client. */
    private HttpClient signIn(String user, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher vs = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertTrue(vs.find(), "the sign-in page has a view state");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signin", "signin");
        form.put("signin:username", user);
        form.put("signin:password", password);
        form.put("signin:submit", "");
        form.put("jakarta.faces.ViewState", vs.group(1));
        Matcher nonce = Pattern.compile("name=\"primefaces.nonce\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (nonce.find()) {
            form.put("primefaces.nonce", nonce.group(1));
        }
        StringBuilder encoded = new StringBuilder();
        form.forEach((k, v) -> encoded.append(encoded.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> office = http.send(HttpRequest.newBuilder(URI.create(base + "office/index.xhtml"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, office.statusCode(), user + " is signed in");
        assertTrue(office.body().contains("id=\"office-title\""), user + " sees the back office");
        return http;
    }
}
