package dev.aiworkbook.runtime.scaling;

import java.time.Duration;

/**
 * The knobs of the {@link HybridHistogramPolicy}, with the values of "Serverless in the Wild"
 * (Shahrad et al., USENIX ATC 2020) where the paper gives them.
 *
 * @param binWidth the width of one histogram bin (paper: 1 minute)
 * @param range how far the histogram reaches; idle times beyond it are out of bounds
 *     (paper: 4 hours)
 * @param headPercentile the percentile of idle times that sets the pre-warm window
 *     (paper: 5)
 * @param tailPercentile the percentile of idle times that sets the end of the keep-alive
 *     window (paper: 99)
 * @param margin the share taken off the head and added to the tail, for the histogram's
 *     coarse bins (paper: 0.10)
 * @param cvThreshold the histogram is representative only when the coefficient of
 *     variation of its bin counts is above this (paper: 2)
 * @param minSamples fewer idle times than this are not representative (this project's
 *     choice: the paper gives no number)
 * @param oobShare when more than this share of the idle times is out of bounds, the
 *     out-of-bounds predictor decides (this project's choice)
 * @param predictorWeight the weight of the newest out-of-bounds idle time in the predictor's
 *     exponentially weighted mean (this project's choice)
 * @param predictorMargin the predictor pre-warms at {@code (1 - margin)} of the predicted
 *     idle time and keeps the instance to {@code (1 + margin)} of it (paper: 0.15)
 */
public record HybridSettings(
        Duration binWidth,
        Duration range,
        double headPercentile,
        double tailPercentile,
        double margin,
        double cvThreshold,
        int minSamples,
        double oobShare,
        double predictorWeight,
        double predictorMargin) {

    /** The most bins a histogram may have, so one function's state stays small. */
    public static final int MAX_BINS = 100_000;

    public HybridSettings {
        requirePositive("binWidth", binWidth);
        requirePositive("range", range);
        if (range.compareTo(binWidth) < 0 || range.toNanos() % binWidth.toNanos() != 0) {
            throw new IllegalArgumentException("range must be a whole number of binWidth ("
                    + binWidth + "), was: " + range);
        }
        if (range.toNanos() / binWidth.toNanos() > MAX_BINS) {
            throw new IllegalArgumentException("range must hold at most " + MAX_BINS
                    + " bins of binWidth (" + binWidth + "), was: " + range);
        }
        requireIn("headPercentile", headPercentile, 0, 100);
        requireIn("tailPercentile", tailPercentile, 0, 100);
        if (headPercentile > tailPercentile) {
            throw new IllegalArgumentException("headPercentile must not exceed tailPercentile ("
                    + tailPercentile + "), was: " + headPercentile);
        }
        requireIn("margin", margin, 0, 1);
        if (!(cvThreshold >= 0)) {
            throw new IllegalArgumentException("cvThreshold must be zero or more, was: "
                    + cvThreshold);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be 1 or more, was: "
                    + minSamples);
        }
        requireIn("oobShare", oobShare, 0, 1);
        if (!(predictorWeight > 0 && predictorWeight <= 1)) {
            throw new IllegalArgumentException("predictorWeight must be in (0, 1], was: "
                    + predictorWeight);
        }
        requireIn("predictorMargin", predictorMargin, 0, 1);
    }

    /**
     * The paper's settings: 1-minute bins over 4 hours, the 5th and 99th percentiles with a
     * 10% margin, a coefficient of variation above 2, and the predictor's 15% margin; at
     * least 10 idle times, an out-of-bounds share of a half and a predictor weight of 0.5 are
     * this project's choices.
     *
     * @return the settings
     */
    public static HybridSettings paper() {
        return new HybridSettings(Duration.ofMinutes(1), Duration.ofHours(4), 5, 99, 0.10, 2.0,
                10, 0.5, 0.5, 0.15);
    }

    /** @return how many bins the histogram has: range / binWidth (240 for the paper) */
    public int bins() {
        return (int) (range.toNanos() / binWidth.toNanos());
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be more than zero, was: " + value);
        }
    }

    private static void requireIn(String field, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(field + " must be " + low + ".." + high
                    + ", was: " + value);
        }
    }
}
