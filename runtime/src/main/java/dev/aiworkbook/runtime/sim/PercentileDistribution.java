package dev.aiworkbook.runtime.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A distribution known only by a few percentiles, as the Azure Functions 2019 trace gives
 * durations: a draw picks a uniform rank and interpolates linearly between the two nearest
 * known percentiles (a piecewise-linear inverse CDF).
 *
 * <p>Worked example: p0 = 10 ms, p50 = 20 ms, p100 = 100 ms. A rank of 0.25 draws 15 ms, a
 * rank of 0.75 draws 60 ms. {@code PercentileDistributionTest} checks both.
 *
 * <p>Simplification: the tails are no heavier than the end points, since p0 and p100 bound
 * every draw; the real distribution between two known percentiles is not known.
 */
public final class PercentileDistribution implements DurationDistribution {

    private final double[] ranks;
    private final double[] values;

    /**
     * @param percentiles the known percentiles, 0..100, strictly increasing, starting at 0
     *     and ending at 100
     * @param valuesNanos the value at each, in nanoseconds, never decreasing and never negative
     * @throws IllegalArgumentException naming the rule and the value that breaks it
     */
    public PercentileDistribution(double[] percentiles, double[] valuesNanos) {
        if (percentiles.length < 2 || percentiles.length != valuesNanos.length) {
            throw new IllegalArgumentException("percentiles and values must be two or more of"
                    + " each, and as many of one as of the other, were: " + percentiles.length
                    + " and " + valuesNanos.length);
        }
        if (percentiles[0] != 0 || percentiles[percentiles.length - 1] != 100) {
            throw new IllegalArgumentException("percentiles must start at 0 and end at 100,"
                    + " were: " + Arrays.toString(percentiles));
        }
        for (int i = 0; i < percentiles.length; i++) {
            if (i > 0 && !(percentiles[i] > percentiles[i - 1])) {
                throw new IllegalArgumentException("percentiles must increase, were: "
                        + Arrays.toString(percentiles));
            }
            if (!(valuesNanos[i] >= 0) || (i > 0 && valuesNanos[i] < valuesNanos[i - 1])) {
                throw new IllegalArgumentException("values must be zero or more and never"
                        + " decrease, were: " + Arrays.toString(valuesNanos));
            }
        }
        this.ranks = percentiles.clone();
        this.values = valuesNanos.clone();
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
        return valueAt(random.nextDouble() * 100);
    }

    /**
     * @param percentile a rank, 0..100
     * @return the interpolated value at that rank, in nanoseconds
     */
    public long valueAt(double percentile) {
        int i = 1;
        while (i < ranks.length - 1 && ranks[i] < percentile) i++;
        double share = (percentile - ranks[i - 1]) / (ranks[i] - ranks[i - 1]);
        return Math.round(values[i - 1] + share * (values[i] - values[i - 1]));
    }
}
