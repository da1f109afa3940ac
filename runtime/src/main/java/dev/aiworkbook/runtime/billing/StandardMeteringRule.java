package dev.aiworkbook.runtime.billing;

import java.time.Duration;

/** The metering every price catalog uses: round up to the step, apply the minimum. */
public final class StandardMeteringRule implements MeteringRule {

    private static final double MB_PER_GB = 1024.0;
    private static final double NANOS_PER_SECOND = 1e9;

    @Override
    public Duration billedDuration(Duration actual, Duration granularity, Duration minimum) {
        if (actual.isNegative()) {
            throw new IllegalArgumentException("actual must be zero or more, was: " + actual);
        }
        if (granularity.isNegative() || granularity.isZero()) {
            throw new IllegalArgumentException(
                    "granularity must be more than zero, was: " + granularity);
        }
        if (minimum.isNegative()) {
            throw new IllegalArgumentException("minimum must be zero or more, was: " + minimum);
        }
        long step = granularity.toNanos();
        long steps = (actual.toNanos() + step - 1) / step;
        Duration rounded = Duration.ofNanos(steps * step);
        return rounded.compareTo(minimum) < 0 ? minimum : rounded;
    }

    @Override
    public double gbSeconds(int memoryMb, Duration billed) {
        if (memoryMb <= 0) {
            throw new IllegalArgumentException("memoryMb must be more than zero, was: " + memoryMb);
        }
        if (billed.isNegative()) {
            throw new IllegalArgumentException("billed must be zero or more, was: " + billed);
        }
        return memoryMb / MB_PER_GB * (billed.toNanos() / NANOS_PER_SECOND);
    }
}
