// Exercise ex01a. You edit this file: replace each `throw` with your answer, keeping the
// signatures, then run `scripts/grade 01`. The graded tests are read-only.
package dev.aiworkbook.exercises.ch01;

import dev.aiworkbook.runtime.billing.MeteringRule;
import java.time.Duration;

/**
 * Chapter 01, exercise ex01a: billed duration and GB-seconds.
 *
 * <p>A provider never bills the exact run time. It rounds it up to a whole number of billing
 * steps, bills at least a minimum, and multiplies the result by the memory configured. Worked
 * example: 120.3 ms at a 100 ms step bills 200 ms; at 512 MB that is 0.5 GB &times; 0.2 s =
 * 0.1 GB-seconds.
 *
 * <p>No argument is ever null. An error message names the parameter and shows the value it
 * had, a {@code Duration} as its {@code toString()} prints it, for example
 * {@code granularity must be more than zero, was: PT0S}.
 */
public final class BilledDuration implements MeteringRule {

    /**
     * Rounds a measured duration up to what is billed.
     *
     * @param actual the measured duration; zero or more
     * @param granularity the billing step, such as 1 ms or 100 ms; more than zero
     * @param minimum the least that one invocation is billed; zero or more
     * @return the smallest whole number of steps that covers {@code actual} (zero for zero), or
     *     {@code minimum} if that is more; a duration already on a step stays as it is
     * @throws IllegalArgumentException if {@code actual} is negative, {@code granularity} is
     *     zero or negative, or {@code minimum} is negative
     */
    @Override
    public Duration billedDuration(Duration actual, Duration granularity, Duration minimum) {
        throw new UnsupportedOperationException("ex01a: implement BilledDuration.billedDuration");
    }

    /**
     * The compute used, in GB-seconds: memory in GB (MB divided by 1024) times billed seconds.
     *
     * @param memoryMb the memory configured for the function, in MB; more than zero
     * @param billed the billed duration, counted to the nanosecond; zero or more
     * @return the GB-seconds, such as 0.5 for 512 MB during one second
     * @throws IllegalArgumentException if {@code memoryMb} is zero or negative, or {@code billed}
     *     is negative
     */
    @Override
    public double gbSeconds(int memoryMb, Duration billed) {
        throw new UnsupportedOperationException("ex01a: implement BilledDuration.gbSeconds");
    }
}
