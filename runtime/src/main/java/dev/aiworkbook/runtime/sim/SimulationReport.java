package dev.aiworkbook.runtime.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiworkbook.runtime.billing.UsageTally;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one simulation measured. Latencies run from arrival to end, so they include any
 * wait for a new instance's init; wasted memory is the GB-seconds of loaded instances that
 * served nothing; the cost is the run's bill with the catalog's prices and no free tier.
 *
 * @param keepAlive the keep-alive policy's label
 * @param catalog the price catalog of {@code cost}
 * @param functions how many functions ran
 * @param simulatedSeconds the length of the run in virtual time
 * @param invocations invocations that ran to the end
 * @param coldStarts those of them that waited for a new instance
 * @param coldStartRatio cold starts over invocations; zero when none ran
 * @param functionColdStartRatio percentiles of the cold-start ratio over the functions that
 *     were invoked at least once
 * @param p75AppColdStartRatio the 75th percentile of the cold-start ratio per application,
 *     the figure "Serverless in the Wild" compares policies by
 * @param p50LatencyMs median latency, arrival to end
 * @param p90LatencyMs 90th percentile latency
 * @param p99LatencyMs 99th percentile latency
 * @param maxLatencyMs the longest latency
 * @param meanLatencyMs the mean latency
 * @param throttled invocations refused
 * @param throttledBy invocations refused, by the limit that refused them, named by its
 *     field: maxInstances, burstLimit, accountConcurrency, activatorCapacity,
 *     activatorTimeout
 * @param instancesStarted instances that finished their init
 * @param wastedGbSeconds memory time of loaded instances serving nothing, in GB-seconds
 * @param cost the bill of the run, exact to six decimals, in the catalog's currency
 */
public record SimulationReport(
        String keepAlive,
        String catalog,
        int functions,
        double simulatedSeconds,
        long invocations,
        long coldStarts,
        double coldStartRatio,
        Spread functionColdStartRatio,
        double p75AppColdStartRatio,
        double p50LatencyMs,
        double p90LatencyMs,
        double p99LatencyMs,
        double maxLatencyMs,
        double meanLatencyMs,
        long throttled,
        Map<String, Long> throttledBy,
        long instancesStarted,
        double wastedGbSeconds,
        BigDecimal cost) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final double MS = 1e6;
    private static final double MB_NANOS_PER_GB_SECOND = 1024 * 1e9;

    /**
     * Percentiles of a ratio over functions.
     *
     * @param p50 the median
     * @param p75 the 75th percentile
     * @param p90 the 90th percentile
     * @param p99 the 99th percentile
     */
    public record Spread(double p50, double p75, double p90, double p99) {

        static Spread of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return new Spread(percentile(sorted, 50), percentile(sorted, 75),
                    percentile(sorted, 90), percentile(sorted, 99));
        }
    }

    static SimulationReport of(String keepAlive, UsageTally tally, long endNanos,
            List<Simulator.FunctionRun> runs, LatencyHistogram latency) {
        // Sums in the functions' order, so a run on any number of threads adds up the same.
        long invocations = 0;
        long coldStarts = 0;
        long throttled = 0;
        long instancesStarted = 0;
        double wastedMbNanos = 0;
        long[] by = new long[Simulator.Throttle.values().length];
        for (Simulator.FunctionRun run : runs) {
            invocations += run.invocations;
            coldStarts += run.coldStarts;
            throttled += run.throttled;
            instancesStarted += run.instancesStarted;
            wastedMbNanos += (double) run.idleNanos * run.memoryMb;
            for (int i = 0; i < by.length; i++) by[i] += run.throttledBy[i];
        }
        Map<String, Long> throttledBy = new LinkedHashMap<>();
        for (Simulator.Throttle t : Simulator.Throttle.values()) {
            throttledBy.put(t.field, by[t.ordinal()]);
        }
        return new SimulationReport(
                keepAlive,
                tally.catalog().name(),
                runs.size(),
                endNanos / 1e9,
                invocations,
                coldStarts,
                ratio(coldStarts, invocations),
                Spread.of(functionRatios(runs)),
                percentile(sorted(appRatios(runs)), 75),
                latency.percentileNanos(50) / MS,
                latency.percentileNanos(90) / MS,
                latency.percentileNanos(99) / MS,
                latency.maxNanos() / MS,
                latency.meanNanos() / MS,
                throttled,
                Collections.unmodifiableMap(throttledBy),
                instancesStarted,
                wastedMbNanos / MB_NANOS_PER_GB_SECOND,
                tally.invoice(false).exactTotal().setScale(6, RoundingMode.HALF_UP));
    }

    /**
     * @return this report as one JSON object on one line
     */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a simulation report could not be written as JSON",
                    e);
        }
    }

    /** @return this report as lines of text for people */
    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, "keep-alive", keepAlive);
        line(out, "functions", String.format(Locale.ROOT, "%,d", functions));
        line(out, "simulated", String.format(Locale.ROOT, "%,.0f s", simulatedSeconds));
        line(out, "invocations", String.format(Locale.ROOT, "%,d", invocations));
        line(out, "cold starts", String.format(Locale.ROOT, "%,d (%.2f%%)", coldStarts,
                100 * coldStartRatio));
        line(out, "cold-start ratio per function", String.format(Locale.ROOT,
                "p50 %.2f%%  p75 %.2f%%  p90 %.2f%%  p99 %.2f%%",
                100 * functionColdStartRatio.p50(), 100 * functionColdStartRatio.p75(),
                100 * functionColdStartRatio.p90(), 100 * functionColdStartRatio.p99()));
        line(out, "cold-start ratio per app, p75", String.format(Locale.ROOT, "%.2f%%",
                100 * p75AppColdStartRatio));
        line(out, "latency (arrival to end)", String.format(Locale.ROOT,
                "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms", p50LatencyMs,
                p90LatencyMs, p99LatencyMs, maxLatencyMs));
        line(out, "throttled", String.format(Locale.ROOT, "%,d", throttled) + byReason());
        line(out, "instances started", String.format(Locale.ROOT, "%,d", instancesStarted));
        line(out, "wasted memory (idle)", String.format(Locale.ROOT, "%,.1f GB-s",
                wastedGbSeconds));
        line(out, "cost (" + catalog + ", no free tier)", "$" + cost.toPlainString());
        return out.toString();
    }

    private String byReason() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Long> e : throttledBy.entrySet()) {
            if (e.getValue() == 0) continue;
            out.append(out.length() == 0 ? " (" : ", ").append(e.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", e.getValue()));
        }
        return out.length() == 0 ? "" : out.append(')').toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-34s %s%n", label, value));
    }

    private static double[] functionRatios(List<Simulator.FunctionRun> runs) {
        return runs.stream().filter(r -> r.invocations > 0)
                .mapToDouble(r -> ratio(r.coldStarts, r.invocations)).toArray();
    }

    private static double[] appRatios(List<Simulator.FunctionRun> runs) {
        Map<String, long[]> byApp = new LinkedHashMap<>();
        for (Simulator.FunctionRun run : runs) {
            long[] counts = byApp.computeIfAbsent(run.app, a -> new long[2]);
            counts[0] += run.coldStarts;
            counts[1] += run.invocations;
        }
        List<Double> ratios = new ArrayList<>();
        for (long[] counts : byApp.values()) {
            if (counts[1] > 0) ratios.add(ratio(counts[0], counts[1]));
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Nearest-rank percentile of sorted values; zero when there are none. */
    static double percentile(double[] sorted, double percentile) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
