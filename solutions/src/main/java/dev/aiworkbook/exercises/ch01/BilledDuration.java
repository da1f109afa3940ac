package dev.aiworkbook.exercises.ch01;

import dev.aiworkbook.runtime.billing.MeteringRule;
import java.time.Duration;

/**
 * Chapter 01, exercise ex01a, reference answer: billed duration and GB-seconds.
 *
 * <p>The rounding works in whole nanoseconds, the finest unit a {@code Duration} has, so no
 * step is lost to a conversion: 120.3 ms at a 100 ms step is 2 steps, so 200 ms.
 */
public final class BilledDuration implements MeteringRule {

    private static final double MB_PER_GB = 1024.0;
    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    @Override
    public Duration billedDuration(Duration actual, Duration granularity, Duration minimum) {
        requireZeroOrMore("actual", actual);
        if (granularity.isNegative() || granularity.isZero()) {
            throw new IllegalArgumentException(
                    "granularity must be more than zero, was: " + granularity);
        }
        requireZeroOrMore("minimum", minimum);

        Duration rounded = roundUp(actual, granularity);
        return rounded.compareTo(minimum) < 0 ? minimum : rounded;
    }

    @Override
    public double gbSeconds(int memoryMb, Duration billed) {
        if (memoryMb <= 0) {
            throw new IllegalArgumentException("memoryMb must be more than zero, was: " + memoryMb);
        }
        requireZeroOrMore("billed", billed);

        return memoryMb / MB_PER_GB * (billed.toNanos() / NANOS_PER_SECOND);
    }

    private static Duration roundUp(Duration actual, Duration granularity) {
        long step = granularity.toNanos();
        // A ceiling division: 1 ns past a step costs a whole step, a duration on a step costs
        // nothing more (covered by roundsAPartialStepUp and keepsADurationThatIsOnAStep).
        long steps = (actual.toNanos() + step - 1) / step;
        return Duration.ofNanos(steps * step);
    }

    private static void requireZeroOrMore(String name, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or more, was: " + value);
        }
    }
}
