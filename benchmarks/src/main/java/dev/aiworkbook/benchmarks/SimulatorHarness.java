package dev.aiworkbook.benchmarks;

import dev.aiworkbook.runtime.sim.SimulationReport;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A measured harness for the simulator: wall time, CPU time and simulated invocations per
 * second at sizes that grow in functions and in invocations, and a simulated day of 10,000
 * functions; each on one thread and on two. Each size runs three times after one warm-up run;
 * the table gives the best and the worst wall time.
 *
 * <p>CPU time is the whole process's (the engine's threads, the JIT and the GC), so
 * invocations per CPU second depend far less than wall time on what else the machine runs.
 *
 * <p>Run: {@code java -cp benchmarks/target/classes:benchmarks/target/lib/*
 * dev.aiworkbook.benchmarks.SimulatorHarness [--quick]}. Goals: 2 million invocations per
 * second, and the day in under a minute.
 */
public final class SimulatorHarness {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory
                    .getOperatingSystemMXBean();

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
        System.out.println("| workload | threads | invocations | wall time (best..worst) |"
                + " invocations per wall s (best) | per CPU s of the process (best) |");
        System.out.println("|---|---|---|---|---|---|");
        for (SimulatorWorkload size : sizes) {
            for (int threads = 1; threads <= 2; threads++) {
                if (!quick) size.simulator(0, threads).run(size.functionsFor(0));
                measure(size, threads, repeats);
            }
        }
    }

    private static void measure(SimulatorWorkload size, int threads, int repeats) {
        double best = Double.MAX_VALUE;
        double worst = 0;
        double bestCpu = Double.MAX_VALUE;
        long invocations = 0;
        for (int r = 1; r <= repeats; r++) {
            long before = System.nanoTime();
            long cpuBefore = OS.getProcessCpuTime();
            SimulationReport report = size.simulator(r, threads).run(size.functionsFor(r));
            double seconds = (System.nanoTime() - before) / 1e9;
            bestCpu = Math.min(bestCpu, (OS.getProcessCpuTime() - cpuBefore) / 1e9);
            best = Math.min(best, seconds);
            worst = Math.max(worst, seconds);
            invocations = report.invocations();
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %,d | %.2f..%.2f s | %,.0f | %,.0f |%n",
                size.label(), threads, invocations, best, worst, invocations / best,
                invocations / bestCpu);
    }
}
