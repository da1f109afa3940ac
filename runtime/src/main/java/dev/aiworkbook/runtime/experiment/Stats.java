package dev.aiworkbook.runtime.experiment;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Percentiles of measured durations, in milliseconds.
 *
 * @param count how many were measured
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param max the largest
 */
public record Stats(int count, double p50, double p90, double p99, double max) {

    /** What there is to say of no samples: zeros, with a count of zero. */
    public static final Stats NONE = new Stats(0, 0, 0, 0, 0);

    /**
     * Summarises measured durations; percentiles take the nearest rank.
     *
     * @param samples at least one duration
     * @return the summary
     * @throws IllegalArgumentException if there are no samples (see {@link #NONE})
     */
    public static Stats of(List<Duration> samples) {
        if (samples.isEmpty()) throw new IllegalArgumentException("samples must not be empty");
        double[] ms = samples.stream().mapToDouble(d -> d.toNanos() / 1e6).toArray();
        Arrays.sort(ms);
        return new Stats(ms.length, rank(ms, 0.5), rank(ms, 0.9), rank(ms, 0.99),
                ms[ms.length - 1]);
    }

    private static double rank(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
