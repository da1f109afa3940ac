package dev.aiworkbook.runtime.billing;

import java.time.Duration;

/**
 * The metering every price catalog uses: round up to the step, then apply the minimum.
 *
 * <p>Worked example: with 1 ms steps, 1 ns bills 1 ms and 1.000001 ms bills 2 ms; with 100 ms
 * steps, 101 ms bills 200 ms; with a 100 ms minimum, 5 ms bills 100 ms.
 * {@code StandardMeteringRuleTest} covers each case. Chapter 01 uses it for every catalog.
 */
public final class StandardMeteringRule implements MeteringRule {

    @Override
    public Duration billedDuration(Duration actual, Duration granularity, Duration minimum) {
        requireNotNegative(actual, "actual");
        if (granularity == null || granularity.isNegative() || granularity.isZero()) {
            throw new IllegalArgumentException(
                    "granularity must be more than zero, was: " + granularity);
        }
        requireNotNegative(minimum, "minimum");
        return Duration.ofNanos(billedNanos(actual.toNanos(), granularity.toNanos(),
                minimum.toNanos()));
    }

    @Override
    public long billedNanos(long actualNanos, long granularityNanos, long minimumNanos) {
        if (actualNanos < 0 || granularityNanos <= 0 || minimumNanos < 0) {
            throw new IllegalArgumentException("actual and minimum must be zero or more and"
                    + " granularity more than zero, were (ns): " + actualNanos + ", "
                    + minimumNanos + ", " + granularityNanos);
        }
        long rounded = (actualNanos + granularityNanos - 1) / granularityNanos
                * granularityNanos;
        return Math.max(rounded, minimumNanos);
    }

    @Override
    public double gbSeconds(int memoryMb, Duration billed) {
        if (memoryMb <= 0) {
            throw new IllegalArgumentException("memoryMb must be more than zero, was: " + memoryMb);
        }
        requireNotNegative(billed, "billed");
        return Quantities.gbSeconds(memoryMb, billed, 1).doubleValue();
    }

    private static void requireNotNegative(Duration value, String field) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(field + " must be zero or more, was: " + value);
        }
    }
}
