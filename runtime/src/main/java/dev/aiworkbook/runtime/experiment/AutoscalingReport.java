package dev.aiworkbook.runtime.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Chapter 03: the text of an {@link AutoscalingExperiment} run: the timeline of the scaling
 * loop, a summary, and the one-line contrast of the same load in Lambda mode.
 */
public final class AutoscalingReport {

    private static final String HEADER = "     t  clients  desired  ready  starting  in flight"
            + "  waiting  panic    200  429  503";

    private AutoscalingReport() {
    }

    /**
     * The ticks worth reading: the first, one per {@code every}, each change of panic, and
     * the last; a run of rows equal but for their time is folded into "...".
     *
     * @param ticks the scaling loop's ticks, in order
     * @param every how far apart the sampled rows are
     * @return the table, one line a row, with a header
     */
    public static String timeline(List<AutoscalingExperiment.Tick> ticks, Duration every) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        AutoscalingExperiment.Tick shown = null;
        boolean folded = false;
        for (AutoscalingExperiment.Tick t : sampled(ticks, every.toMillis())) {
            if (shown != null && sameButTime(shown, t) && t != ticks.get(ticks.size() - 1)) {
                folded = true;
                continue;
            }
            if (folded) out.append("   ...\n");
            folded = false;
            out.append(row(t)).append('\n');
            shown = t;
        }
        return out.toString();
    }

    /**
     * @param result a KPA-mode run
     * @return what it showed, a few lines
     */
    public static String summary(AutoscalingExperiment.Result result) {
        var s = result.settings();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Answers: %s%n", answers(result)));
        out.append(String.format(Locale.ROOT, "Cold starts: %d; most instances at once: %d"
                + " (maxInstances %d)%n", result.coldStarts(), result.maxInstances(),
                s.maxInstances()));
        out.append(String.format(Locale.ROOT, "Latency of the 200s over HTTP, queueing and"
                + " init included: p50 %.0f ms, p90 %.0f ms, max %.0f ms%n",
                result.latency().p50(), result.latency().p90(), result.latency().max()));
        out.append(String.format(Locale.ROOT, "Waited before the handler ran (activator, init):"
                + " %d of %d invocations %d ms or more; p90 %.0f ms, max %.0f ms%n",
                result.queued(), result.waited().count(), AutoscalingExperiment.QUEUED.toMillis(),
                result.waited().p90(), result.waited().max()));
        result.backToZero().ifPresent(zero -> out.append(String.format(Locale.ROOT,
                "Back to zero instances %.1f s after the load ended%n", zero.toMillis() / 1000.0)));
        return out.toString();
    }

    /**
     * @param result a Lambda-mode run
     * @return two lines: its instances, answers and latency
     */
    public static String contrast(AutoscalingExperiment.Result result) {
        return String.format(Locale.ROOT, "Lambda mode, same load: %d cold starts, at most %d"
                + " instances; %s%n  latency p50 %.0f ms, p90 %.0f ms, max %.0f ms; %d invocations"
                + " waited %d ms or more (a cold start runs its init first)%n", result.coldStarts(),
                result.maxInstances(), answers(result), result.latency().p50(),
                result.latency().p90(), result.latency().max(), result.queued(),
                AutoscalingExperiment.QUEUED.toMillis());
    }

    /** "412 x 200, 23 x 429, 0 x 503 (refused by activatorCapacity 23)" */
    private static String answers(AutoscalingExperiment.Result result) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d x 200, %d x 429,"
                + " %d x 503", result.count(200), result.count(429), result.count(503)));
        int other = result.calls() - result.count(200) - result.count(429) - result.count(503);
        if (other > 0) out.append(", ").append(other).append(" other ").append(result.statuses());
        Map<String, Integer> by = result.refusedBy();
        if (!by.isEmpty()) {
            out.append(" (refused by ").append(by.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))).append(')');
        }
        return out.toString();
    }

    private static List<AutoscalingExperiment.Tick> sampled(
            List<AutoscalingExperiment.Tick> ticks, long everyMillis) {
        List<AutoscalingExperiment.Tick> rows = new ArrayList<>();
        long next = 0;
        AutoscalingExperiment.Tick previous = null;
        for (AutoscalingExperiment.Tick t : ticks) {
            boolean panicChanged = previous != null && previous.panicking() != t.panicking();
            boolean last = t == ticks.get(ticks.size() - 1);
            if (previous == null || t.atMillis() >= next || panicChanged || last) {
                rows.add(t);
                while (next <= t.atMillis()) next += everyMillis;
            }
            previous = t;
        }
        return rows;
    }

    private static boolean sameButTime(AutoscalingExperiment.Tick a,
            AutoscalingExperiment.Tick b) {
        return a.clients() == b.clients() && a.desired() == b.desired()
                && a.panicking() == b.panicking() && a.ready() == b.ready()
                && a.starting() == b.starting() && a.inFlight() == b.inFlight()
                && a.waiting() == b.waiting() && a.ok() == b.ok()
                && a.throttled() == b.throttled() && a.unavailable() == b.unavailable();
    }

    private static String row(AutoscalingExperiment.Tick t) {
        return String.format(Locale.ROOT, "%6.1f  %7d  %7d  %5d  %8d  %9d  %7d  %-5s  %5d  %3d"
                + "  %3d", t.atMillis() / 1000.0, t.clients(), t.desired(), t.ready(),
                t.starting(), t.inFlight(), t.waiting(), t.panicking() ? "yes" : "", t.ok(),
                t.throttled(), t.unavailable());
    }
}
