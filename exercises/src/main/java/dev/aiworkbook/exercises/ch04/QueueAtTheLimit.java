// Exercise ex04c. You edit this file: replace each `throw` with your answer, keeping the
// signatures, then run `scripts/grade 04`. The graded tests are read-only.
package dev.aiworkbook.exercises.ch04;

import java.time.Duration;

/**
 * Chapter 04, exercise ex04c: queueing at the instance limit, Erlang C.
 *
 * <p>A function capped at {@code c} instances (concurrency 1) with Poisson arrivals and
 * exponential durations is an M/M/c queue. With offered load a = λ × mean duration:
 * <pre>
 *   Erlang B:  B(0) = 1,  B(k) = a B(k-1) / (k + a B(k-1))   for k = 1..c
 *   P(wait) = C = c B(c) / (c - a (1 - B(c)))
 *   mean wait = C × mean duration / (c - a)
 * </pre>
 * Use the recurrence: a^c / c! overflows a double long before c = 200.
 * Worked example: c = 2, a = 1: B(1) = 1/2, B(2) = 1/5, C = 0.4 / 1.2 = 1/3; with 1 s
 * durations the mean wait is 1/3 s.
 *
 * <p>Errors: an {@code IllegalArgumentException} whose message names the parameter and shows
 * its value, for instances below 1, a negative or non-finite load or rate, a mean duration
 * not above zero, and an offered load at or above the instances (the line would grow
 * without end; name {@code offeredLoad}, or {@code ratePerSecond} in {@code meanWait}).
 */
public final class QueueAtTheLimit {

    /**
     * The probability that an invocation waits for an instance.
     *
     * @param instances c, 1 or more
     * @param offeredLoad a, zero or more and below {@code instances}
     * @return C(c, a)
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public double probabilityOfWaiting(int instances, double offeredLoad) {
        throw new UnsupportedOperationException(
                "ex04c: implement QueueAtTheLimit.probabilityOfWaiting");
    }

    /**
     * The mean wait for an instance, over all invocations.
     *
     * @param instances c, 1 or more
     * @param ratePerSecond λ, zero or more
     * @param meanDuration the mean duration, more than zero
     * @return C(c, a) × mean duration / (c − a), to the nearest nanosecond
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public Duration meanWait(int instances, double ratePerSecond, Duration meanDuration) {
        throw new UnsupportedOperationException("ex04c: implement QueueAtTheLimit.meanWait");
    }
}
