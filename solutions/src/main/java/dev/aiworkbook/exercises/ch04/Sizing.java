package dev.aiworkbook.exercises.ch04;

import java.time.Duration;

/**
 * Chapter 04, exercise ex04b, reference answer: sizing with Little's law.
 *
 * <p>Worked example: 35 calls a second of 200 ms keep 7 in flight; at 70% utilisation that
 * is 10 instances (covered by sizesWithHeadroom).
 */
public final class Sizing {

    public double meanInFlight(double ratePerSecond, Duration meanDuration) {
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be finite and zero or more,"
                    + " was: " + ratePerSecond);
        }
        if (meanDuration == null || meanDuration.isNegative()) {
            throw new IllegalArgumentException("meanDuration must be zero or more, was: "
                    + meanDuration);
        }
        return ratePerSecond * meanDuration.toNanos() / 1e9;
    }

    public int instancesFor(double ratePerSecond, Duration meanDuration, int concurrency,
            double utilization) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, was: "
                    + concurrency);
        }
        if (!(utilization > 0 && utilization <= 1)) {
            throw new IllegalArgumentException("utilization must be in (0, 1], was: "
                    + utilization);
        }
        double needed = meanInFlight(ratePerSecond, meanDuration) / (concurrency * utilization);
        return (int) Math.ceil(needed - 1e-9);
    }
}
