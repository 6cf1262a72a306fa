package org.wenzheng.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The processor time a JVM's just-in-time compiler threads have used, read from Linux's /proc: what the benchmark
 * needs to tell a server still compiling its hot paths from one that has settled. Under 32 clients on two cores,
 * Payara's C2 compiler keeps one core half busy for about three minutes; a measurement taken then measures the
 * compiler as much as the application.
 * <p>
 * Compiler threads come and go (HotSpot stops idle ones), so the time is kept per thread: a {@link Snapshot} taken
 * later counts what each thread used since the earlier one, and a thread that has gone meanwhile adds nothing.
 */
final class CompilerTime {

    /** Linux's clock ticks per second for /proc's times; 100 on every usual kernel. */
    private static final double TICKS_PER_SECOND = 100;

    /** Per compiler thread, the ticks used so far; empty where /proc does not tell (not Linux, no process). */
    record Snapshot(Map<String, Long> ticks) {

        /** Seconds of processor time the compiler used between {@code earlier} and this snapshot. */
        double secondsSince(Snapshot earlier) {
            long sum = 0;
            for (Map.Entry<String, Long> t : ticks.entrySet()) {
                sum += t.getValue() - earlier.ticks.getOrDefault(t.getKey(), 0L);
            }
            return Math.max(0, sum) / TICKS_PER_SECOND;
        }

        boolean known() {
            return !ticks.isEmpty();
        }
    }

    static Snapshot of(ProcessHandle process) {
        Map<String, Long> ticks = new HashMap<>();
        if (process == null) {
            return new Snapshot(ticks);
        }
        Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(t -> {
                try {
                    String name = Files.readString(t.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        ticks.put(t.getFileName().toString(), cpuTicks(Files.readString(t.resolve("stat"))));
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended while being read: it adds nothing, as the class comment says.
                }
            });
        } catch (IOException e) {
            // No /proc here: the figure is unknown, never made up.
        }
        return new Snapshot(ticks);
    }

    /** utime + stime, the 14th and 15th fields; the name (2nd) is in parentheses and may hold spaces. */
    static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is the 3rd field (state), so the 14th and 15th are f[11] and f[12].
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private CompilerTime() {
    }
}
