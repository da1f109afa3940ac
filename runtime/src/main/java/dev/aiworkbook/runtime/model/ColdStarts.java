package dev.aiworkbook.runtime.model;

import static dev.aiworkbook.runtime.model.Checks.chance;
import static dev.aiworkbook.runtime.model.Checks.positive;
import static dev.aiworkbook.runtime.model.Checks.rate;
import static dev.aiworkbook.runtime.model.Checks.seconds;

import java.time.Duration;

/**
 * The cold-start probability of a rarely called function under a fixed keep-alive:
 * P(cold) = e^(−λ T).
 *
 * <p>With Poisson arrivals at rate λ the gaps between them are exponential, and an arrival is
 * cold exactly when the gap before it exceeds the keep-alive T: P(gap &gt; T) = e^(−λ T).
 * Assumptions: one instance at a time (the rate is low, so calls never overlap), durations
 * far shorter than T (the gap is all idle time), and a steady rate. Worked example: a call
 * every 8 minutes on average and a 10-minute keep-alive give e^(−10/8) = 0.29: 29% cold.
 * Chapter 04 checks it against the platform.
 */
public final class ColdStarts {

    private ColdStarts() {
    }

    /**
     * P(cold) = e^(−λ T).
     *
     * @param ratePerSecond the function's arrivals per second, zero or more
     * @param keepAlive how long an idle instance is kept, zero or more
     * @return the share of invocations that start cold, in (0, 1]
     * @throws IllegalArgumentException if an argument is negative, not finite or null
     */
    public static double probability(double ratePerSecond, Duration keepAlive) {
        return Math.exp(-rate("ratePerSecond", ratePerSecond) * seconds("keepAlive", keepAlive));
    }

    /**
     * The keep-alive that brings P(cold) down to a target: T = −ln(p) / λ.
     *
     * @param ratePerSecond the function's arrivals per second, more than zero
     * @param coldProbability the share of cold starts wanted, in (0, 1)
     * @return the keep-alive, rounded up to the millisecond
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static Duration keepAliveFor(double ratePerSecond, double coldProbability) {
        double seconds = -Math.log(chance("coldProbability", coldProbability))
                / positive("ratePerSecond", ratePerSecond);
        return Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }
}
