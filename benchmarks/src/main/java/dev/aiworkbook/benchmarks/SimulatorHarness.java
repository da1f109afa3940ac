package dev.aiworkbook.benchmarks;

import dev.aiworkbook.runtime.sim.SimulationReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A measured harness for the simulator: wall time and simulated invocations per second at
 * sizes that grow in functions and in invocations, and a simulated day of 10,000 functions.
 * Each size runs three times after one warm-up run; the table gives the best and the worst.
 *
 * <p>Run: {@code java -cp benchmarks/target/classes:benchmarks/target/lib/*
 * dev.aiworkbook.benchmarks.SimulatorHarness [--quick]}. Goals: 2 million invocations per
 * second, and the day in under a minute.
 */
public final class SimulatorHarness {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private SimulatorHarness() {
    }

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        int repeats = quick ? 1 : 3;
        List<SimulatorWorkload> sizes = List.of(
                new SimulatorWorkload(10, 2000, Duration.ofMinutes(30)),
                new SimulatorWorkload(1000, 2000, Duration.ofMinutes(30)),
                new SimulatorWorkload(10_000, 2000, Duration.ofMinutes(30)),
                new SimulatorWorkload(1000, 6000, Duration.ofMinutes(30)),
                new SimulatorWorkload(10_000, 300, Duration.ofDays(1)));
        System.out.println("| workload | invocations | wall time (best..worst) |"
                + " invocations per wall s (best) | per CPU s of the engine thread |");
        System.out.println("|---|---|---|---|---|");
        for (SimulatorWorkload size : sizes) {
            if (!quick) time(size, 0);
            double best = Double.MAX_VALUE;
            double worst = 0;
            double bestCpu = Double.MAX_VALUE;
            long invocations = 0;
            for (int r = 1; r <= repeats; r++) {
                long before = System.nanoTime();
                long cpuBefore = CPU.getCurrentThreadCpuTime();
                SimulationReport report = size.simulator(r).run(size.functionsFor(r));
                double seconds = (System.nanoTime() - before) / 1e9;
                bestCpu = Math.min(bestCpu, (CPU.getCurrentThreadCpuTime() - cpuBefore) / 1e9);
                best = Math.min(best, seconds);
                worst = Math.max(worst, seconds);
                invocations = report.invocations();
            }
            System.out.printf(Locale.ROOT, "| %s | %,d | %.2f..%.2f s | %,.0f | %,.0f |%n",
                    size.label(), invocations, best, worst, invocations / best,
                    invocations / bestCpu);
        }
    }

    private static void time(SimulatorWorkload size, long seed) {
        size.simulator(seed).run(size.functionsFor(seed));
    }
}
