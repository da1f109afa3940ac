package dev.aiworkbook.runtime.billing;

import java.time.Duration;

/**
 * How a run time becomes a bill: the rounding of durations and the GB-second.
 *
 * <p>Providers differ only in the numbers: AWS Lambda rounds up to 1 ms, Google Cloud Run to
 * 100 ms, Azure Functions to 1 ms with a 100 ms minimum. Chapter 01 works an example.
 */
public interface MeteringRule {

    /**
     * Rounds a measured duration up to what is billed.
     *
     * @param actual the measured duration; zero or more
     * @param granularity the billing step, such as 1 ms; more than zero
     * @param minimum the least that is billed for one invocation; zero or more
     * @return {@code actual} rounded up to a whole number of steps, and at least {@code minimum}
     * @throws IllegalArgumentException if {@code actual} or {@code minimum} is negative or
     *     {@code granularity} is not positive
     */
    Duration billedDuration(Duration actual, Duration granularity, Duration minimum);

    /**
     * Rounds as {@link #billedDuration} does, in nanoseconds, for a tally that rounds millions
     * of invocations; a rule may override it to make no {@link Duration} per call.
     *
     * @param actualNanos the measured duration; zero or more
     * @param granularityNanos the billing step; more than zero
     * @param minimumNanos the least that is billed for one invocation; zero or more
     * @return the billed duration, in nanoseconds
     * @throws IllegalArgumentException as {@link #billedDuration} does
     */
    default long billedNanos(long actualNanos, long granularityNanos, long minimumNanos) {
        return billedDuration(Duration.ofNanos(actualNanos), Duration.ofNanos(granularityNanos),
                Duration.ofNanos(minimumNanos)).toNanos();
    }

    /**
     * The compute used, in GB-seconds: memory in GB (MB / 1024) times billed seconds.
     *
     * @param memoryMb the memory configured for the function, in MB; more than zero
     * @param billed the billed duration; zero or more
     * @return GB-seconds, such as 0.5 for 512 MB during one second
     * @throws IllegalArgumentException if {@code memoryMb} is not positive or {@code billed}
     *     is negative
     */
    double gbSeconds(int memoryMb, Duration billed);
}
