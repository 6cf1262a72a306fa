package org.wenzheng.dev;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A neighbour that takes part of the machine's processor time, to measure the benchmark on a slow hour on demand:
 * one thread per core, each busy for {@code share} of every 10 ms. This machine's slow hours gave the same pages
 * about 1.5 times the processor time; a neighbour taking a third of the cores leaves the server as much.
 * <p>
 * Run it beside the benchmark, with a higher priority so that the server's threads cannot crowd it out (README):
 * {@code nice -n -10 java -cp target/test-classes org.wenzheng.dev.BusyNeighbour 0.5 330}. It prints the share it
 * actually took.
 */
public final class BusyNeighbour {

    private static final long PERIOD_NANOS = Duration.ofMillis(10).toNanos();

    private BusyNeighbour() {
    }

    public static void main(String[] args) throws Exception {
        double share = args.length > 0 ? Double.parseDouble(args[0]) : 0.5;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 300;
        int cores = Runtime.getRuntime().availableProcessors();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long busy = (long) (PERIOD_NANOS * Math.max(0, Math.min(1, share)));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            Thread t = new Thread(() -> spin(busy, end), "busy-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        double wall = (System.nanoTime() - started) / 1e9;
        System.out.printf("Busy neighbour: %.1f s of processor time over %.1f s = %.0f %% of the %d cores%n",
                cpu, wall, 100 * cpu / wall / cores, cores);
    }

    private static void spin(long busyNanos, long end) {
        long next = System.nanoTime();
        long sink = 0;
        while (next < end) {
            long busyUntil = next + busyNanos;
            while (System.nanoTime() < busyUntil) {
                sink += sink * 31 + 7;
            }
            next += PERIOD_NANOS;
            long rest = next - System.nanoTime();
            if (rest > 0) {
                try {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else {
                next = System.nanoTime(); // fell behind (crowded out): start a fresh period rather than catch up
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the loop from being optimised away
        }
    }
}
