package org.wenzheng.common.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderTurnsTest {

    private static RenderTurns turns(int count, int waitSeconds) {
        RenderTurns turns = new RenderTurns();
        turns.configuredTurns = count;
        turns.waitSeconds = waitSeconds;
        turns.init();
        return turns;
    }

    @Test
    void noMoreThanTheTurnsAreTakenAndAReaderPastTheWaitGoesOnWithoutOne() {
        RenderTurns turns = turns(2, 0);
        RenderTurns.Turn first = turns.take();
        RenderTurns.Turn second = turns.take();
        assertEquals(new RenderTurns.Stats(2, 0, 0), turns.stats());

        // Both turns are held and the wait is zero: the third reader renders without a turn, and it is counted.
        try (RenderTurns.Turn third = turns.take()) {
            assertEquals(1, turns.stats().renderedWithoutTurn());
        }
        // Closing a turn-less render gives nothing back: still no turn free.
        turns.take().close();
        assertEquals(2, turns.stats().renderedWithoutTurn());

        first.close();
        first.close(); // a second close must not hand out a turn that is not there
        RenderTurns.Turn again = turns.take();
        assertEquals(2, turns.stats().renderedWithoutTurn());
        turns.take().close();
        assertEquals(3, turns.stats().renderedWithoutTurn());
        again.close();
        second.close();
    }

    @Test
    void withoutAConfiguredNumberThereAreTwoTurnsPerProcessor() {
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), turns(0, 10).stats().turns());
    }

    @Test
    void aWaitingReaderGetsTheTurnAReleaseGivesBackAndReadersGoInTheOrderTheyCame() throws Exception {
        RenderTurns turns = turns(1, 30);
        RenderTurns.Turn held = turns.take();
        List<Integer> order = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int reader = i;
            CountDownLatch started = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                started.countDown();
                try (RenderTurns.Turn turn = turns.take()) {
                    synchronized (order) {
                        order.add(reader);
                    }
                }
            });
            t.start();
            started.await();
            // Wait until this reader is queued before the next one comes, so the arrival order is known.
            while (turns.stats().waiting() < i + 1) {
                Thread.onSpinWait();
            }
            readers.add(t);
        }
        assertTrue(order.isEmpty(), "nobody renders while the only turn is held");
        held.close();
        for (Thread t : readers) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertEquals(List.of(0, 1, 2), order);
        assertEquals(new RenderTurns.Stats(1, 0, 0), turns.stats());
    }
}
