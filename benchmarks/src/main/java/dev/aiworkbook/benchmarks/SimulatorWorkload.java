package dev.aiworkbook.benchmarks;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.sim.DurationDistribution;
import dev.aiworkbook.runtime.sim.SimulatedFunction;
import dev.aiworkbook.runtime.sim.SimulationSettings;
import dev.aiworkbook.runtime.sim.Simulator;
import dev.aiworkbook.runtime.sim.Workloads;
import java.time.Duration;
import java.util.List;

/**
 * The simulator workloads that the benchmark and the harness time: heavy-tailed Poisson
 * functions, 100 ms mean run time (exponential), 250 ms init, 512 MB, a 10-minute keep-alive.
 *
 * @param functions how many functions share the rate
 * @param totalRate invocations per second over all of them
 * @param length virtual time simulated
 */
record SimulatorWorkload(int functions, double totalRate, Duration length) {

    private static final PriceCatalog AWS = PriceCatalog.load("aws-lambda-x86");

    List<SimulatedFunction> functionsFor(long seed) {
        return Workloads.synthetic(Workloads.Load.POISSON, totalRate, functions, length,
                DurationDistribution.exponential(100_000_000L),
                DurationDistribution.constant(250_000_000L), 512, 1000, seed);
    }

    Simulator simulator(long seed) {
        return simulator(seed, 0);
    }

    /** @param threads threads for the functions, which run alone; 0 for one per core */
    Simulator simulator(long seed, int threads) {
        return new Simulator(new SimulationSettings(length, seed,
                SimulationSettings.KeepAlive.fixed(Duration.ofMinutes(10)), AWS)
                .withThreads(threads));
    }

    String label() {
        return String.format("%,d functions, %,.0f/s for %s", functions, totalRate,
                dev.aiworkbook.runtime.function.Durations.format(length));
    }
}
