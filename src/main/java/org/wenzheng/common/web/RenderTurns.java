package org.wenzheng.common.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns for rendering a public reading page (home, board, thread, statistics, bulletins): at most wz.web.render-turns
 * are rendered at once (default twice the processors); the other readers wait, first come first served.
 * <p>
 * Why: rendering is processor work. Thirty-two readers rendering at once on two cores share them, so every page takes
 * as long as thirty-two; in turn, a page waits for those ahead of it and then renders at full speed. The machine
 * serves as many pages a second (a few more: fewer threads fight over the caches), and a page's wait no longer depends
 * on how many heavy pages happen to run beside it, which halved the 95th percentile of a search (README, benchmark).
 * <p>
 * {@link RenderTurnsFilter} takes a turn only around rendering a GET, after the page cache: no request body is read in
 * it and the page is written into memory, so a slow reader never holds a turn. A reader who has waited wz.web.render-wait-seconds
 * (default 10) renders without a turn: the turns order the work, they never refuse a reader.
 */
@ApplicationScoped
public class RenderTurns {

    /** A turn taken; closing it gives it back (once, however often it is closed). */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** For operators (on /health/live): the turns, readers waiting now, and readers served past the wait. */
    public record Stats(int turns, int waiting, long renderedWithoutTurn) {
    }

    private static final Turn NONE = () -> { };

    @Inject
    @ConfigProperty(name = "wz.web.render-turns", defaultValue = "0")
    int configuredTurns;

    @Inject
    @ConfigProperty(name = "wz.web.render-wait-seconds", defaultValue = "10")
    int waitSeconds;

    private int turns;
    private long waitNanos;
    private Semaphore semaphore;
    private final LongAdder renderedWithoutTurn = new LongAdder();

    @PostConstruct
    void init() {
        turns = configuredTurns > 0 ? configuredTurns : 2 * Runtime.getRuntime().availableProcessors();
        waitNanos = Duration.ofSeconds(Math.max(0, waitSeconds)).toNanos();
        // Fair, so readers render in the order they came: the point is a wait that does not depend on luck.
        semaphore = new Semaphore(turns, true);
    }

    /** Waits for a turn, at most the configured wait; past it (or if interrupted) the caller goes on without one. */
    public Turn take() {
        boolean taken;
        try {
            taken = semaphore.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            renderedWithoutTurn.increment();
            return NONE;
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                semaphore.release();
            }
        };
    }

    public Stats stats() {
        return new Stats(turns, semaphore.getQueueLength(), renderedWithoutTurn.sum());
    }
}
