// Exercise ex04b. You edit this file: replace each `throw` with your answer, keeping the
// signatures, then run `scripts/grade 04`. The graded tests are read-only.
package dev.aiworkbook.exercises.ch04;

import java.time.Duration;

/**
 * Chapter 04, exercise ex04b: sizing a function with Little's law.
 *
 * <p>Little's law: on average, invocations in flight L = λ × W, the arrival rate times the
 * mean duration. An instance serves {@code concurrency} invocations at once, and you want
 * each at most {@code utilization} full, so the function needs
 * {@code ceil(L / (concurrency × utilization))} instances.
 *
 * <p>Worked example: 35 calls a second of 200 ms keep 7 in flight; at concurrency 1 and 70%
 * utilisation that is 7 / 0.7 = 10 instances; at 36 calls a second, 7.2 / 0.7 = 10.3, so 11.
 * Floating point can make 35 × 0.2 come out as 7.000000000000001, and that over 0.7 as
 * 10.000000000000002: forgive such an error (for example, subtract 1e-9 before rounding up).
 *
 * <p>Errors: an {@code IllegalArgumentException} whose message names the parameter and shows
 * its value, for a negative or non-finite rate (NaN too), a negative or null duration, a
 * concurrency below 1, a utilisation outside (0, 1].
 */
public final class Sizing {

    /**
     * The mean number of invocations in flight.
     *
     * @param ratePerSecond arrivals per second, zero or more
     * @param meanDuration the mean duration, zero or more
     * @return λ × W, with W in seconds
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public double meanInFlight(double ratePerSecond, Duration meanDuration) {
        throw new UnsupportedOperationException("ex04b: implement Sizing.meanInFlight");
    }

    /**
     * The instances a steady load needs.
     *
     * @param ratePerSecond arrivals per second, zero or more
     * @param meanDuration the mean duration, zero or more
     * @param concurrency invocations one instance serves at once, 1 or more
     * @param utilization how full each instance may be, in (0, 1]
     * @return ceil(λ W / (concurrency × utilization)); zero with no load
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public int instancesFor(double ratePerSecond, Duration meanDuration, int concurrency,
            double utilization) {
        throw new UnsupportedOperationException("ex04b: implement Sizing.instancesFor");
    }
}
