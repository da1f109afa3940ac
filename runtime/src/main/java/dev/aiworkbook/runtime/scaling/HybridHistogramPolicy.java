package dev.aiworkbook.runtime.scaling;

import dev.aiworkbook.runtime.instance.InstanceView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hybrid histogram keep-alive policy of "Serverless in the Wild" (Shahrad et al., USENIX
 * ATC 2020): each function learns its own idle times, and gets a pre-warm window and a
 * keep-alive window from them.
 *
 * <p>Per function it keeps a histogram of idle times (the time from its last busy instance
 * going idle to the next arrival) in 1-minute bins over 4 hours. When an instance goes idle:
 * <ol>
 *   <li>Fewer than {@code minSamples} idle times: not representative, so a fixed keep-alive
 *       of the whole range (4 hours), no pre-warm.</li>
 *   <li>More than {@code oobShare} of them beyond the range (out of bounds): the predictor
 *       below decides.</li>
 *   <li>The coefficient of variation of the bin counts below {@code cvThreshold} (2): the
 *       idle times are spread out, not representative, so the fixed range again.</li>
 *   <li>Otherwise the histogram: head = the lower edge of the 5th-percentile bin, tail = the
 *       upper edge of the 99th-percentile bin; pre-warm = head × 0.9, keep-alive = tail × 1.1
 *       − pre-warm.</li>
 * </ol>
 *
 * <p>Worked example (tested in {@code HybridHistogramPolicyTest.clusteredIdleTimes}): twenty
 * idle times of 9 and 10 minutes fill bins 9 and 10. The 5th percentile is in bin 9, so the
 * head is 9 min and the pre-warm 8.1 min; the 99th is in bin 10, whose upper edge is 11 min,
 * so the instance is kept to 12.1 min: a keep-alive window of 4 min after the pre-warm.
 *
 * <p>Simplification: the paper forecasts out-of-bounds idle times with ARIMA; this policy
 * predicts the next one as an exponentially weighted mean of the out-of-bounds idle times
 * seen, and pre-warms at 85% of it and keeps the instance to 115% of it (the paper's 15%
 * margin). It suits functions called at a steady slow pace (every 6 hours), not ones whose
 * long gaps follow a daily pattern, which ARIMA can learn. The paper also bounds how many
 * applications a histogram is kept for; here every function keeps one (240 counters).
 *
 * <p>The decision itself is {@link #decide}, a pure function of a histogram; the policy
 * object only collects the histograms (and can ask another {@link Rule} instead). Chapter
 * 04 explains it; its exercise ex04a is the rule.
 */
public final class HybridHistogramPolicy implements KeepAlivePolicy {

    private final HybridSettings settings;
    private final Rule rule;
    private final FixedKeepAlive reclaimRule = new FixedKeepAlive();
    private final Map<String, History> histories = new ConcurrentHashMap<>();

    /** @param settings the knobs, already validated; {@link HybridSettings#paper()} */
    public HybridHistogramPolicy(HybridSettings settings) {
        this(settings, (bins, outOfBounds, predicted) ->
                decide(bins, outOfBounds, predicted, settings).windows());
    }

    /**
     * A policy that collects the histograms and asks another rule for the windows, such as
     * a learner's answer to chapter 04's exercise.
     *
     * @param settings the histogram's bins and range, and the predictor's weight
     * @param rule turns one histogram into windows
     */
    public HybridHistogramPolicy(HybridSettings settings, Rule rule) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** Turns one function's histogram of idle times into its windows. */
    @FunctionalInterface
    public interface Rule {
        /**
         * @param bins the count of idle times per bin (a copy: changing it changes nothing)
         * @param outOfBounds how many idle times were at or beyond the range
         * @param predictedOutOfBoundsMinutes the predictor's next out-of-bounds idle time, in
         *     minutes; zero while none was seen
         * @return the pre-warm and keep-alive windows
         */
        KeepAliveWindows windows(long[] bins, long outOfBounds,
                double predictedOutOfBoundsMinutes);
    }

    /** @return a policy with the paper's settings */
    public static HybridHistogramPolicy paper() {
        return new HybridHistogramPolicy(HybridSettings.paper());
    }

    /** Why the policy chose the windows it did. */
    public enum Basis {
        /** fewer idle times than {@code minSamples}: the fixed range, no pre-warm */
        TOO_FEW_SAMPLES,
        /** bin counts too even (low coefficient of variation): the fixed range */
        NOT_REPRESENTATIVE,
        /** the 5th and 99th percentiles of the histogram */
        HISTOGRAM,
        /** most idle times beyond the range: the out-of-bounds predictor */
        OUT_OF_BOUNDS
    }

    /**
     * One decision, with what it was made from.
     *
     * @param basis which rule decided
     * @param windows the pre-warm and keep-alive windows
     * @param samples how many idle times were seen, in and out of bounds
     * @param coefficientOfVariation of the bin counts (standard deviation / mean), NaN when
     *     no idle time was in bounds
     */
    public record Choice(Basis basis, KeepAliveWindows windows, long samples,
            double coefficientOfVariation) {
    }

    @Override
    public void invoked(String function, Instant arrival) {
        History history = histories.get(function);
        if (history != null) history.arrived(arrival, settings);
    }

    @Override
    public void idle(String function, Instant now) {
        histories.computeIfAbsent(function, f -> new History(settings.bins())).wentIdle(now);
    }

    /**
     * The windows for the function's next idle period; the configured keep-alive is not used,
     * the histogram (or its fallback of the whole range) replaces it.
     */
    @Override
    public KeepAliveWindows windows(String function, Instant now, Duration configured) {
        History history = histories.get(function);
        if (history == null) return rule.windows(new long[settings.bins()], 0, 0);
        return history.windows(rule);
    }

    /**
     * Decides the function's windows from the idle times seen so far.
     *
     * @param function the function's name
     * @return the decision and its basis; a function never seen has too few samples
     */
    public Choice choose(String function) {
        History history = histories.get(function);
        if (history == null) return decide(new long[settings.bins()], 0, 0, settings);
        return history.choice(settings);
    }

    /**
     * Reclaims idle instances past the keep-alive the pool passes, which is the keep-alive
     * window this policy gave it; the rule is {@link FixedKeepAlive}'s.
     */
    @Override
    public List<String> reclaimable(List<InstanceView> instances, Instant now,
            Duration keepAlive, int minInstances) {
        return reclaimRule.reclaimable(instances, now, keepAlive, minInstances);
    }

    @Override
    public String toString() {
        return "hybrid";
    }

    /**
     * The hybrid decision for one histogram of idle times: a pure function.
     *
     * @param bins the count of idle times per bin, bin {@code i} holding idle times in
     *     {@code [i, i+1)} bin widths; its length must be {@link HybridSettings#bins()}
     * @param outOfBounds how many idle times were at or beyond the range
     * @param predictedOutOfBoundsMinutes the predictor's next out-of-bounds idle time, in
     *     minutes; used only when the out-of-bounds rule decides
     * @param settings the knobs
     * @return the windows and the rule that chose them
     * @throws IllegalArgumentException if {@code bins} has the wrong length or a negative
     *     count, or {@code outOfBounds} is negative
     */
    public static Choice decide(long[] bins, long outOfBounds, double predictedOutOfBoundsMinutes,
            HybridSettings settings) {
        requireHistogram(bins, outOfBounds, settings);
        long inBounds = 0;
        for (long count : bins) inBounds += count;
        long samples = inBounds + outOfBounds;
        double cv = coefficientOfVariation(bins, inBounds);
        Duration range = settings.range();

        // Too little history to trust: keep the instance for the whole range, as the paper's
        // fallback does.
        if (samples < settings.minSamples()) {
            return new Choice(Basis.TOO_FEW_SAMPLES, KeepAliveWindows.fixed(range), samples, cv);
        }

        // Mostly beyond the range: the histogram says nothing useful about the next gap.
        if (outOfBounds > settings.oobShare() * samples) {
            return new Choice(Basis.OUT_OF_BOUNDS,
                    predicted(predictedOutOfBoundsMinutes, settings), samples, cv);
        }

        // Spread-out idle times (low CV) predict nothing: be conservative.
        if (!(cv >= settings.cvThreshold())) {
            return new Choice(Basis.NOT_REPRESENTATIVE, KeepAliveWindows.fixed(range), samples,
                    cv);
        }
        return new Choice(Basis.HISTOGRAM, fromPercentiles(bins, inBounds, settings), samples,
                cv);
    }

    /**
     * Head at the lower edge of the head-percentile bin, tail at the upper edge of the
     * tail-percentile bin, widened by the margin on both sides.
     */
    private static KeepAliveWindows fromPercentiles(long[] bins, long inBounds,
            HybridSettings settings) {
        long width = settings.binWidth().toNanos();
        long head = percentileBin(bins, inBounds, settings.headPercentile()) * width;
        long tail = (percentileBin(bins, inBounds, settings.tailPercentile()) + 1) * width;
        long prewarm = Math.round(head * (1 - settings.margin()));
        long keptUntil = Math.round(tail * (1 + settings.margin()));
        return new KeepAliveWindows(Duration.ofNanos(prewarm),
                Duration.ofNanos(keptUntil - prewarm));
    }

    /** The first bin whose cumulative count reaches the percentile, by nearest rank. */
    private static int percentileBin(long[] bins, long total, double percentile) {
        long rank = Math.max(1, (long) Math.ceil(percentile / 100 * total));
        long seen = 0;
        for (int i = 0; i < bins.length; i++) {
            seen += bins[i];
            if (seen >= rank) return i;
        }
        return bins.length - 1;
    }

    /** Pre-warm at (1 - m) of the prediction, keep to (1 + m) of it. */
    private static KeepAliveWindows predicted(double minutes, HybridSettings settings) {
        if (!(minutes > 0)) return KeepAliveWindows.fixed(settings.range());
        double nanos = minutes * 60e9;
        long prewarm = Math.round(nanos * (1 - settings.predictorMargin()));
        long keptUntil = Math.round(nanos * (1 + settings.predictorMargin()));
        return new KeepAliveWindows(Duration.ofNanos(prewarm),
                Duration.ofNanos(keptUntil - prewarm));
    }

    /** Population standard deviation of the bin counts over their mean. */
    static double coefficientOfVariation(long[] bins, long total) {
        if (total == 0) return Double.NaN;
        double mean = (double) total / bins.length;
        double squares = 0;
        for (long count : bins) squares += (count - mean) * (count - mean);
        return Math.sqrt(squares / bins.length) / mean;
    }

    private static void requireHistogram(long[] bins, long outOfBounds,
            HybridSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (bins == null || bins.length != settings.bins()) {
            throw new IllegalArgumentException("bins must have " + settings.bins()
                    + " counts (range / binWidth), had: "
                    + (bins == null ? "null" : bins.length));
        }
        for (int i = 0; i < bins.length; i++) {
            if (bins[i] < 0) {
                throw new IllegalArgumentException("bins[" + i + "] must be zero or more, was: "
                        + bins[i]);
            }
        }
        if (outOfBounds < 0) {
            throw new IllegalArgumentException("outOfBounds must be zero or more, was: "
                    + outOfBounds);
        }
    }

    /** One function's idle times: the histogram, the out-of-bounds predictor, the open gap. */
    private static final class History {
        private final long[] bins;
        private long outOfBounds;
        private double predictedMinutes;
        private Instant idleSince;
        private KeepAliveWindows cached;

        History(int bins) {
            this.bins = new long[bins];
        }

        synchronized void wentIdle(Instant now) {
            idleSince = now;
        }

        synchronized void arrived(Instant arrival, HybridSettings settings) {
            if (idleSince == null) return;
            Duration idle = Duration.between(idleSince, arrival);
            idleSince = null;
            if (idle.isNegative()) return;
            cached = null;
            long bin = idle.toNanos() / settings.binWidth().toNanos();
            if (bin < bins.length) {
                bins[(int) bin]++;
                return;
            }
            double minutes = idle.toNanos() / 60e9;
            double weight = settings.predictorWeight();
            predictedMinutes = outOfBounds == 0 ? minutes
                    : weight * minutes + (1 - weight) * predictedMinutes;
            outOfBounds++;
        }

        synchronized KeepAliveWindows windows(Rule rule) {
            if (cached == null) {
                cached = Objects.requireNonNull(rule.windows(bins.clone(), outOfBounds,
                        predictedMinutes), "the rule's windows");
            }
            return cached;
        }

        synchronized Choice choice(HybridSettings settings) {
            return decide(bins, outOfBounds, predictedMinutes, settings);
        }
    }
}
