package org.wenzheng.board.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.common.SqlTimes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's copy of the search window ({@code search_recent}, V21) in memory, so that a search of the newest
 * messages costs no database time: the board's search asked PostgreSQL for it in 5-8 ms, most of what a search page
 * cost beyond rendering.
 *
 * <p>Always current: before every search it reads what changed in the window since it last looked (V22: the rows
 * written, and the removals noted, by transactions its last read could not see), one indexed query that finds
 * nothing most of the time. So a message accepted, made private or corrected on any instance is seen by the next
 * search here, exactly as with the query it replaces. Searches that arrive while a read is under way wait for the
 * next one and share it, so readers are not queued one round trip each.
 *
 * <p>Loaded in the background at start-up; until then, with {@code wz.search.memory-index=false}, and for what it
 * cannot answer (a one-character prefix search), {@link #search} is empty and the board searches in PostgreSQL.
 */
@ApplicationScoped
public class WindowIndex {

    private static final Logger LOG = Logger.getLogger(WindowIndex.class.getName());
    private static final int LOAD_PAGE = 2_000;
    /** Removal notes are kept two days (SearchWindow prunes them); a copy that has not looked for one is reloaded. */
    static final Duration STALE_AFTER = Duration.ofDays(1);
    /** How long a search waits for another's read of the changes, and how long that read may take. */
    static final Duration CATCH_UP_WAIT = Duration.ofSeconds(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "wz.search.memory-index", defaultValue = "true")
    boolean enabled;

    /**
     * How old the last read of the changes may be for a search to go without one: 0, every search sees every change
     * committed before it began. A message that became private meanwhile is never shown either way (the page's rows
     * are read from message, public ones only), but it may be counted.
     */
    @Inject
    @ConfigProperty(name = "wz.search.memory-index.max-lag-ms", defaultValue = "0")
    long maxLagMillis;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** One reader of the database at a time; see {@link #catchUp()}. */
    private final ReentrantLock reading = new ReentrantLock();
    private final AtomicBoolean loading = new AtomicBoolean();

    // Guarded by lock (written under the write lock, and under reading).
    private WindowDocs docs;
    private Instant start;
    // Guarded by reading.
    private Snapshot seen;
    private volatile long lastReadStartedNanos;
    private Instant lastRead;

    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (enabled) {
            loadInBackground();
        }
    }

    /**
     * The matches in the window (the best {@code top} of the newest {@code limit}, ranked), or empty when this copy
     * cannot answer: not loaded (yet), turned off, or a prefix term
     * in the query. See {@link WindowDocs#search} for what is matched and how it is ranked.
     */
    public Optional<WindowDocs.Matches> search(List<SearchTokenizer.QueryTerm> terms, String kind, Long categoryId,
                                               Long unitId, int minMatches, int limit, int top) {
        if (!enabled || terms.isEmpty() || terms.stream().anyMatch(SearchTokenizer.QueryTerm::prefix)) {
            return Optional.empty();
        }
        if (!isLoaded()) {
            loadInBackground();
            return Optional.empty();
        }
        try {
            if (!catchUp()) {
                return Optional.empty();
            }
        } catch (PersistenceException e) {
            LOG.log(Level.WARNING, "The search window in memory could not read its changes; searching the database", e);
            return Optional.empty();
        }
        List<List<String>> query = terms.stream().map(SearchTokenizer.QueryTerm::grams).toList();
        lock.readLock().lock();
        try {
            if (docs == null) {
                return Optional.empty();
            }
            return Optional.of(docs.search(query, new WindowDocs.Filter(kind, categoryId, unitId), start, minMatches,
                    limit, top));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether the window is in memory. */
    public boolean isLoaded() {
        lock.readLock().lock();
        try {
            return docs != null;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void loadInBackground() {
        if (loading.compareAndSet(false, true)) {
            executor.submit(() -> {
                try {
                    load();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The search window could not be loaded into memory; searching the database", e);
                } finally {
                    loading.set(false);
                }
            });
        }
    }

    /**
     * Reads the whole window from the database, page by page by message id. The snapshot is taken first: whatever
     * is written while the pages are read belongs to a transaction that snapshot cannot see, so the next
     * {@link #catchUp()} reads it again (putting a message twice is harmless).
     */
    public void load() {
        reading.lock();
        try {
            long began = System.nanoTime();
            Object[] head = (Object[]) em.createNativeQuery(
                            "select pg_current_snapshot()::text, (select starts_at from search_window where id = 1)")
                    .getSingleResult();
            Snapshot snapshot = Snapshot.parse((String) head[0]);
            Instant windowStart = SqlTimes.offsetDateTime(head[1]).toInstant();
            WindowDocs loaded = new WindowDocs();
            long after = Long.MIN_VALUE;
            while (true) {
                List<?> rows = em.createNativeQuery("""
                                select message_id, posted_at, kind, category_id, target_unit_id, search_vector::text
                                from search_recent where message_id > ?1 order by message_id limit ?2""")
                        .setParameter(1, after).setParameter(2, LOAD_PAGE).getResultList();
                for (Object o : rows) {
                    Object[] r = (Object[]) o;
                    loaded.put(doc(r, 0));
                    after = ((Number) r[0]).longValue();
                }
                if (rows.size() < LOAD_PAGE) {
                    break;
                }
            }
            loaded.removeBefore(windowStart);
            lock.writeLock().lock();
            try {
                docs = loaded;
                start = windowStart;
            } finally {
                lock.writeLock().unlock();
            }
            seen = snapshot;
            lastReadStartedNanos = began;
            lastRead = clock.instant();
            LOG.info(String.format("Search window in memory: %,d messages, %,d distinct words, loaded in %d ms",
                    loaded.size(), loaded.termCount(), (System.nanoTime() - began) / 1_000_000));
        } finally {
            reading.unlock();
        }
    }

    /**
     * Applies what changed since the last read, unless a read that began after this call arrived has finished
     * meanwhile (it saw at least as much). False when the copy is too old to catch up and is being reloaded.
     */
    private boolean catchUp() {
        long arrived = System.nanoTime();
        if (maxLagMillis > 0 && arrived - lastReadStartedNanos < maxLagMillis * 1_000_000) {
            return true;
        }
        try {
            // A database that does not answer must not hold every search here: past the wait, the search goes to
            // PostgreSQL itself, under its own statement time limit.
            if (!reading.tryLock(CATCH_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("The search window in memory waited too long to read its changes; searching the database");
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (docs == null) {
                return false;
            }
            if (lastReadStartedNanos - arrived >= 0) {
                return true;
            }
            if (seen == null || Duration.between(lastRead, clock.instant()).compareTo(STALE_AFTER) > 0) {
                // The removal notes it needs may be pruned: read the window whole, meanwhile the database answers.
                lock.writeLock().lock();
                try {
                    docs = null;
                } finally {
                    lock.writeLock().unlock();
                }
                loadInBackground();
                return false;
            }
            lastReadStartedNanos = System.nanoTime();
            List<?> rows = em.createNativeQuery("""
                            select 0, null::bigint, w.starts_at, null::varchar, null::bigint, null::bigint,
                                pg_current_snapshot()::text
                            from search_window w where w.id = 1
                            union all
                            select 1, g.message_id, null, null, null, null, null
                            from search_recent_removed g
                            where g.tx >= ?1::xid8 and not pg_visible_in_snapshot(g.tx, ?2::pg_snapshot)
                            union all
                            select 2, r.message_id, r.posted_at, r.kind, r.category_id, r.target_unit_id,
                                r.search_vector::text
                            from search_recent r
                            where r.tx >= ?1::xid8 and not pg_visible_in_snapshot(r.tx, ?2::pg_snapshot)""")
                    .setParameter(1, seen.xmin()).setParameter(2, seen.text())
                    .setHint("jakarta.persistence.query.timeout", (int) CATCH_UP_WAIT.toMillis())
                    .getResultList();
            Snapshot now = null;
            Instant windowStart = null;
            lock.writeLock().lock();
            try {
                // Removals first: a message removed and written again since has its row, which comes after.
                for (int pass = 0; pass <= 2; pass++) {
                    for (Object o : rows) {
                        Object[] r = (Object[]) o;
                        int what = ((Number) r[0]).intValue();
                        if (what != pass) {
                            continue;
                        }
                        if (what == 0) {
                            now = Snapshot.parse((String) r[6]);
                            windowStart = SqlTimes.offsetDateTime(r[2]).toInstant();
                        } else if (what == 1) {
                            docs.remove(((Number) r[1]).longValue());
                        } else {
                            docs.put(doc(r, 1));
                        }
                    }
                }
                if (windowStart != null && !windowStart.equals(start)) {
                    docs.removeBefore(windowStart);
                    start = windowStart;
                }
            } finally {
                lock.writeLock().unlock();
            }
            if (now != null) {
                seen = now;
            }
            lastRead = clock.instant();
            return true;
        } finally {
            reading.unlock();
        }
    }

    /** A search_recent row from {@code offset}: id, posted_at, kind, category, unit, vector as text. */
    private static WindowDocs.Doc doc(Object[] r, int offset) {
        OffsetDateTime posted = SqlTimes.offsetDateTime(r[offset + 1]);
        return new WindowDocs.Doc(((Number) r[offset]).longValue(), posted.toInstant(), (String) r[offset + 2],
                r[offset + 3] == null ? null : ((Number) r[offset + 3]).longValue(),
                r[offset + 4] == null ? null : ((Number) r[offset + 4]).longValue(),
                TsVectorText.parse((String) r[offset + 5]));
    }

    /** pg_snapshot as text, {@code xmin:xmax:xip,...}, and its xmin: below it every transaction is settled. */
    record Snapshot(String text, String xmin) {
        static Snapshot parse(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a pg_snapshot: " + text);
            }
            return new Snapshot(text, text.substring(0, colon));
        }
    }
}
