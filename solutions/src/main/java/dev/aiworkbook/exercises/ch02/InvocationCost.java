package dev.aiworkbook.exercises.ch02;

import dev.aiworkbook.exercises.ch01.BilledDuration;
import java.time.Duration;

/**
 * Chapter 02, exercise ex02c, reference answer: what one invocation costs at a memory size.
 *
 * <p>It reuses ex01a's rule with a 1 ms step and no minimum, the way AWS Lambda bills.
 */
public final class InvocationCost {

    private static final Duration ONE_MILLISECOND = Duration.ofMillis(1);
    private static final BilledDuration METERING = new BilledDuration();

    private InvocationCost() {
    }

    /**
     * The price of one invocation, in US dollars.
     *
     * @param memoryMb the memory configured for the function, in MB; more than zero
     * @param actual the measured duration of the invocation; zero or more
     * @param usdPerGbSecond the price of one GB-second, in dollars; zero or more
     * @param usdPerRequest the fee for one request, in dollars; zero or more
     * @return the request fee plus the compute, billed in whole milliseconds
     * @throws IllegalArgumentException if {@code memoryMb} is zero or negative, or any other
     *     argument is negative
     */
    public static double usd(int memoryMb, Duration actual, double usdPerGbSecond,
            double usdPerRequest) {
        requireZeroOrMore("usdPerGbSecond", usdPerGbSecond);
        requireZeroOrMore("usdPerRequest", usdPerRequest);

        Duration billed = METERING.billedDuration(actual, ONE_MILLISECOND, Duration.ZERO);
        return usdPerRequest + METERING.gbSeconds(memoryMb, billed) * usdPerGbSecond;
    }

    private static void requireZeroOrMore(String name, double usd) {
        if (usd < 0) {
            throw new IllegalArgumentException(name + " must be zero or more, was: " + usd);
        }
    }
}
