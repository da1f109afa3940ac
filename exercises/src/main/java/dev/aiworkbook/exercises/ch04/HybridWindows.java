// Exercise ex04a. You edit this file: replace the `throw` with your answer, keeping the
// signature, then run `scripts/grade 04`. The graded tests are read-only.
package dev.aiworkbook.exercises.ch04;

import dev.aiworkbook.runtime.scaling.HybridHistogramPolicy;
import dev.aiworkbook.runtime.scaling.KeepAliveWindows;

/**
 * Chapter 04, exercise ex04a: the hybrid histogram windows of "Serverless in the Wild".
 *
 * <p>The platform collects, per function, a histogram of idle times: {@code bins[i]} counts
 * the idle times of {@code i} to {@code i + 1} minutes, over 4 hours (240 bins); longer ones
 * are counted in {@code outOfBounds}. Turn it into windows, first rule that applies:
 * <ol>
 *   <li>Fewer than 10 idle times in all (in and out of bounds): a fixed keep-alive of
 *       4 hours, no pre-warm ({@code KeepAliveWindows.fixed}).</li>
 *   <li>More than half of them out of bounds: pre-warm at 85% of
 *       {@code predictedOutOfBoundsMinutes} and keep the instance until 115% of it, so the
 *       keep-alive window is 30% of it. (If the prediction is not above zero, use rule 1's
 *       windows.)</li>
 *   <li>The coefficient of variation of the 240 bin counts (population standard deviation
 *       divided by the mean) below 2: the idle times are too spread out to predict
 *       anything; rule 1's windows.</li>
 *   <li>Otherwise: the head is the lower edge of the bin that holds the 5th percentile of
 *       the in-bounds idle times, the tail the upper edge of the bin that holds the 99th.
 *       The p-th percentile's bin is the first whose running count reaches
 *       {@code ceil(p / 100 × in-bounds count)} (at least 1). Pre-warm = head × 0.9;
 *       keep-alive = tail × 1.1 − pre-warm.</li>
 * </ol>
 * Worked example: 10 idle times in bin 9 and 10 in bin 10. The 5th percentile (rank 1) is in
 * bin 9, head 9 min; the 99th (rank 20) in bin 10, tail 11 min. Pre-warm 8.1 min, kept until
 * 12.1 min: a keep-alive window of 4 min.
 *
 * <p>Work in nanoseconds (or milliseconds: every result here is a whole number of
 * milliseconds) and build the answer with {@code new KeepAliveWindows(prewarm, keepAlive)}.
 * The arguments are never null, {@code bins} always has 240 counts, none negative.
 */
public final class HybridWindows implements HybridHistogramPolicy.Rule {

    /**
     * The windows for one function's idle-time histogram.
     *
     * @param bins idle times per 1-minute bin, 240 bins
     * @param outOfBounds idle times of 4 hours or more
     * @param predictedOutOfBoundsMinutes the predicted next out-of-bounds idle time, minutes
     * @return the pre-warm and keep-alive windows
     */
    @Override
    public KeepAliveWindows windows(long[] bins, long outOfBounds,
            double predictedOutOfBoundsMinutes) {
        throw new UnsupportedOperationException("ex04a: implement HybridWindows.windows");
    }
}
