package dev.aiworkbook.runtime.model;

import static dev.aiworkbook.runtime.model.Checks.atLeastOne;
import static dev.aiworkbook.runtime.model.Checks.positiveSeconds;
import static dev.aiworkbook.runtime.model.Checks.chance;
import static dev.aiworkbook.runtime.model.Checks.rate;

import java.time.Duration;

/**
 * Queueing at the instance limit: Erlang C for an M/M/c queue, a function capped at
 * {@code c} instances of concurrency 1, Poisson arrivals and exponential durations, with
 * invocations that find every instance busy waiting in line.
 *
 * <p>With offered load a = λ × mean duration (in erlangs) and a &lt; c:
 * <pre>
 *   Erlang B, by the stable recurrence:  B(0) = 1,  B(k) = a B(k-1) / (k + a B(k-1))
 *   P(wait) = C(c, a) = c B(c) / (c - a (1 - B(c)))
 *   mean wait = C(c, a) × mean duration / (c - a)
 * </pre>
 * The recurrence never forms a^c or c!, so it stays exact for thousands of instances.
 * Worked example: 2 instances, a = 1: B(1) = 1/2, B(2) = 1/5, C = 0.4 / 1.2 = 1/3; with
 * 1 s durations an invocation waits 1/3 s on average. Chapter 04 checks it against the
 * platform.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /**
     * The probability that a call is lost when there is no queue (Erlang B).
     *
     * @param instances c, 1 or more
     * @param offeredLoad a = λ × mean duration, zero or more
     * @return B(c, a)
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static double erlangB(int instances, double offeredLoad) {
        atLeastOne("instances", instances);
        rate("offeredLoad", offeredLoad);
        double b = 1;
        for (int k = 1; k <= instances; k++) b = offeredLoad * b / (k + offeredLoad * b);
        return b;
    }

    /**
     * The probability that an invocation waits for an instance, C(c, a).
     *
     * @param instances c, 1 or more
     * @param offeredLoad a = λ × mean duration, zero or more and below {@code instances}
     * @return P(wait), in [0, 1)
     * @throws IllegalArgumentException if an argument breaks its rule, or the load is at or
     *     above the instances (the queue would then grow without end)
     */
    public static double probabilityOfWaiting(int instances, double offeredLoad) {
        requireStable(instances, offeredLoad);
        double b = erlangB(instances, offeredLoad);
        return instances * b / (instances - offeredLoad * (1 - b));
    }

    /**
     * The mean time an invocation waits for an instance, waiting or not.
     *
     * @param instances c, 1 or more
     * @param ratePerSecond arrivals per second, zero or more
     * @param meanDuration the mean invocation duration, more than zero
     * @return C(c, a) × mean duration / (c − a)
     * @throws IllegalArgumentException if an argument breaks its rule or the load is too high
     */
    public static Duration meanWait(int instances, double ratePerSecond, Duration meanDuration) {
        double w = positiveSeconds("meanDuration", meanDuration);
        double load = rate("ratePerSecond", ratePerSecond) * w;
        double seconds = probabilityOfWaiting(instances, load) * w / (instances - load);
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /**
     * The fewest instances that keep P(wait) at or below a target.
     *
     * @param offeredLoad a = λ × mean duration, zero or more
     * @param maxProbabilityOfWaiting the target, in (0, 1)
     * @return the smallest c above a with C(c, a) ≤ the target
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static int instancesFor(double offeredLoad, double maxProbabilityOfWaiting) {
        rate("offeredLoad", offeredLoad);
        chance("maxProbabilityOfWaiting", maxProbabilityOfWaiting);
        int c = Math.max(1, (int) Math.floor(offeredLoad) + 1);
        while (probabilityOfWaiting(c, offeredLoad) > maxProbabilityOfWaiting) c++;
        return c;
    }

    private static void requireStable(int instances, double offeredLoad) {
        atLeastOne("instances", instances);
        rate("offeredLoad", offeredLoad);
        if (offeredLoad >= instances) {
            throw new IllegalArgumentException("offeredLoad must be below instances (" + instances
                    + ") for the queue to stay finite, was: " + offeredLoad
                    + "; add instances or lower the rate or the duration");
        }
    }
}
