package org.wenzheng.board;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.wenzheng.board.BoardTestData.Msg;
import org.wenzheng.board.search.SearchWindow;
import org.wenzheng.common.DataSourceConfiguration;
import org.wenzheng.testsupport.Deployments;

import javax.naming.InitialContext;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public board's reads against real PostgreSQL with the demo data around: visibility (in the service and the
 * API), filters and paging, Chinese search and its ranking, a thread with its published reply, the statistics, the
 * Atom feed and the 404s. Every test creates its own unit and filters on it, so other data never interferes.
 */
@ExtendWith(ArquillianExtension.class)
class BoardIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application().addClass(BoardTestData.class);
    }

    @Inject
    BoardService board;

    @Inject
    BoardStatistics statistics;

    @Inject
    SearchWindow window;

    @Inject
    org.wenzheng.board.search.WindowIndex windowIndex;

    @Inject
    org.wenzheng.common.web.PublicPageCache pageCache;

    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager em;

    @Inject
    jakarta.transaction.UserTransaction tx;

    @ArquillianResource
    URL base;

    private static Connection inContainer() throws Exception {
        DataSource ds = InitialContext.doLookup(DataSourceConfiguration.JNDI_NAME);
        return ds.getConnection();
    }

    private static Connection fromClient() throws Exception {
        return DriverManager.getConnection(System.getProperty("wz.test.db.url"),
                System.getProperty("wz.test.db.user"), System.getProperty("wz.test.db.password"));
    }

    private static BoardFilter unitFilter(long unitId) {
        return new BoardFilter(null, null, unitId, null, null, 0);
    }

    private List<Long> ids(BoardFilter filter) {
        return board.list(filter, 50).items().stream().map(PublicMessage::id).toList();
    }

    @Test
    void onlyAcceptedPublicMessagesAreListedOrReadable() throws Exception {
        long unit, open, secret, rejected, waiting, merged;
        try (Connection c = inContainer()) {
            BoardTestData d = new BoardTestData(c);
            unit = d.unit("可见性测试局" + BoardTestData.unique());
            open = d.insert(new Msg("公开的留言").unit(unit));
            secret = d.insert(new Msg("不公开的留言").unit(unit).makePrivate());
            rejected = d.insert(new Msg("不予受理的留言").unit(unit).rejected("内容不属实"));
            waiting = d.insert(new Msg("待受理的留言").unit(unit).status(MessageStatus.SUBMITTED));
            merged = d.insert(new Msg("已合并的留言").unit(unit).status(MessageStatus.MERGED));
        }
        assertEquals(List.of(open), ids(unitFilter(unit)));
        assertTrue(board.thread(open).isPresent());
        for (long hidden : List.of(secret, rejected, waiting, merged)) {
            assertTrue(board.thread(hidden).isEmpty(), "message " + hidden + " is not readable");
        }
        assertTrue(board.thread(Long.MAX_VALUE).isEmpty());
        assertFalse(board.latest(0, 50).stream().anyMatch(m -> Set.of(secret, rejected, waiting, merged)
                .contains(m.id())));
    }

    @Test
    void thePublicReadModelsHaveNoPersonalOrInternalFields() {
        for (Class<?> type : List.of(PublicMessage.class, PublicThread.class, PublicReply.class, TimelineStep.class,
                StatsSnapshot.class, UnitStats.class, StatsFigures.class)) {
            String names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.joining(",")).toLowerCase(Locale.ROOT);
            for (String forbidden : List.of("contact", "phone", "email", "tracking", "reason", "ip")) {
                assertFalse(names.contains(forbidden), type.getSimpleName() + " has " + names);
            }
        }
    }

    @Test
    void filtersCombineAndPagesGoNewestFirst() throws Exception {
        OffsetDateTime t = OffsetDateTime.now().minusDays(3).truncatedTo(ChronoUnit.SECONDS);
        long unit, topic, a, b, c3, d4, e5;
        try (Connection c = inContainer()) {
            BoardTestData d = new BoardTestData(c);
            unit = d.unit("筛选测试局" + BoardTestData.unique());
            topic = d.category("筛选测试类别" + BoardTestData.unique());
            a = d.insert(new Msg("筛选A").unit(unit).kind(MessageKind.COMPLAINT).category(topic).posted(t));
            b = d.insert(new Msg("筛选B").unit(unit).kind(MessageKind.COMPLAINT).posted(t.plusHours(1))
                    .status(MessageStatus.ROUTED));
            c3 = d.insert(new Msg("筛选C").unit(unit).kind(MessageKind.HELP).category(topic).posted(t.plusHours(2))
                    .status(MessageStatus.HANDLING));
            d4 = d.insert(new Msg("筛选D").unit(unit).kind(MessageKind.HELP).posted(t.plusHours(3))
                    .status(MessageStatus.REPLIED).replied(t.plusHours(20)));
            e5 = d.insert(new Msg("筛选E").unit(unit).kind(MessageKind.SUGGESTION).posted(t.plusHours(4))
                    .status(MessageStatus.ARCHIVED).replied(t.plusHours(30)));
        }
        assertEquals(List.of(e5, d4, c3, b, a), ids(unitFilter(unit)), "newest first");
        assertEquals(List.of(b, a), ids(new BoardFilter(MessageKind.COMPLAINT, null, unit, null, null, 0)));
        assertEquals(List.of(c3, a), ids(new BoardFilter(null, topic, null, null, null, 0)));
        assertEquals(List.of(c3), ids(new BoardFilter(MessageKind.HELP, topic, unit, null, null, 0)));
        assertEquals(List.of(a), ids(new BoardFilter(null, null, unit, 1, null, 0)), "step 1: accepted");
        assertEquals(List.of(b), ids(new BoardFilter(null, null, unit, 2, null, 0)));
        assertEquals(List.of(d4), ids(new BoardFilter(null, null, unit, 4, null, 0)));
        assertEquals(List.of(e5), ids(new BoardFilter(null, null, unit, 5, null, 0)), "archived is closed");

        PublicMessage row = board.list(new BoardFilter(null, null, unit, 4, null, 0), 20).items().get(0);
        assertTrue(row.unitName().startsWith("筛选测试局"));
        assertEquals(4, row.step());
        assertEquals(t.plusHours(20).toInstant(), row.repliedAt().toInstant());
        PublicMessage withTopic = board.list(new BoardFilter(null, topic, unit, 1, null, 0), 20).items().get(0);
        assertTrue(withTopic.categoryName().startsWith("筛选测试类别"));

        BoardPage first = board.list(unitFilter(unit), 2);
        assertEquals(List.of(e5, d4), first.items().stream().map(PublicMessage::id).toList());
        assertTrue(first.hasNext());
        BoardPage last = board.list(unitFilter(unit).withPage(2), 2);
        assertEquals(List.of(a), last.items().stream().map(PublicMessage::id).toList());
        assertFalse(last.hasNext());
        assertTrue(last.hasPrevious());
        assertTrue(board.list(unitFilter(unit).withPage(BoardFilter.MAX_PAGE), 50).items().isEmpty(),
                "the deepest allowed page is an ordinary, empty page");
    }

    @Test
    void searchFindsChineseWordsPhrasesAndMixedTextOnlyAmongPublicMessages() throws Exception {
        long unit, parking, noise, demolition, mixed, privateNoise;
        try (Connection c = inContainer()) {
            BoardTestData d = new BoardTestData(c);
            unit = d.unit("搜索测试局" + BoardTestData.unique());
            parking = d.insert(new Msg("小区门口停车收费太贵").unit(unit).body("物业停车收费标准不透明。"));
            noise = d.insert(new Msg("夜间施工扰民").unit(unit).body("工地每晚施工到凌晨，噪音很大。"));
            demolition = d.insert(new Msg("拆迁补偿标准咨询").unit(unit).body("老城区拆迁的补偿怎么算？"));
            mixed = d.insert(new Msg("5G基站信号差").unit(unit).body("换了iPhone15以后家里信号还是很差。"));
            privateNoise = d.insert(new Msg("楼上噪音").unit(unit).body("噪音扰民。").makePrivate());
        }
        assertEquals(List.of(noise), search(unit, "噪音"), "the private message with 噪音 is never found");
        assertEquals(List.of(parking), search(unit, "停车"));
        assertEquals(List.of(parking), search(unit, "停车收费"));
        assertEquals(List.of(), search(unit, "收费停车"), "a phrase matches in order");
        assertEquals(List.of(demolition), search(unit, "拆迁"));
        assertEquals(List.of(mixed), search(unit, "5G基站"));
        assertEquals(List.of(mixed), search(unit, "iphone 信号"));
        assertEquals(List.of(mixed), search(unit, "ＩＰＨＯＮＥ１５"), "full-width input is folded");
        assertFalse(search(unit, "噪音").contains(privateNoise));

        BoardPage punctuation = board.list(new BoardFilter(null, null, unit, null, "！？…", 0), 50);
        assertFalse(punctuation.search(), "punctuation only: the plain board");
        assertEquals(5 - 1, punctuation.items().size());
        assertTrue(board.list(new BoardFilter(null, null, unit, null, "噪音", 0), 50).search());
    }

    @Test
    void searchRanksTheMostRelevantFirstAndCombinesWithFilters() throws Exception {
        long unit, strong, weak, other;
        OffsetDateTime t = OffsetDateTime.now().minusDays(1);
        try (Connection c = inContainer()) {
            BoardTestData d = new BoardTestData(c);
            unit = d.unit("排序测试局" + BoardTestData.unique());
            strong = d.insert(new Msg("垃圾分类 垃圾清运不及时").unit(unit).posted(t)
                    .body("垃圾桶满了没人清运，垃圾堆在路边，垃圾味道很大。"));
            weak = d.insert(new Msg("社区活动室开放时间").unit(unit).posted(t.plusHours(5))
                    .body("活动室周末经常关门，希望延长开放时间，另外门口偶尔有垃圾。"));
            other = d.insert(new Msg("垃圾站选址").unit(unit).kind(MessageKind.SUGGESTION).posted(t.plusHours(6))
                    .body("建议垃圾站远离学校。"));
        }
        List<Long> ranked = search(unit, "垃圾");
        assertEquals(3, ranked.size());
        assertTrue(ranked.indexOf(strong) < ranked.indexOf(weak),
                "many hits beat one, although the weak match is newer: " + ranked);
        assertEquals(List.of(other), board.list(new BoardFilter(MessageKind.SUGGESTION, null, unit, null, "垃圾", 0),
                50).items().stream().map(PublicMessage::id).toList());
    }

    @Test
    void aRareWordIsFoundBeyondTheNewestMessagesAndACommonOneAmongThem() throws Exception {
        long unit, rare, commonOld;
        OffsetDateTime old = OffsetDateTime.now().minusDays(400);
        try (Connection c = inContainer()) {
            BoardTestData d = new BoardTestData(c);
            unit = d.unit("窗口测试局" + BoardTestData.unique());
            rare = d.insert(new Msg("古井保护咨询").unit(unit).posted(old).body("村口古井需要保护。"));
            commonOld = d.insert(new Msg("路灯不亮").unit(unit).posted(old.plusDays(1)).body("路灯坏了很久。"));
            // A full window of newer messages in the unit, every tenth about 路灯.
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into message (id, tracking_code, kind, target_unit_id, title, body, private_message, status,
                        public_visible, posted_at, registered_at, search_text)
                    select nextval('message_seq'), substr(md5(random()::text || g), 1, 16), 'COMPLAINT', ?,
                        case when g % 10 = 0 then '路灯又坏了' else '小区绿化' end, '见标题。', false, 'CLOSED',
                        true, now() - g * interval '1 minute', now() - g * interval '1 minute',
                        case when g % 10 = 0 then ? else ? end
                    from generate_series(1, ?) g""")) {
                ps.setLong(1, unit);
                ps.setString(2, BoardTestData.TOKENIZER.indexText("路灯又坏了", "见标题。"));
                ps.setString(3, BoardTestData.TOKENIZER.indexText("小区绿化", "见标题。"));
                ps.setInt(4, BoardService.RECENT_WINDOW);
                assertEquals(BoardService.RECENT_WINDOW, ps.executeUpdate());
            }
        }
        assertEquals(List.of(rare), search(unit, "古井"), "a rare word is looked up beyond the newest messages");
        List<Long> common = search(unit, "路灯");
        assertEquals(50, common.size());
        assertFalse(common.contains(commonOld),
                "a common word is ranked among the newest messages; the old match is not a candidate");
    }

    @Test
    void theSearchWindowFollowsEveryChangeOfAMessageAndOlderMessagesAreFoundOnceEitherWay() throws Exception {
        long unit, fresh, old, hidden;
        OffsetDateTime now = OffsetDateTime.now();
        try (Connection c = inContainer()) {
            BoardTestData d = new BoardTestData(c);
            unit = d.unit("窗口同步局" + BoardTestData.unique());
            fresh = d.insert(new Msg("井盖松动").unit(unit).posted(now.minusDays(1)).body("人行道井盖松动。"));
            old = d.insert(new Msg("井盖缺失").unit(unit).posted(now.minusDays(400)).body("路口井盖丢了。")
                    .status(MessageStatus.CLOSED));
            hidden = d.insert(new Msg("井盖噪音").unit(unit).posted(now.minusHours(2)).body("井盖响。").makePrivate());
        }
        assertEquals(List.of(fresh), inWindow(unit), "only the new public message is in the window");
        assertEquals(java.util.Set.of(fresh, old), java.util.Set.copyOf(search(unit, "井盖")),
                "the window has few matches, so older messages are searched too");
        assertEquals(List.of(old), board.list(new BoardFilter(null, null, unit, 5, "井盖", 0), 50).items().stream()
                .map(PublicMessage::id).toList(), "the public-step filter, read from message");

        try (Connection c = inContainer(); Statement st = c.createStatement()) {
            // Made private: gone from the window at once, whatever code made the change.
            st.executeUpdate("update message set private_message = true, public_visible = false where id = " + fresh);
            assertEquals(List.of(), inWindow(unit));
            assertEquals(List.of(old), search(unit, "井盖"));
            // Public again, with corrected text: back, with the new words.
            st.executeUpdate("update message set private_message = false, public_visible = true, search_text = '"
                    + BoardTestData.TOKENIZER.indexText("窨井盖松动", "人行道窨井盖松动。") + "' where id = " + fresh);
            st.executeUpdate("update message set public_visible = true, private_message = false where id = " + hidden);
        }
        assertEquals(List.of(fresh, hidden), inWindow(unit).stream().sorted().toList());
        assertEquals(List.of(fresh), search(unit, "窨井"));

        OffsetDateTime start = window.startsAt();
        try {
            SearchWindow.Moved grown = window.moveTo(now.minusDays(500));
            assertTrue(grown.added() >= 1, "the older message joined: " + grown);
            assertTrue(inWindow(unit).contains(old));
            List<Long> found = search(unit, "井盖");
            assertEquals(3, found.size(), "each match once, from the window only: " + found);
            SearchWindow.Moved shrunk = window.moveTo(start);
            assertTrue(shrunk.dropped() >= 1, shrunk.toString());
            assertFalse(inWindow(unit).contains(old));
            assertEquals(java.util.Set.of(fresh, old, hidden), java.util.Set.copyOf(search(unit, "井盖")));
        } finally {
            window.moveTo(start);
        }
    }

    @Test
    void theWindowInMemoryRanksAsPostgresqlDoesAndSeesEveryChangeAtTheNextSearch() throws Exception {
        long unit;
        long old;
        List<Long> fresh = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = inContainer()) {
            BoardTestData d = new BoardTestData(c);
            unit = d.unit("内存窗口局" + BoardTestData.unique());
            old = d.insert(new Msg("榕树修剪").unit(unit).posted(now.minusDays(400)).body("老榕树挡住路灯。")
                    .status(MessageStatus.CLOSED));
            // Enough matches in the window (120, and 100 of the phrase) that the copy in memory answers; some name
            // 榕树 twice, some stand 榕树 and 修剪 apart, so the ranks differ, and three at a time share a posting
            // time (ties: the higher id first).
            for (int i = 0; i < 120; i++) {
                String title = i % 7 == 0 ? "榕树榕树修剪" : i % 5 == 0 ? "榕树需要及时修剪" : "榕树修剪";
                String body = i % 3 == 0 ? "小区门口的榕树。" : "请处理。";
                fresh.add(d.insert(new Msg(title).unit(unit).body(body)
                        .kind(i % 2 == 0 ? MessageKind.SUGGESTION : MessageKind.COMPLAINT)
                        .posted(now.minusMinutes(i / 3))));
            }
        }
        windowIndex.load();
        assertTrue(windowIndex.isLoaded());

        for (String q : List.of("榕树", "榕树修剪", "榕树 修剪", "修剪 榕树")) {
            List<Long> expected = rankedInSql(unit, q, null);
            assertTrue(countInMemory(unit, q) >= 100, "answered from memory: " + q);
            List<Long> inMemory = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                BoardPage p = board.list(new BoardFilter(null, null, unit, null, q, page), 50);
                inMemory.addAll(p.items().stream().map(PublicMessage::id).toList());
                assertEquals(inMemory.size() < expected.size(), p.hasNext(), q + ", page " + page);
            }
            assertEquals(expected, inMemory, "the same matches in the same order as ts_rank_cd: " + q);
        }
        assertEquals(120, countInMemory(unit, "榕树"));
        assertEquals(100, countInMemory(unit, "榕树修剪"));
        assertEquals(rankedInSql(unit, "榕树", "SUGGESTION").size(), windowIndex.search(
                BoardTestData.TOKENIZER.queryTerms("榕树"), "SUGGESTION", null, unit, 0, 1000, 1).orElseThrow().count(),
                "filters apply in memory too");

        long top = search(unit, "榕树").get(0);
        try (Connection c = inContainer(); Statement st = c.createStatement()) {
            // Made private on another connection (as another instance would): not counted by the next search.
            st.executeUpdate("update message set private_message = true, public_visible = false where id = " + top);
            assertEquals(119, countInMemory(unit, "榕树"));
            assertFalse(search(unit, "榕树").contains(top));
            // Corrected text, public again: found by its new words only.
            st.executeUpdate("update message set private_message = false, public_visible = true, search_text = '"
                    + BoardTestData.TOKENIZER.indexText("梧桐落叶", "梧桐叶子堵了下水道。") + "' where id = " + top);
            assertEquals(119, countInMemory(unit, "榕树"));
            assertEquals(1, countInMemory(unit, "梧桐"));
        }
        OffsetDateTime start = window.startsAt();
        try {
            window.moveTo(now.minusDays(500));
            assertEquals(120, countInMemory(unit, "榕树"), "the older message joined the window");
            window.moveTo(start);
            assertEquals(119, countInMemory(unit, "榕树"), "and left it");
            assertEquals(rankedInSql(unit, "榕树", null).subList(0, 50), search(unit, "榕树"));
            assertFalse(search(unit, "榕树").contains(old), "the window has enough matches; older ones not asked");
        } finally {
            window.moveTo(start);
        }
        assertTrue(fresh.containsAll(search(unit, "榕树")));
    }

    /** The window's matches in the unit as PostgreSQL ranks them, at most the first three pages of 50. */
    private List<Long> rankedInSql(long unit, String q, String kind) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = inContainer(); PreparedStatement ps = c.prepareStatement("""
                select r.message_id from search_recent r, to_tsquery('simple', ?) q
                where r.target_unit_id = ? and r.search_vector @@ q and (?::text is null or r.kind = ?)
                  and r.posted_at >= (select starts_at from search_window)
                order by ts_rank_cd(r.search_vector, q) desc, r.posted_at desc, r.message_id desc limit 150""")) {
            ps.setString(1, BoardTestData.TOKENIZER.tsQuery(q).orElseThrow());
            ps.setLong(2, unit);
            ps.setString(3, kind);
            ps.setString(4, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private int countInMemory(long unit, String q) {
        return windowIndex.search(BoardTestData.TOKENIZER.queryTerms(q), null, null, unit, 0, 1000, 1).orElseThrow()
                .count();
    }

    private List<Long> inWindow(long unit) throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        try (Connection c = inContainer(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select message_id from search_recent where target_unit_id = "
                     + unit + " order by message_id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    @Test
    void aSearchPastItsTimeLimitIsCancelledAndTheReaderAskedToNarrowIt() throws Exception {
        // Another transaction holds the message table, so the search waits until the database cancels it.
        try (Connection lock = org.wenzheng.testsupport.TestDb.connect()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("lock table message in access exclusive mode");
            }
            try {
                HttpResponse<String> page = get("board/index.xhtml?q=" + java.net.URLEncoder.encode("噪音",
                        java.nio.charset.StandardCharsets.UTF_8), "Authorization", "Bearer uncached");
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("id=\"tooBroad\""), "the reader is told, not shown an error");
                assertTrue(page.body().contains("请换用更具体的词语"));
                assertFalse(page.body().contains("id=\"empty\""), "not presented as an empty result");

                HttpResponse<String> api = get("api/v1/board/messages?q=" + java.net.URLEncoder.encode("噪音",
                        java.nio.charset.StandardCharsets.UTF_8));
                assertEquals(422, api.statusCode());
                assertTrue(api.body().contains("\"search_too_broad\""), api.body());
            } finally {
                lock.rollback();
            }
        }
        assertEquals(200, get("api/v1/board/messages?q=" + java.net.URLEncoder.encode("噪音",
                java.nio.charset.StandardCharsets.UTF_8)).statusCode(), "searching works again at once");
    }

    private List<Long> search(long unit, String q) {
        return board.list(new BoardFilter(null, null, unit, null, q, 0), 50).items().stream()
                .map(PublicMessage::id).toList();
    }

    @Test
    void aThreadShowsTheLeadUnitsPublishedRepliesUnderTheMessage() throws Exception {
        OffsetDateTime t = OffsetDateTime.now().minusDays(2).truncatedTo(ChronoUnit.SECONDS);
        long unit, coUnit, message, published;
        try (Connection c = inContainer()) {
            BoardTestData d = new BoardTestData(c);
            unit = d.unit("答复测试局" + BoardTestData.unique());
            coUnit = d.unit("协办测试局" + BoardTestData.unique());
            message = d.insert(new Msg("路灯不亮").unit(unit).posted(t).body("第一行\n第二行 <b>不是标签</b>")
                    .displayName("老张").status(MessageStatus.REPLIED).replied(t.plusDays(1)));
            published = d.reply(message, unit, "LEAD", "PUBLISHED", "<p>已修复路灯。</p>", t.plusDays(1));
            d.reply(message, coUnit, "CO", "PUBLISHED", "<p>协办意见</p>", t.plusDays(1));
            d.reply(message, unit, "LEAD", "DRAFT", "<p>草稿</p>", t.plusDays(1));
        }
        PublicThread thread = board.thread(message).orElseThrow();
        assertEquals("路灯不亮", thread.message().title());
        assertEquals("第一行\n第二行 <b>不是标签</b>", thread.body(), "the text as written; pages escape it");
        assertEquals("老张", thread.displayName());
        assertEquals(1, thread.replies().size());
        PublicReply reply = thread.replies().get(0);
        assertEquals(published, reply.id());
        assertTrue(reply.unitName().startsWith("答复测试局"));
        assertEquals("<p>已修复路灯。</p>", reply.bodyHtml());
        assertEquals(t.plusDays(1).toInstant(), reply.publishedAt().toInstant());
        assertEquals(4, thread.message().step());
        assertTrue(thread.timeline().get(4).current());
        assertTrue(thread.timeline().get(2).reached());
        assertFalse(thread.timeline().get(5).reached());
        assertTrue(thread.timeline().get(2).at() != null, "routed: the first case's date");
    }

    @Test
    void statisticsCountAcceptedMessagesPerUnit() throws Exception {
        StatsSnapshot before = statistics.refresh();
        OffsetDateTime now = OffsetDateTime.now();
        long unit;
        try (Connection c = inContainer()) {
            BoardTestData d = new BoardTestData(c);
            unit = d.unit("统计测试局" + BoardTestData.unique());
            long first = d.insert(new Msg("统计1").unit(unit).posted(now).due(now.plusDays(3)).replied(now.plusDays(1))
                    .status(MessageStatus.REPLIED));
            // The citizen was not satisfied and the unit handled it again (重办): it counts against the unit.
            d.reply(first, unit, "LEAD", "PUBLISHED", "<p>已答复</p>", now.plusDays(1));
            try (Statement st = c.createStatement()) {
                st.executeUpdate("update handling_case set reopen_count = 1 where message_id = " + first);
            }
            d.insert(new Msg("统计2").unit(unit).posted(now).due(now.plusDays(1)).replied(now.plusDays(2))
                    .status(MessageStatus.CLOSED));
            d.insert(new Msg("统计3").unit(unit).posted(now).due(now.plusDays(3)).status(MessageStatus.HANDLING));
            d.insert(new Msg("统计4 不公开也计入").unit(unit).posted(now).makePrivate());
            d.insert(new Msg("统计5 不予受理不计").unit(unit).posted(now).rejected("重复"));
            d.insert(new Msg("统计6 待受理不计").unit(unit).posted(now).status(MessageStatus.SUBMITTED));
        }
        StatsSnapshot s = statistics.refresh();
        UnitStats u = s.unit(unit).orElseThrow();
        assertEquals(new StatsFigures(4, 2, 2, 1, 3 * 86_400, 1), u.allTime());
        assertEquals(u.allTime(), u.thisMonth(), "all posted this month");
        assertEquals(50.0, u.allTime().replyRate());
        assertEquals(50.0, u.allTime().onTimeRate());
        assertEquals(1.5, u.allTime().averageDaysToReply());
        assertTrue(s.allTime().received() >= before.allTime().received() + 4);
        assertEquals(s.units().stream().mapToLong(x -> x.allTime().received()).sum(), s.allTime().received());
        assertTrue(statistics.current() == s, "served from the cache until it is stale");
    }

    @Test
    void theBoardQueriesUseThePartialIndexes() throws Exception {
        try (Connection c = inContainer(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // On a small table PostgreSQL would rightly scan and sort it; forbid that to see which index can serve
            // the query in the board's order, as it must with a million rows.
            st.execute("set local enable_seqscan = off");
            st.execute("set local enable_bitmapscan = off");
            st.execute("set local enable_sort = off");
            assertPlanUses(st, "message_board_kind_idx", "select id from message m where m.public_visible and m.kind = 'HELP'"
                    + " order by m.posted_at desc, m.id desc limit 21");
            assertPlanUses(st, "message_board_step_idx", "select id from message m where m.public_visible and "
                    + BoardService.STEP_SQL.replace("case status", "case m.status") + " = 3"
                    + " order by m.posted_at desc, m.id desc limit 21");
            // The page's ids alone (BoardService's first step), from the index without reading the table (V25).
            assertPlanUses(st, "Index Only Scan using message_board_idx", "select m.id, m.posted_at from message m"
                    + " where m.public_visible order by m.posted_at desc, m.id desc limit 21 offset 40");
            assertPlanUses(st, "message_board_replied_idx", "select id from message m where m.public_visible and m.replied_at is not null"
                    + " order by m.replied_at desc, m.id desc limit 50");
            c.rollback();
        }
    }

    private static void assertPlanUses(Statement st, String index, String sql) throws Exception {
        String plan = plan(st, sql);
        assertTrue(plan.contains(index + " "), plan);
    }

    private static String plan(Statement st, String sql) throws Exception {
        StringBuilder out = new StringBuilder(sql).append('\n');
        try (ResultSet rs = st.executeQuery("explain " + sql)) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    @RunAsClient
    void theApiShowsOnlyPublicMessagesAndNoPersonalData() throws Exception {
        long unit, open, secret, rejected, waiting;
        try (Connection c = fromClient()) {
            BoardTestData d = new BoardTestData(c);
            unit = d.unit("接口测试局" + BoardTestData.unique());
            open = d.insert(new Msg("接口公开留言停车难").unit(unit).phone("13912345678").displayName("小王")
                    .status(MessageStatus.REPLIED).replied(OffsetDateTime.now()));
            d.reply(open, unit, "LEAD", "PUBLISHED", "<p>已增设停车位。</p>", OffsetDateTime.now());
            secret = d.insert(new Msg("接口不公开留言").unit(unit).makePrivate());
            rejected = d.insert(new Msg("接口不予受理留言").unit(unit).rejected("理由保密内容"));
            waiting = d.insert(new Msg("接口待受理留言").unit(unit).status(MessageStatus.SUBMITTED));
        }
        HttpResponse<String> list = get("api/v1/board/messages?unit=" + unit);
        assertEquals(200, list.statusCode());
        JsonArray items = Json.createReader(new StringReader(list.body())).readArray();
        assertEquals(1, items.size(), list.body());
        assertEquals(open, items.getJsonObject(0).getJsonNumber("id").longValue());
        assertNoPersonalData(list.body());

        HttpResponse<String> searched = get("api/v1/board/messages?unit=" + unit + "&q="
                + java.net.URLEncoder.encode("停车", StandardCharsets.UTF_8));
        assertEquals(1, Json.createReader(new StringReader(searched.body())).readArray().size(), searched.body());

        HttpResponse<String> thread = get("api/v1/board/messages/" + open);
        assertEquals(200, thread.statusCode());
        JsonObject t = Json.createReader(new StringReader(thread.body())).readObject();
        assertEquals("接口公开留言停车难", t.getJsonObject("message").getString("title"));
        assertEquals("小王", t.getString("displayName"));
        assertEquals("<p>已增设停车位。</p>", t.getJsonArray("replies").getJsonObject(0).getString("bodyHtml"));
        assertNoPersonalData(thread.body());

        for (long hidden : List.of(secret, rejected, waiting)) {
            HttpResponse<String> r = get("api/v1/board/messages/" + hidden);
            assertEquals(404, r.statusCode(), "message " + hidden);
            assertFalse(r.body().contains("理由保密内容"));
        }
        assertEquals(400, get("api/v1/board/messages?kind=BOGUS").statusCode());
        assertEquals(400, get("api/v1/board/messages?topic=abc").statusCode());
        assertEquals(400, get("api/v1/board/messages?step=9").statusCode());

        HttpResponse<String> paged = get("api/v1/board/messages?size=1&unit=" + unit + "&page=0");
        assertFalse(paged.headers().firstValue("link").isPresent(), "one message: no next page");
    }

    private static void assertNoPersonalData(String json) {
        for (String forbidden : List.of("13912345678", "13800138000", "citizen@example.org", "contact",
                "trackingCode", "rejectedReason", "理由保密内容")) {
            assertFalse(json.contains(forbidden), forbidden + " in " + json);
        }
    }

    @Test
    @RunAsClient
    void theThreadPageAnswers404ForWhatIsNotPublic() throws Exception {
        long unit, open, secret;
        try (Connection c = fromClient()) {
            BoardTestData d = new BoardTestData(c);
            unit = d.unit("页面测试局" + BoardTestData.unique());
            open = d.insert(new Msg("页面<i>公开</i>留言").unit(unit).body("第一行\n<script>alert(1)</script>"));
            secret = d.insert(new Msg("页面不公开留言").unit(unit).makePrivate());
        }
        HttpResponse<String> page = get("board/thread.xhtml?id=" + open);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("页面&lt;i&gt;公开&lt;/i&gt;留言"), "the title is escaped");
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is escaped");
        assertFalse(page.body().contains("13800138000"));
        assertEquals(404, get("board/thread.xhtml?id=" + secret).statusCode());
        assertEquals(404, get("board/thread.xhtml?id=abc").statusCode());
        assertEquals(404, get("board/thread.xhtml").statusCode());
        assertFalse(get("board/thread.xhtml?id=" + secret).body().contains("页面不公开留言"));

        // The board's list of the unit: the public message only, its title escaped, linked to its thread.
        String board = get("board/index.xhtml?unit=" + unit).body();
        assertTrue(board.contains("<li class=\"wz-board__row\" data-id=\"" + open + "\">"), board);
        assertTrue(board.contains("thread.xhtml?id=" + open + "\""), board);
        assertTrue(board.contains("页面&lt;i&gt;公开&lt;/i&gt;留言"), "the title is escaped in the list");
        assertFalse(board.contains("<i>公开"));
        assertFalse(board.contains("页面不公开留言"));
        assertTrue(board.contains("<span class=\"wz-step wz-step--1\">已受理</span>"), "the status badge");

        // The filter form shows what was understood: the unit chosen (one the menu offers: the menus' units are
        // kept for a while, so a unit this test wrote to the database itself may not be among them yet); a bad kind
        // as "all"; the search text as typed, escaped.
        java.util.regex.Matcher offered = java.util.regex.Pattern.compile(
                "<select id=\"unit\" name=\"unit\"><option value=\"\" selected=\"selected\">全部</option>"
                        + "<option value=\"(\\d+)\">([^<]+)</option>").matcher(get("board/index.xhtml").body());
        assertTrue(offered.find(), "the unit menu offers units");
        String filtered = get("board/index.xhtml?unit=" + offered.group(1) + "&kind=NONSENSE&q=%3Cb%3E").body();
        assertTrue(filtered.contains("<option value=\"" + offered.group(1) + "\" selected=\"selected\">"
                + offered.group(2) + "</option>"), filtered);
        assertTrue(filtered.contains("<select id=\"kind\" name=\"kind\"><option value=\"\" selected=\"selected\">全部"),
                filtered);
        assertTrue(filtered.contains("name=\"q\" value=\"&lt;b&gt;\""), filtered);
        assertFalse(filtered.contains("value=\"<b>"));
    }

    @Test
    @RunAsClient
    void thePublicPagesLoadNoPrimeFacesThemeAndTheSignInPageDoes() throws Exception {
        // The public pages' look is wz.css alone; a phone should not fetch the theme's 212 KB for nothing.
        for (String page : List.of("", "board/index.xhtml", "board/post.xhtml", "track/index.xhtml")) {
            String body = get(page).body();
            assertTrue(body.contains("css/wz.css"), page);
            assertFalse(body.contains("primefaces-saga-blue"), page);
        }
        assertTrue(get("login.xhtml").body().contains("theme.css.xhtml?ln=primefaces-saga-blue"));
    }

    @Test
    @RunAsClient
    void theAtomFeedIsWellFormedAndEscapesTitles() throws Exception {
        String title = "<script>alert(1)</script> & 订阅" + BoardTestData.unique();
        long id;
        try (Connection c = fromClient()) {
            BoardTestData d = new BoardTestData(c);
            long unit = d.unit("订阅测试局" + BoardTestData.unique());
            // Replied "in the future", so that it is first in the feed whatever other tests created.
            id = d.insert(new Msg(title).unit(unit).status(MessageStatus.REPLIED)
                    .replied(OffsetDateTime.now().plusYears(1)));
        }
        HttpResponse<byte[]> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(new URL(base, "api/v1/board/feed.atom").toString())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, feed.statusCode());
        assertTrue(feed.headers().firstValue("content-type").orElse("").startsWith("application/atom+xml"));
        String raw = new String(feed.body(), StandardCharsets.UTF_8);
        assertFalse(raw.contains("<script>"), "escaped");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body()));
        assertEquals("feed", doc.getDocumentElement().getLocalName());
        NodeList entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertTrue(entries.getLength() >= 1);
        Element first = (Element) entries.item(0);
        assertEquals(title, first.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0)
                .getTextContent());
        assertTrue(first.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent()
                .endsWith("/board/thread.xhtml?id=" + id));
    }

    @Test
    @RunAsClient
    void statsAndOpenApiArePublished() throws Exception {
        HttpResponse<String> stats = get("api/v1/board/stats");
        assertEquals(200, stats.statusCode());
        JsonObject s = Json.createReader(new StringReader(stats.body())).readObject();
        assertTrue(s.getJsonObject("allTime").getJsonNumber("received").longValue() >= 0);
        assertTrue(s.containsKey("asOf"));
        assertTrue(s.containsKey("units"));
        String openapi = get("/openapi").body();
        List<String> missing = new ArrayList<>();
        for (String path : List.of("/api/v1/board/messages/{id}", "/api/v1/board/stats",
                "/api/v1/board/feed.atom")) {
            if (!openapi.contains(path)) {
                missing.add(path);
            }
        }
        assertEquals(List.of(), missing, openapi);
    }

    @Test
    void anonymousReadersGetStoredPagesUntilPublicContentChanges() throws Exception {
        long message;
        try (Connection c = inContainer()) {
            BoardTestData d = new BoardTestData(c);
            message = d.insert(new Msg("缓存测试留言" + BoardTestData.unique()).unit(d.unit("缓存测试局" + BoardTestData.unique()))
                    .displayName("老王"));
        }
        String path = "board/thread.xhtml?id=" + message;
        pageCache.setTimeToLive(java.time.Duration.ofMinutes(5));
        try {
            HttpResponse<String> first = get(path);
            assertEquals(200, first.statusCode());
            assertTrue(first.body().contains("老王"));
            assertTrue(first.headers().allValues("Set-Cookie").isEmpty(), "reading opens no session");
            assertEquals(1, pageCache.size());

            // Changed behind JPA's back (no listener runs): the stored page is what readers get.
            try (Connection c = inContainer(); Statement st = c.createStatement()) {
                st.executeUpdate("update message set display_name = '老李' where id = " + message);
            }
            HttpResponse<String> stored = get(path);
            HttpResponse<String> again = get(path);
            String firstNonce = ownNonce(first);
            String storedNonce = ownNonce(stored);
            String againNonce = ownNonce(again);
            assertTrue(!firstNonce.equals(storedNonce) && !storedNonce.equals(againNonce)
                    && !firstNonce.equals(againNonce), "every replay of a stored page has a fresh CSP nonce");
            assertEquals(first.body(), stored.body().replace(storedNonce, firstNonce), "otherwise the same page");
            assertEquals(first.body(), again.body().replace(againNonce, firstNonce));
            assertEquals(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                    Integer.parseInt(again.headers().firstValue("Content-Length").orElse("-1")));
            assertEquals("nosniff", stored.headers().firstValue("X-Content-Type-Options").orElse(null),
                    "a stored page keeps the headers the other filters set");
            assertTrue(get(path, "Authorization", "Bearer x").body().contains("老李"),
                    "a request with credentials is never served from the store");
            HttpResponse<String> english = get(path, "Cookie", "wz-lang=en");
            assertEquals("en", english.body().replaceAll("(?s).*<html[^>]* lang=\"([^\"]+)\".*", "$1"),
                    "the language cookie is part of the key");

            // A change through JPA to public content drops the stored pages at once.
            tx.begin();
            em.find(org.wenzheng.board.Message.class, message).setDisplayName("老赵");
            tx.commit();
            HttpResponse<String> changed = get(path);
            assertTrue(changed.body().contains("老赵"));

            // A thread page is revalidated rather than dropped: after a change elsewhere, the same page is served
            // again once its data is read and found unchanged...
            var before = pageCache.stats();
            org.wenzheng.common.web.PublicPageCache.publicContentChanged();
            HttpResponse<String> revalidated = get(path);
            assertEquals(changed.body(), revalidated.body().replace(ownNonce(revalidated), ownNonce(changed)),
                    "the same page, with a nonce of its own");
            var after = pageCache.stats();
            assertEquals(before.revalidated() + 1, after.revalidated(), "served again after revalidation");
            assertEquals(before.misses(), after.misses(), "not rendered again");

            // ...and a change it does not know about (another instance's, here one behind JPA's back) is found by
            // the revalidation.
            try (Connection c = inContainer(); Statement st = c.createStatement()) {
                st.executeUpdate("update message set display_name = '老钱' where id = " + message);
            }
            assertTrue(get(path).body().contains("老赵"), "still within its time: the stored page");
            org.wenzheng.common.web.PublicPageCache.publicContentChanged();
            assertTrue(get(path).body().contains("老钱"));
            assertEquals(after.misses() + 1, pageCache.stats().misses(), "rendered again");
        } finally {
            pageCache.setTimeToLive(java.time.Duration.ZERO);
        }
    }

    /**
     * The nonce of the page's CSP header, after checking that every nonce in the page (attributes and PrimeFaces'
     * csp.init) is that one, and that there is at least one nonced script.
     */
    private static String ownNonce(HttpResponse<String> page) {
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        java.util.regex.Matcher h = java.util.regex.Pattern.compile("'nonce-([^']+)'").matcher(csp);
        assertTrue(h.find(), csp);
        String nonce = h.group(1);
        java.util.regex.Matcher a = java.util.regex.Pattern.compile("nonce=\"([^\"]*)\"").matcher(page.body());
        int attributes = 0;
        while (a.find()) {
            assertEquals(nonce, a.group(1), "a nonce attribute that is not the header's");
            attributes++;
        }
        assertTrue(attributes > 0, "the page has nonced scripts");
        java.util.regex.Matcher init = java.util.regex.Pattern.compile("csp\\.init\\('([^']*)'\\)").matcher(page.body());
        while (init.find()) {
            assertEquals(nonce, init.group(1), "PrimeFaces' script nonce is the header's");
        }
        return nonce;
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(new URL(base, path).toString()))
                .header(header, value).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(new URL(base, path).toString()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
