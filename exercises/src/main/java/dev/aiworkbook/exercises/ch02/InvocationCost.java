// Exercise ex02c. You edit this file: replace the `throw` with your answer, keeping the
// signature, then run `scripts/grade 02`. The graded tests are read-only.
package dev.aiworkbook.exercises.ch02;

import java.time.Duration;

/**
 * Chapter 02, exercise ex02c: what one invocation costs at a memory size.
 *
 * <p>The bill of one invocation has two parts: a fixed fee per request, and the compute, which
 * is the GB-seconds (exercise ex01a) times a price per GB-second. Here the duration is billed
 * the way AWS Lambda bills it: rounded up to the next whole millisecond, with no minimum.
 * Worked example: 512 MB for 120.3 ms bills 121 ms, so 0.5 GB &times; 0.121 s = 0.0605
 * GB-seconds; at $0.0000166667 per GB-second and $0.0000002 per request, that is
 * $0.0000012083.
 *
 * <p>No argument is ever null. An error message names the parameter and shows the value it
 * had, a {@code Duration} as its {@code toString()} prints it.
 */
public final class InvocationCost {

    private InvocationCost() {
    }

    /**
     * The price of one invocation, in US dollars.
     *
     * @param memoryMb the memory configured for the function, in MB; more than zero
     * @param actual the measured duration of the invocation; zero or more
     * @param usdPerGbSecond the price of one GB-second, in dollars; zero or more
     * @param usdPerRequest the fee for one request, in dollars; zero or more
     * @return {@code usdPerRequest} plus the GB-seconds of {@code actual} rounded up to whole
     *     milliseconds, times {@code usdPerGbSecond}
     * @throws IllegalArgumentException if {@code memoryMb} is zero or negative, or
     *     {@code actual}, {@code usdPerGbSecond} or {@code usdPerRequest} is negative
     */
    public static double usd(int memoryMb, Duration actual, double usdPerGbSecond,
            double usdPerRequest) {
        throw new UnsupportedOperationException("ex02c: implement InvocationCost.usd");
    }
}
