package org.wenzheng.common.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered public pages for anonymous readers, kept for a short time (wz.cache.public-pages.seconds, default 30) and
 * dropped at once when public content changes on this instance ({@link #publicContentChanged()}). A page the board
 * shows to everyone alike is rendered once instead of once per reader; see {@link PublicPageCacheFilter} for which
 * requests may use it.
 */
@ApplicationScoped
public class PublicPageCache {

    /** Bumped by every change to public content; entries from an older generation are never served. */
    private static final AtomicLong GENERATION = new AtomicLong();

    /**
     * A stored response: the body with its CSP nonce cut out and the headers the application set, replayed with a
     * fresh nonce each time.
     */
    record Page(NonceTemplate body, String contentType, List<Map.Entry<String, String>> headers, long generation,
                       long storedAtNanos) {
    }

    @Inject
    @ConfigProperty(name = "wz.cache.public-pages.seconds", defaultValue = "30")
    int seconds;

    @Inject
    @ConfigProperty(name = "wz.cache.public-pages.max-entries", defaultValue = "2000")
    int maxEntries;

    private volatile long timeToLiveNanos;
    private Map<String, Page> pages;

    @PostConstruct
    void init() {
        timeToLiveNanos = Duration.ofSeconds(Math.max(0, seconds)).toNanos();
        int capacity = Math.max(1, maxEntries);
        // Access-ordered, so the least recently read page goes first when the cache is full.
        pages = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
                return size() > capacity;
            }
        };
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
        }
    }

    public synchronized Page get(String key) {
        Page page = pages.get(key);
        if (page == null) {
            return null;
        }
        if (page.generation() != GENERATION.get() || System.nanoTime() - page.storedAtNanos() > timeToLiveNanos) {
            pages.remove(key);
            return null;
        }
        return page;
    }

    /** The generation to store a page under: read before rendering, so a change during rendering wins. */
    public long currentGeneration() {
        return GENERATION.get();
    }

    public synchronized void put(String key, Page page) {
        if (enabled() && page.generation() == GENERATION.get()) {
            pages.put(key, page);
        }
    }

    public synchronized int size() {
        return pages.size();
    }
}
