package dev.aiworkbook.exercises.ch04;

import java.time.Duration;

/**
 * Chapter 04, exercise ex04c, reference answer: Erlang C by the Erlang B recurrence.
 *
 * <p>Worked example: c = 2, a = 1: B(2) = 1/5, C = 1/3 (covered by twoInstancesOneErlang).
 */
public final class QueueAtTheLimit {

    public double probabilityOfWaiting(int instances, double offeredLoad) {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be 1 or more, was: " + instances);
        }
        if (!(offeredLoad >= 0) || offeredLoad >= instances) {
            throw new IllegalArgumentException("offeredLoad must be zero or more and below"
                    + " instances (" + instances + "), was: " + offeredLoad);
        }
        double b = 1;
        for (int k = 1; k <= instances; k++) b = offeredLoad * b / (k + offeredLoad * b);
        return instances * b / (instances - offeredLoad * (1 - b));
    }

    public Duration meanWait(int instances, double ratePerSecond, Duration meanDuration) {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be 1 or more, was: " + instances);
        }
        if (meanDuration == null || meanDuration.isNegative() || meanDuration.isZero()) {
            throw new IllegalArgumentException("meanDuration must be more than zero, was: "
                    + meanDuration);
        }
        double w = meanDuration.toNanos() / 1e9;
        double load = ratePerSecond * w;
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond) || load >= instances) {
            throw new IllegalArgumentException("ratePerSecond must be zero or more and keep the"
                    + " offered load below instances (" + instances + "), was: "
                    + ratePerSecond);
        }
        double seconds = probabilityOfWaiting(instances, load) * w / (instances - load);
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
