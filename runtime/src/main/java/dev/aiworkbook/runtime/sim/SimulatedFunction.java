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
 * @param app the application the function belongs to; reports group cold starts by it, as
 *     the Azure trace and "Serverless in the Wild" do
 */
public record SimulatedFunction(FunctionSpec spec, Arrivals arrivals,
        DurationDistribution duration, DurationDistribution init, String app) {

    public SimulatedFunction {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(arrivals, "arrivals");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(app, "app");
    }

    /**
     * A function that is its own application.
     *
     * @param spec the function as deployed
     * @param arrivals when its invocations arrive
     * @param duration how long each invocation runs
     * @param init how long each cold start's init phase takes
     */
    public SimulatedFunction(FunctionSpec spec, Arrivals arrivals,
            DurationDistribution duration, DurationDistribution init) {
        this(spec, arrivals, duration, init, spec.name());
    }
}
