package dev.aiworkbook.runtime.sim;

import java.util.SplittableRandom;

/**
 * Replays per-minute invocation counts, as the Azure Functions 2019 trace gives them: each
 * minute's count is spread uniformly at random within that minute.
 *
 * <p>The sorted uniform times of a minute are drawn one at a time, without holding them
 * (the sequential method for order statistics: with k left and the last at x, the next is
 * {@code x + (1 - x)(1 - U^(1/k))}), so a minute of 100,000 invocations costs no memory.
 */
final class TraceArrivals implements Arrivals {

    private static final long MINUTE = 60_000_000_000L;

    private final int[] minutes;
    private final int[] counts;
    private final long end;
    private final SplittableRandom random;
    private int index = -1;
    private int left;
    private double position;

    /**
     * @param minutes the minutes (from 0) with invocations, increasing
     * @param counts the invocations in each of those minutes, more than zero
     * @param end when arrivals stop, in nanoseconds
     * @param random the random source of the spreading
     */
    TraceArrivals(int[] minutes, int[] counts, long end, SplittableRandom random) {
        this.minutes = minutes;
        this.counts = counts;
        this.end = end;
        this.random = random;
    }

    @Override
    public long next() {
        while (left == 0) {
            if (++index >= minutes.length) return END;
            left = counts[index];
            position = 0;
        }
        position += (1 - position) * (1 - Math.pow(random.nextDouble(), 1.0 / left));
        left--;
        long at = minutes[index] * MINUTE + (long) (position * MINUTE);
        if (at >= end) {
            index = minutes.length;
            left = 0;
            return END;
        }
        return at;
    }
}
