package dev.aiworkbook.runtime.sim;

/**
 * Latencies in fixed memory: log-linear buckets in the manner of HdrHistogram, so a day of a
 * billion invocations costs the same few kilobytes as a minute of ten.
 *
 * <p>Values below 2^8 ns have a bucket each; above, every power of two is split into 128
 * buckets, so a recorded value is known to within 1/128 (0.8%), and the bucket's middle,
 * which a percentile reports, to within 0.4%. Example: 1,000,000 ns (1 ms) falls in
 * [999,424, 1,003,520), and is reported as 1,001,472 ns.
 * {@code LatencyHistogramTest} checks the error bound against exact percentiles.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS) * SUB + SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;
    /** The exact sum of the values, as sumHigh × 2^62 + sumLow, so merging keeps it exact. */
    private long sumLow;
    private long sumHigh;

    /**
     * Records one value.
     *
     * @param nanos a latency in nanoseconds, zero or more
     * @throws IllegalArgumentException if {@code nanos} is negative
     */
    public void record(long nanos) {
        if (nanos < 0) throw new IllegalArgumentException("nanos must be zero or more, was: "
                + nanos);
        counts[index(nanos)]++;
        total++;
        addToSum(nanos >>> 62, nanos & ((1L << 62) - 1));
        if (nanos > max) max = nanos;
    }

    /**
     * Adds every value another histogram recorded, as if recorded here: the result is the
     * same whatever the order of the histograms added.
     *
     * @param other the histogram to add; it is not changed
     */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) counts[i] += other.counts[i];
        total += other.total;
        addToSum(other.sumHigh, other.sumLow);
        if (other.max > max) max = other.max;
    }

    /** @return how many values were recorded */
    public long count() {
        return total;
    }

    /** @return the largest value recorded, exactly; zero when empty */
    public long maxNanos() {
        return max;
    }

    /** @return the mean of the values recorded; zero when empty */
    public double meanNanos() {
        if (total == 0) return 0;
        return ((double) sumHigh * (1L << 62) + sumLow) / total;
    }

    private void addToSum(long high, long low) {
        sumLow += low;
        sumHigh += high + (sumLow >>> 62);
        sumLow &= (1L << 62) - 1;
    }

    /**
     * The value below which a share of the recorded values falls.
     *
     * @param percentile 0..100, such as 99
     * @return the middle of the bucket holding that rank, at most the maximum; zero when empty
     * @throws IllegalArgumentException if {@code percentile} is outside 0..100
     */
    public long percentileNanos(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be 0..100, was: " + percentile);
        }
        if (total == 0) return 0;
        long rank = Math.max(1, (long) Math.ceil(percentile / 100 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) return Math.min(max, middle(i));
        }
        return max;
    }

    /** Values under 2^8 are their own index; above, 128 buckets per power of two. */
    static int index(long value) {
        if (value < 2 * SUB) return (int) value;
        int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BITS;
        return SUB * shift + (int) (value >>> shift);
    }

    static long lowerBound(int index) {
        if (index < 2 * SUB) return index;
        int shift = index / SUB - 1;
        return (long) (index - SUB * shift) << shift;
    }

    static long width(int index) {
        return index < 2 * SUB ? 1 : 1L << (index / SUB - 1);
    }

    private static long middle(int index) {
        return lowerBound(index) + width(index) / 2;
    }
}
