package org.wenzheng.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.common.ClockProducer;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The public statistics strip, computed at most every {@code wz.stats.refreshSeconds} (default 300) and served from
 * memory in between: counting a million rows on every page view would be far too slow. One aggregate pass over the
 * accepted messages gives every unit's figures, all time and for the current month (Asia/Shanghai, by posting date);
 * the overall figures are their sum. While one request refreshes, the others keep getting the previous snapshot.
 */
@ApplicationScoped
public class BoardStatistics {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "wz.stats.refreshSeconds", defaultValue = "300")
    long refreshSeconds;

    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile StatsSnapshot snapshot;

    /** The figures, at most {@code wz.stats.refreshSeconds} old. */
    public StatsSnapshot current() {
        StatsSnapshot s = snapshot;
        if (s != null && !isStale(s.asOf(), OffsetDateTime.now(clock), Duration.ofSeconds(refreshSeconds))) {
            return s;
        }
        if (s == null) {
            refreshing.lock();
        } else if (!refreshing.tryLock()) {
            return s;
        }
        try {
            if (snapshot == s) {
                snapshot = compute();
            }
            return snapshot;
        } finally {
            refreshing.unlock();
        }
    }

    /** Recomputes now, whatever the age of the current figures (tests, and after a bulk import). */
    public StatsSnapshot refresh() {
        refreshing.lock();
        try {
            snapshot = compute();
            return snapshot;
        } finally {
            refreshing.unlock();
        }
    }

    static boolean isStale(OffsetDateTime asOf, OffsetDateTime now, Duration maxAge) {
        return !asOf.plus(maxAge).isAfter(now);
    }

    /** The first instant of the month of {@code now} in Asia/Shanghai. */
    static OffsetDateTime startOfMonth(OffsetDateTime now) {
        ZonedDateTime local = now.atZoneSameInstant(ClockProducer.ZONE);
        return local.toLocalDate().withDayOfMonth(1).atStartOfDay(ClockProducer.ZONE).toOffsetDateTime();
    }

    private StatsSnapshot compute() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String figures = """
                count(*) filter (where %1$s),
                count(*) filter (where %1$s and m.replied_at is not null),
                count(*) filter (where %1$s and m.replied_at is not null and m.due_at is not null),
                count(*) filter (where %1$s and m.replied_at is not null and m.replied_at <= m.due_at),
                coalesce(sum(extract(epoch from m.replied_at - m.posted_at)) filter (where %1$s), 0),
                count(*) filter (where %1$s and k.message_id is not null)""";
        List<?> rows = em.createNativeQuery("select g.unit_id, u.name, u.name_en, g.* from (select m.target_unit_id"
                        + " as unit_id, " + figures.formatted("true") + ", "
                        + figures.formatted("m.posted_at >= ?1") + """
                         from message m
                        left join (select message_id from handling_case where reopen_count > 0
                                   group by message_id) k on k.message_id = m.id
                        where m.status in ('REGISTERED', 'BATCHED', 'ROUTED', 'HANDLING', 'REPLIED', 'CLOSED', 'ARCHIVED')
                        group by m.target_unit_id) g left join unit u on u.id = g.unit_id
                        order by u.name nulls last, g.unit_id""")
                .setParameter(1, startOfMonth(now))
                .getResultList();
        List<UnitStats> units = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            units.add(new UnitStats(BoardService.number(r[0]), (String) r[1], (String) r[2],
                    figures(r, 4), figures(r, 10)));
        }
        return StatsSnapshot.of(now, units);
    }

    private static StatsFigures figures(Object[] r, int from) {
        return new StatsFigures(count(r[from]), count(r[from + 1]), count(r[from + 2]), count(r[from + 3]),
                ((Number) r[from + 4]).doubleValue(), count(r[from + 5]));
    }

    private static long count(Object o) {
        return ((Number) o).longValue();
    }
}
