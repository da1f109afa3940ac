package dev.aiworkbook.runtime.model;

import static dev.aiworkbook.runtime.model.Checks.atLeastOne;
import static dev.aiworkbook.runtime.model.Checks.rate;
import static dev.aiworkbook.runtime.model.Checks.seconds;
import static dev.aiworkbook.runtime.model.Checks.share;

import java.time.Duration;

/**
 * Little's law for a function: on average, invocations in flight = arrival rate × mean
 * duration (L = λ W), and busy instances = that divided by the invocations each instance
 * serves at once.
 *
 * <p>It holds for any arrival pattern and any duration distribution, as long as the load is
 * steady over the period measured. Worked example: 50 invocations per second of 200 ms each
 * keep 50 × 0.2 = 10 in flight, so 10 busy instances at concurrency 1, or 1.25 at
 * concurrency 8. With concurrency above 1 the busy instances are a lower bound: the pool
 * rarely fills every instance to its last slot. Chapter 04 checks it against the platform.
 */
public final class LittlesLaw {

    private LittlesLaw() {
    }

    /**
     * The mean number of invocations in flight, L = λ W.
     *
     * @param ratePerSecond arrivals per second, zero or more
     * @param meanDuration the mean time an invocation is in the platform, zero or more
     * @return the mean in-flight invocations
     * @throws IllegalArgumentException if an argument is negative, not finite or null
     */
    public static double meanInFlight(double ratePerSecond, Duration meanDuration) {
        return rate("ratePerSecond", ratePerSecond) * seconds("meanDuration", meanDuration);
    }

    /**
     * The mean number of busy instances, λ W / c, exact at concurrency 1.
     *
     * @param ratePerSecond arrivals per second, zero or more
     * @param meanDuration the mean invocation duration, zero or more
     * @param concurrency invocations one instance serves at once, 1 or more
     * @return the mean busy instances (a lower bound when {@code concurrency} is above 1)
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static double meanBusyInstances(double ratePerSecond, Duration meanDuration,
            int concurrency) {
        return meanInFlight(ratePerSecond, meanDuration) / atLeastOne("concurrency", concurrency);
    }

    /**
     * Sizes a function: the instances that keep each one at most {@code utilization} busy,
     * ceil(λ W / (c × u)), the rule the concurrency autoscaler applies to measured
     * concurrency.
     *
     * @param ratePerSecond arrivals per second, zero or more
     * @param meanDuration the mean invocation duration, zero or more
     * @param concurrency invocations one instance serves at once, 1 or more
     * @param utilization the share of each instance's slots to fill, in (0, 1]; 0.7 leaves
     *     30% headroom
     * @return the instances to run; zero when there is no load
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static int instancesFor(double ratePerSecond, Duration meanDuration, int concurrency,
            double utilization) {
        double busy = meanBusyInstances(ratePerSecond, meanDuration, concurrency);
        double needed = busy / share("utilization", utilization);
        // Simplification: 1e-9 forgives floating error, so 7 / 0.7 is 10, not 11.
        return (int) Math.ceil(needed - 1e-9);
    }
}
