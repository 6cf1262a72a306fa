package org.wenzheng.common.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rendered public pages for anonymous readers. A page the board shows to everyone alike is rendered once instead of
 * once per reader; see {@link PublicPageCacheFilter} for which requests may use it.
 * <p>
 * Two kinds of entry:
 * <ul>
 * <li>Plain pages (home, board, statistics) are kept for wz.cache.public-pages.seconds (default 30) and dropped at
 * once when public content changes on this instance ({@link #publicContentChanged()}).</li>
 * <li>Validated pages (a thread) also carry the fingerprint of the data they were rendered from (see
 * {@link PublicPageValidator}). When such a page has been kept for the same time, or public content changed, it is
 * not dropped but revalidated: one read of its data, far cheaper than rendering, and the stored page is served again
 * if the fingerprint still matches. So the long tail of threads stays stored, and a change made on another instance
 * is seen as soon as the page is revalidated.</li>
 * </ul>
 * The store is bounded by entries and by bytes (wz.cache.public-pages.max-entries, .max-mb); the least recently read
 * page goes first.
 */
@ApplicationScoped
public class PublicPageCache {

    /** Bumped by every change to public content; entries from an older generation are dropped or revalidated. */
    private static final AtomicLong GENERATION = new AtomicLong();

    /**
     * A stored response: the body with its CSP nonce cut out (each replay gets a fresh one, see {@link NonceTemplate})
     * and the headers the application set. {@code validator} is the fingerprint of the data the page shows, or null
     * for a plain page.
     */
    public record Page(NonceTemplate body, String contentType, List<Map.Entry<String, String>> headers, long generation,
                       long storedAtNanos, String validator) {

        public Page(NonceTemplate body, String contentType, List<Map.Entry<String, String>> headers, long generation,
                    long storedAtNanos) {
            this(body, contentType, headers, generation, storedAtNanos, null);
        }

        Page renewed(long generation, long nowNanos) {
            return new Page(body, contentType, headers, generation, nowNanos, validator);
        }
    }

    /** What a lookup found: a page to serve, a page to revalidate first, or nothing. */
    public record Lookup(Page page, boolean needsRevalidation) {
    }

    /** Counters for operators and tests: pages served stored, revalidated and kept, and rendered. */
    public record Stats(long hits, long revalidated, long misses, int entries, long bytes) {
    }

    @Inject
    @ConfigProperty(name = "wz.cache.public-pages.seconds", defaultValue = "30")
    int seconds;

    @Inject
    @ConfigProperty(name = "wz.cache.public-pages.max-entries", defaultValue = "50000")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "wz.cache.public-pages.max-mb", defaultValue = "256")
    int maxMegabytes;

    private volatile long timeToLiveNanos;
    private Map<String, Page> pages;
    private long bytes;
    private long maxBytes;
    private final LongAdder hits = new LongAdder();
    private final LongAdder revalidated = new LongAdder();
    private final LongAdder misses = new LongAdder();

    @PostConstruct
    void init() {
        timeToLiveNanos = Duration.ofSeconds(Math.max(0, seconds)).toNanos();
        maxBytes = Math.max(1, maxMegabytes) * 1024L * 1024L;
        // Access-ordered, so the least recently read page is the first to go.
        pages = new LinkedHashMap<>(1024, 0.75f, true);
    }

    public static void publicContentChanged() {
        GENERATION.incrementAndGet();
    }

    public boolean enabled() {
        return timeToLiveNanos > 0;
    }

    /** For tests and operators: how long pages are kept; zero turns the cache off and empties it. */
    public void setTimeToLive(Duration ttl) {
        timeToLiveNanos = ttl.toNanos();
        synchronized (this) {
            pages.clear();
            bytes = 0;
        }
    }

    /**
     * The stored page for a key. A plain page past its time or generation is dropped (null); a validated one is
     * returned with {@code needsRevalidation}, and the caller either {@link #revalidated renews} or
     * {@link #remove removes} it.
     */
    public synchronized Lookup get(String key) {
        Page page = pages.get(key);
        if (page == null) {
            misses.increment();
            return null;
        }
        boolean current = page.generation() == GENERATION.get()
                && System.nanoTime() - page.storedAtNanos() <= timeToLiveNanos;
        if (current) {
            hits.increment();
            return new Lookup(page, false);
        }
        if (page.validator() == null) {
            drop(key);
            misses.increment();
            return null;
        }
        return new Lookup(page, true);
    }

    /** The page's data still has the fingerprint it was rendered from: serve it again, counted from now. */
    public synchronized void revalidated(String key, Page page, long generationBeforeCheck) {
        revalidated.increment();
        if (pages.get(key) == page) {
            pages.put(key, page.renewed(generationBeforeCheck, System.nanoTime()));
        }
    }

    public synchronized void remove(String key) {
        misses.increment();
        drop(key);
    }

    /** The generation to store a page under: read before rendering, so a change during rendering wins. */
    public long currentGeneration() {
        return GENERATION.get();
    }

    public synchronized void put(String key, Page page) {
        if (!enabled() || page.generation() != GENERATION.get() || page.body().size() > maxBytes) {
            return;
        }
        drop(key);
        pages.put(key, page);
        bytes += page.body().size();
        Iterator<Page> eldest = pages.values().iterator();
        while ((pages.size() > Math.max(1, maxEntries) || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().body().size();
            eldest.remove();
        }
    }

    private void drop(String key) {
        Page old = pages.remove(key);
        if (old != null) {
            bytes -= old.body().size();
        }
    }

    public synchronized int size() {
        return pages.size();
    }

    public synchronized Stats stats() {
        return new Stats(hits.sum(), revalidated.sum(), misses.sum(), pages.size(), bytes);
    }
}
