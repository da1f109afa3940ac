package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.function.FunctionSpec;
import java.util.Objects;

/**
 * One function of a simulation: its configuration, its load and its timings.
 *
 * @param spec the function as deployed (memory, concurrency, limits, keep-alive)
 * @param arrivals when its invocations arrive
 * @param duration how long each invocation runs
 * @param init how long each cold start's init phase takes
 */
public record SimulatedFunction(FunctionSpec spec, Arrivals arrivals,
        DurationDistribution duration, DurationDistribution init) {

    public SimulatedFunction {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(arrivals, "arrivals");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(init, "init");
    }
}
