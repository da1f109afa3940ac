package dev.aiworkbook.runtime.sim;

import java.util.SplittableRandom;

/** How long something takes in a simulation: an invocation's run, or an instance's init. */
@FunctionalInterface
public interface DurationDistribution {

    /**
     * Draws one duration.
     *
     * @param random the simulation's random source, so one seed gives one result
     * @return the duration in nanoseconds, zero or more
     */
    long sampleNanos(SplittableRandom random);

    /**
     * @param nanos the one value to return
     * @return a distribution that always gives {@code nanos}
     */
    static DurationDistribution constant(long nanos) {
        if (nanos < 0) throw new IllegalArgumentException("nanos must be zero or more, was: "
                + nanos);
        return random -> nanos;
    }

    /**
     * Exponentially distributed durations: the service time of the M/M/c queue.
     *
     * @param meanNanos the mean, more than zero
     * @return a distribution with that mean
     * @throws IllegalArgumentException if {@code meanNanos} is not positive
     */
    static DurationDistribution exponential(long meanNanos) {
        if (meanNanos <= 0) throw new IllegalArgumentException("meanNanos must be more than"
                + " zero, was: " + meanNanos);
        return random -> (long) (-Math.log(1 - random.nextDouble()) * meanNanos);
    }
}
