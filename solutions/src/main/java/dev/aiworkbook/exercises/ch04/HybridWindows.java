package dev.aiworkbook.exercises.ch04;

import dev.aiworkbook.runtime.scaling.HybridHistogramPolicy;
import dev.aiworkbook.runtime.scaling.KeepAliveWindows;
import java.time.Duration;

/**
 * Chapter 04, exercise ex04a, reference answer: the hybrid histogram windows.
 *
 * <p>Worked example: 10 idle times in bin 9 and 10 in bin 10: head 9 min, tail 11 min,
 * pre-warm 8.1 min and keep-alive 4 min (covered by clusteredIdleTimesPrewarm).
 */
public final class HybridWindows implements HybridHistogramPolicy.Rule {

    private static final Duration RANGE = Duration.ofHours(4);
    private static final long MINUTE_MS = 60_000;

    @Override
    public KeepAliveWindows windows(long[] bins, long outOfBounds,
            double predictedOutOfBoundsMinutes) {
        long inBounds = 0;
        for (long count : bins) inBounds += count;
        long samples = inBounds + outOfBounds;
        if (samples < 10) return KeepAliveWindows.fixed(RANGE);
        if (outOfBounds * 2 > samples) return predicted(predictedOutOfBoundsMinutes);
        if (!(coefficientOfVariation(bins, inBounds) >= 2)) return KeepAliveWindows.fixed(RANGE);

        long headMs = percentileBin(bins, inBounds, 5) * MINUTE_MS;
        long tailMs = (percentileBin(bins, inBounds, 99) + 1) * MINUTE_MS;
        long prewarm = Math.round(headMs * 0.9);
        long keptUntil = Math.round(tailMs * 1.1);
        return new KeepAliveWindows(Duration.ofMillis(prewarm),
                Duration.ofMillis(keptUntil - prewarm));
    }

    private static KeepAliveWindows predicted(double minutes) {
        if (!(minutes > 0)) return KeepAliveWindows.fixed(RANGE);
        double ms = minutes * MINUTE_MS;
        long prewarm = Math.round(ms * 0.85);
        long keptUntil = Math.round(ms * 1.15);
        return new KeepAliveWindows(Duration.ofMillis(prewarm),
                Duration.ofMillis(keptUntil - prewarm));
    }

    private static int percentileBin(long[] bins, long total, double percentile) {
        long rank = Math.max(1, (long) Math.ceil(percentile / 100 * total));
        long seen = 0;
        for (int i = 0; i < bins.length; i++) {
            seen += bins[i];
            if (seen >= rank) return i;
        }
        return bins.length - 1;
    }

    private static double coefficientOfVariation(long[] bins, long total) {
        if (total == 0) return Double.NaN;
        double mean = (double) total / bins.length;
        double squares = 0;
        for (long count : bins) squares += (count - mean) * (count - mean);
        return Math.sqrt(squares / bins.length) / mean;
    }
}
