package org.wenzheng.board;

import org.wenzheng.common.SqlTimes;
import org.wenzheng.common.web.PublicPageCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.QueryTimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.board.search.WindowDocs;
import org.wenzheng.board.search.WindowIndex;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Reads of the public board. Only {@code public_visible} messages ever leave this class, and of them never contact
 * data, tracking codes or rejection reasons.
 *
 * <p>Every query is bounded (LIMIT, bounded OFFSET, search candidates capped) and served by the partial
 * {@code where public_visible} indexes of V1 and V4. Queries are native SQL assembled from fixed fragments chosen by
 * which filters are set; every value, above all the reader's search text, is a bound parameter.
 */
@ApplicationScoped
public class BoardService {

    private static final Logger LOG = Logger.getLogger(BoardService.class.getName());

    public static final int MAX_PAGE_SIZE = 50;
    public static final int DEFAULT_PAGE_SIZE = 20;
    /**
     * A search ranks at most this many of the newest matching messages. Ranking reads each match's vector, so a
     * common word among a million messages would otherwise rank tens of thousands of rows per page view.
     */
    public static final int MAX_SEARCH_CANDIDATES = 1000;
    /**
     * When the window of the newest messages (search_recent, V21) has fewer than {@link #ENOUGH_RECENT_MATCHES}
     * matches, a search walks this many of the older public messages by date, newest first, testing each (a bounded
     * cost whatever the words, and the right plan when a filter leaves few messages), and only if that still finds
     * too few asks the word index on message, which is cheap exactly then: the words are rare. Either plan alone is
     * slow for the other kind of word (a rare word walked through a million rows took 11 s; a common word's index
     * entries are tens of thousands of rows).
     */
    static final int RECENT_WINDOW = 5000;
    static final int ENOUGH_RECENT_MATCHES = 100;
    public static final int FEED_SIZE = 50;

    /** {@link MessageStatus#publicStep()} in SQL; V4's message_board_step_idx indexes exactly this expression. */
    static final String STEP_SQL = "(case status"
            + " when 'REGISTERED' then 1 when 'BATCHED' then 1 when 'ROUTED' then 2 when 'HANDLING' then 3"
            + " when 'REPLIED' then 4 when 'CLOSED' then 5 when 'ARCHIVED' then 5 else 0 end)";

    private static final String COLUMNS = "m.id, m.title, m.kind, m.posted_at, m.status, m.replied_at,"
            + " u.name, u.name_en, c.name, c.name_en";
    private static final String JOINS = " left join unit u on u.id = m.target_unit_id"
            + " left join category c on c.id = m.category_id";

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchTokenizer tokenizer;

    @Inject
    WindowIndex window;

    @Inject
    PublicPageCache pages;

    private static final long OPTIONS_MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private volatile FilterOptions options;

    /** How long one search may run in the database before it is cancelled and the reader asked to narrow it. */
    @Inject
    @ConfigProperty(name = "wz.search.timeout-ms", defaultValue = "3000")
    int searchTimeoutMillis;

    /** The newest public messages; page numbers start at 0. */
    public List<PublicMessage> latest(int page, int size) {
        return list(BoardFilter.NONE.withPage(page), size).items();
    }

    /**
     * A page of the board: newest first, or by relevance when the filter has a search text with letters or digits
     * (one of only punctuation gives the plain board).
     */
    public BoardPage list(BoardFilter filter, int size) {
        int n = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        List<SearchTokenizer.QueryTerm> terms = filter.isSearch() ? tokenizer.queryTerms(filter.q()) : List.of();
        Optional<String> tsQuery = SearchTokenizer.tsQuery(terms);
        int page = tsQuery.isPresent() ? Math.min(filter.page(), lastSearchPage(n)) : filter.page();
        if (tsQuery.isPresent() && filter.step() == null) {
            Optional<BoardPage> fromMemory = searchInMemory(terms, filter, page, n);
            if (fromMemory.isPresent()) {
                return fromMemory.get();
            }
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        if (tsQuery.isPresent()) {
            params.add(tsQuery.get());
            appendSearch(filter, sql, params);
            params.add(n + 1);
            sql.append(" limit ?").append(params.size());
            params.add(page * n);
            sql.append(" offset ?").append(params.size()).append(")")
                    .append(" select ").append(COLUMNS).append(" from page join message m on m.id = page.id")
                    .append(JOINS)
                    // The window's table is kept in step by a trigger; the check costs nothing for a page of rows.
                    .append(" where m.public_visible")
                    .append(" order by page.rank desc, page.posted_at desc, page.id desc");
        } else {
            // The page's ids first, from message_board_idx alone (V25: an index-only scan of public rows, filters
            // included), then their rows. Asked for whole rows at once, the planner may walk message_posted_idx and
            // test public_visible row by row: seconds when many newer messages are not yet accepted.
            sql.append("with page as (select m.id, m.posted_at from message m where m.public_visible");
            appendFilters(filter, sql, params, "m");
            sql.append(" order by m.posted_at desc, m.id desc");
            params.add(n + 1);
            sql.append(" limit ?").append(params.size());
            params.add(page * n);
            sql.append(" offset ?").append(params.size())
                    .append(") select ").append(COLUMNS).append(" from page join message m on m.id = page.id")
                    .append(JOINS)
                    .append(" order by page.posted_at desc, page.id desc");
        }

        Query query = query(sql.toString(), params);
        if (tsQuery.isPresent()) {
            // A safety net for what the two-step plan cannot bound (a phrase of common 2-grams that rarely stand
            // together must be checked row by row): the database cancels the search instead of spending seconds.
            query.setHint("jakarta.persistence.query.timeout", searchTimeoutMillis);
        }
        List<PublicMessage> rows;
        try {
            rows = rows(query.getResultList());
        } catch (PersistenceException e) {
            if (tsQuery.isPresent() && cancelled(e)) {
                LOG.info("A search passed its time limit and was cancelled");
                return BoardPage.tooBroad(page, n);
            }
            throw e;
        }
        boolean hasNext = rows.size() > n && page < (tsQuery.isPresent() ? lastSearchPage(n) : BoardFilter.MAX_PAGE);
        return new BoardPage(rows.size() > n ? rows.subList(0, n) : rows, page, n, hasNext, tsQuery.isPresent());
    }

    /**
     * The search answered from this instance's copy of the window (see {@link WindowIndex}), when the window has
     * enough matches that older messages would not be asked for: the same messages, in the same order of newest
     * candidates, as the query below would rank; only the page's rows are read from the database. Empty when the copy
     * cannot answer or the window has too few matches.
     */
    private Optional<BoardPage> searchInMemory(List<SearchTokenizer.QueryTerm> terms, BoardFilter filter, int page,
                                               int n) {
        Optional<WindowDocs.Matches> matches = window.search(terms,
                filter.kind() == null ? null : filter.kind().name(), filter.categoryId(), filter.unitId(),
                ENOUGH_RECENT_MATCHES, MAX_SEARCH_CANDIDATES, Math.min(MAX_SEARCH_CANDIDATES, (page + 1) * n));
        if (matches.isEmpty() || matches.get().count() < ENOUGH_RECENT_MATCHES) {
            return Optional.empty();
        }
        long[] ranked = matches.get().rankedIds();
        int from = Math.min(page * n, ranked.length);
        int to = Math.min(from + n, ranked.length);
        List<PublicMessage> rows = List.of();
        if (from < to) {
            StringBuilder ids = new StringBuilder("{");
            for (int i = from; i < to; i++) {
                ids.append(i == from ? "" : ",").append(ranked[i]);
            }
            ids.append('}');
            // One statement text whatever the ids, as an array parameter: the driver prepares it once a connection
            // and PostgreSQL keeps its plan, where a list written into the text was parsed and planned every search.
            Map<Long, PublicMessage> byId = new HashMap<>();
            for (PublicMessage m : rows(em.createNativeQuery("select " + COLUMNS + " from message m" + JOINS
                    + " where m.id = any(cast(?1 as bigint[])) and m.public_visible")
                    .setParameter(1, ids.toString()).getResultList())) {
                byId.put(m.id(), m);
            }
            List<PublicMessage> ordered = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                PublicMessage m = byId.get(ranked[i]);
                if (m != null) {
                    ordered.add(m);
                }
            }
            rows = ordered;
        }
        boolean hasNext = matches.get().ranked() > to && page < lastSearchPage(n);
        return Optional.of(new BoardPage(rows, page, n, hasNext, true));
    }

    /** PostgreSQL's "query_canceled" (a statement timeout), however deep the JPA provider wrapped it. */
    private static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof QueryTimeoutException
                    || t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The last page a search can reach: the ranked candidates are capped. */
    static int lastSearchPage(int size) {
        return Math.min(BoardFilter.MAX_PAGE, (MAX_SEARCH_CANDIDATES - 1) / size);
    }

    /**
     * The search up to its ranked page (the caller closes the {@code page} CTE with LIMIT and OFFSET): the matches in
     * the window of the newest messages, from its own small word index (V21); only when those are few, the older
     * messages, first the newest of them walked by date and tested one by one (cheap, bounded, and right when a
     * filter leaves few), then the word index on message (right when the word is rare: its answer is short). The
     * newest {@link #MAX_SEARCH_CANDIDATES} matches are ranked; only the page's rows are read from message.
     */
    private static void appendSearch(BoardFilter filter, StringBuilder sql, List<Object> params) {
        String q = "to_tsquery('simple', ?1)";
        sql.append("with win as materialized (select starts_at from search_window where id = 1),")
                .append(" new_hits as materialized (select r.message_id as id, r.posted_at, r.search_vector")
                .append(" from search_recent r");
        if (filter.step() != null) {
            // The public step changes with every status, so it is not copied into the window: read from message.
            sql.append(" join message m on m.id = r.message_id");
        }
        sql.append(" where r.search_vector @@ ").append(q).append(" and r.posted_at >= (select starts_at from win)");
        appendFilters(filter, sql, params, "r");
        sql.append(" order by r.posted_at desc, r.message_id desc limit ").append(MAX_SEARCH_CANDIDATES).append("),")
                // Only a flag per walked row: the vectors of the hits are read again below, not kept for all.
                .append(" walked as materialized (select m.id, m.posted_at, m.search_vector @@ ").append(q)
                .append(" as hit from message m where (select count(*) from new_hits) < ").append(ENOUGH_RECENT_MATCHES)
                .append(" and m.public_visible and m.posted_at < (select starts_at from win)");
        appendFilters(filter, sql, params, "m");
        sql.append(" order by m.posted_at desc, m.id desc limit ").append(RECENT_WINDOW).append("),")
                // No ORDER BY inside: the planner cannot walk the date index here, it uses the word index.
                .append(" gin_hits as materialized (select m.id from message m")
                .append(" where (select count(*) from new_hits) + (select count(*) from walked where hit) < ")
                .append(ENOUGH_RECENT_MATCHES)
                .append(" and (select count(*) from walked) = ").append(RECENT_WINDOW)
                .append(" and m.public_visible and m.search_vector @@ ").append(q)
                .append(" and (m.posted_at, m.id) < (select w.posted_at, w.id from walked w order by w.posted_at, w.id")
                .append(" limit 1)");
        appendFilters(filter, sql, params, "m");
        sql.append("), old_hits as (select m.id, m.posted_at, m.search_vector from message m")
                .append(" where m.id in (select id from walked where hit union all select id from gin_hits)),")
                .append(" hit as (select id, posted_at, search_vector from new_hits")
                .append(" union all select id, posted_at, search_vector from old_hits")
                .append(" order by posted_at desc, id desc limit ").append(MAX_SEARCH_CANDIDATES).append("),")
                .append(" page as (select id, posted_at, ts_rank_cd(search_vector, ").append(q).append(") as rank")
                .append(" from hit order by rank desc, posted_at desc, id desc");
    }

    /** The board's filters on the alias's kind, topic and unit columns; the public step always on message ({@code m}). */
    private static void appendFilters(BoardFilter filter, StringBuilder sql, List<Object> params, String alias) {
        if (filter.kind() != null) {
            params.add(filter.kind().name());
            sql.append(" and ").append(alias).append(".kind = ?").append(params.size());
        }
        if (filter.categoryId() != null) {
            params.add(filter.categoryId());
            sql.append(" and ").append(alias).append(".category_id = ?").append(params.size());
        }
        if (filter.unitId() != null) {
            params.add(filter.unitId());
            sql.append(" and ").append(alias).append(".target_unit_id = ?").append(params.size());
        }
        if (filter.step() != null) {
            params.add(filter.step());
            sql.append(" and ").append(STEP_SQL.replace("case status", "case m.status")).append(" = ?")
                    .append(params.size());
        }
    }

    /**
     * A public message with its timeline and published replies, or empty when there is no such message or it is not
     * public (private, rejected, merged, not yet accepted): callers answer 404 either way, so nobody can tell which.
     */
    public Optional<PublicThread> thread(long id) {
        List<?> found = em.createNativeQuery("select " + COLUMNS + ", m.body, m.display_name, m.registered_at,"
                        + " (select min(k.routed_at) from handling_case k where k.message_id = m.id),"
                        + " m.closed_at from message m" + JOINS + " where m.id = ?1 and m.public_visible")
                .setParameter(1, id)
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) found.get(0);
        PublicMessage message = row(row);
        List<PublicReply> replies = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        select r.id, u.name, u.name_en, r.published_at, r.body_html, r.corrects_id
                        from reply r join handling_case k on k.id = r.case_id join unit u on u.id = k.unit_id
                        where k.message_id = ?1 and k.unit_role = 'LEAD' and r.status = 'PUBLISHED'
                        order by r.published_at, r.id""")
                .setParameter(1, id)
                .getResultList()) {
            Object[] r = (Object[]) o;
            replies.add(new PublicReply(number(r[0]), (String) r[1], (String) r[2], SqlTimes.offsetDateTime(r[3]), (String) r[4],
                    r[5] != null));
        }
        OffsetDateTime firstReply = replies.isEmpty() ? message.repliedAt() : replies.get(0).publishedAt();
        List<TimelineStep> timeline = timeline(message.step(), List.of(
                Optional.ofNullable(message.postedAt()), Optional.ofNullable(SqlTimes.offsetDateTime(row[12])),
                Optional.ofNullable(SqlTimes.offsetDateTime(row[13])), Optional.empty(),
                Optional.ofNullable(message.repliedAt() != null ? message.repliedAt() : firstReply),
                Optional.ofNullable(SqlTimes.offsetDateTime(row[14]))));
        String displayName = (String) row[11];
        return Optional.of(new PublicThread(message, (String) row[10],
                displayName == null || displayName.isBlank() ? null : displayName, timeline, replies));
    }

    /** The six public steps, those up to {@code current} reached, each with its date where one is known. */
    static List<TimelineStep> timeline(int current, List<Optional<OffsetDateTime>> dates) {
        List<TimelineStep> steps = new ArrayList<>();
        for (int s = 0; s <= 5; s++) {
            boolean reached = s <= current;
            steps.add(new TimelineStep(s, reached, s == current, reached ? dates.get(s).orElse(null) : null));
        }
        return steps;
    }

    /** Public messages with a reply, the most recently replied first: the Atom feed. */
    public List<PublicMessage> recentlyReplied(int limit) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from message m" + JOINS
                        + " where m.public_visible and m.replied_at is not null"
                        + " order by m.replied_at desc, m.id desc limit ?1")
                .setParameter(1, Math.max(1, Math.min(limit, FEED_SIZE)))
                .getResultList());
    }

    /** Active units, by name, for the unit filter. */
    public List<FilterOption> units() {
        return filterOptions().units();
    }

    /** Active topics, in the administrator's order, for the topic filter. */
    public List<FilterOption> categories() {
        return filterOptions().categories();
    }

    /**
     * The filter menus' units and topics, read again when public content changed on this instance (a unit or topic
     * saved here bumps the page cache's generation) or after {@link #OPTIONS_MAX_AGE_NANOS}, so a change made on
     * another instance shows within that time. Every board page shows both menus, and reading them was two round
     * trips to the database per page.
     */
    private FilterOptions filterOptions() {
        FilterOptions cached = options;
        long generation = pages.currentGeneration();
        long now = System.nanoTime();
        if (cached != null && cached.generation() == generation && now - cached.readAtNanos() < OPTIONS_MAX_AGE_NANOS) {
            return cached;
        }
        // The generation is read before the rows, so a change committed meanwhile is read again next time.
        FilterOptions fresh = new FilterOptions(
                options("select id, name, name_en from unit where active order by name, id"),
                options("select id, name, name_en from category where active order by sort_order, name, id"),
                generation, now);
        options = fresh;
        return fresh;
    }

    private record FilterOptions(List<FilterOption> units, List<FilterOption> categories, long generation,
                                 long readAtNanos) {
    }

    private List<FilterOption> options(String sql) {
        List<FilterOption> out = new ArrayList<>();
        for (Object o : em.createNativeQuery(sql).getResultList()) {
            Object[] r = (Object[]) o;
            out.add(new FilterOption(number(r[0]), (String) r[1], (String) r[2]));
        }
        return List.copyOf(out);
    }

    private Query query(String sql, List<Object> params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }

    private static List<PublicMessage> rows(List<?> result) {
        List<PublicMessage> out = new ArrayList<>(result.size());
        for (Object o : result) {
            out.add(row((Object[]) o));
        }
        return out;
    }

    private static PublicMessage row(Object[] r) {
        return new PublicMessage(number(r[0]), (String) r[1], MessageKind.valueOf((String) r[2]),
                (String) r[6], (String) r[7], (String) r[8], (String) r[9], SqlTimes.offsetDateTime(r[3]),
                MessageStatus.valueOf((String) r[4]), SqlTimes.offsetDateTime(r[5]));
    }

    static Long number(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

}
