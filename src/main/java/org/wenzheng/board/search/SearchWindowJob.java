package org.wenzheng.board.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.common.scheduling.Schedulable;

import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Every night at 04:10 (Asia/Shanghai) moves the start of the search window to wz.search.recent-days (default 14)
 * before now. The window is a speed device only: a search finds the same messages whatever its size, but a common
 * word is answered from the window's own small index, and ranked among the window's matches. Safe to repeat.
 */
@ApplicationScoped
public class SearchWindowJob implements Schedulable {

    public static final String JOB = "search-window";
    static final LocalTime AT = LocalTime.of(4, 10);

    @Inject
    @ConfigProperty(name = "wz.search.recent-days", defaultValue = "14")
    int days;

    @Inject
    SearchWindow window;

    @Inject
    Clock clock;

    @Override
    public String jobName() {
        return JOB;
    }

    @Override
    public OffsetDateTime nextRunAfter(OffsetDateTime after) {
        return Schedulable.dailyAt(AT, after);
    }

    @Override
    public String run(OffsetDateTime due) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        SearchWindow.Moved moved = window.moveTo(now.minusDays(Math.max(1, days)));
        int pruned = window.pruneRemovalNotes(now.minus(WindowIndex.STALE_AFTER.multipliedBy(2)));
        return "search window starts " + moved.to() + ": " + moved.dropped() + " messages left it, " + moved.added()
                + " joined, " + pruned + " removal notes pruned";
    }
}
