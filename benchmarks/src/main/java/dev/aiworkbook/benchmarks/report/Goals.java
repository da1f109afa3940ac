package dev.aiworkbook.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's three performance goals, computed from scores of one run.
 *
 * <p>Uncertainty: JMH gives each score the half-width of its 99.9% confidence interval. A
 * difference gets the two errors added in quadrature, a ratio its two relative errors; with
 * five iterations these are rough, so a verdict compares only the central figure with the
 * target. Example: 3.1 ± 0.2 µs through the platform, 1.0 ± 0.1 µs directly: 2.1 ± 0.22 µs
 * added, NOT MET against 2 µs (see {@code GoalsTest}).
 */
final class Goals {

    static final String DISPATCHER = "WarmInvokeBenchmark.dispatcherInvoke";
    static final String DIRECT_JSON = "WarmInvokeBenchmark.directCallWithJson";
    static final String DIRECT = "WarmInvokeBenchmark.directCall";
    static final String INSTANCE = "WarmInvokeBenchmark.instanceInvoke";
    static final String COLD = "ColdStartBenchmark.coldStart";
    static final String COLD_PACKAGE = "ColdStartBenchmark.coldStartFromPackage";
    static final String COLD_FIRST = "ColdStartBenchmark.firstColdStartInJvm";
    static final String COLD_FIRST_STARTED = "ColdStartBenchmark.firstColdStartAfterPlatformStart";
    static final String GATEWAY = "HttpTriggerBenchmark.gatewayRoundTrip";
    static final String BARE = "HttpTriggerBenchmark.bareJavalinRoundTrip";

    static final double MAX_ADDED_MICROS = 2.0;
    static final double MAX_COLD_START_MILLIS = 20.0;
    static final double MIN_THROUGHPUT_RATIO = 0.8;

    private final Map<String, Score> scores;

    Goals(Map<String, Score> scores) {
        this.scores = scores;
    }

    /** @return every goal, in the order of the benchmarks, marked NOT RUN where a score lacks */
    List<Goal> evaluate() {
        List<Goal> goals = new ArrayList<>();
        goals.add(added("Warm call: added over a direct call with JSON", DIRECT_JSON));
        goals.add(added("Warm call: added over a bare direct call", DIRECT));
        goals.add(coldStart("Cold start, steady (classpath)", COLD));
        goals.add(coldStart("Cold start, steady (deployment package)", COLD_PACKAGE));
        goals.add(coldStart("Cold start, the first one after the platform started",
                COLD_FIRST_STARTED));
        goals.add(forInformation(coldStart("Platform boot: the first instance of a fresh JVM,"
                + " nothing warmed up", COLD_FIRST)));
        goals.add(throughputRatio());
        return goals;
    }

    private Goal added(String name, String baselineName) {
        String derivation = method(DISPATCHER) + " − " + method(baselineName);
        String target = "≤ 2 µs";
        Optional<Score> platform = score(DISPATCHER);
        Optional<Score> baseline = score(baselineName);
        if (platform.isEmpty() || baseline.isEmpty()) return notRun(name, derivation, target);

        Score p = platform.get();
        Score b = baseline.get();
        double micros = (p.nanos(p.score()) - b.nanos(b.score())) / 1e3;
        double error = Math.hypot(p.nanos(p.error()), b.nanos(b.error())) / 1e3;
        return new Goal(name, withError(micros, error, " µs"), derivation, target,
                Goal.Verdict.of(micros <= MAX_ADDED_MICROS));
    }

    /**
     * Splits a warm call's added cost into its two parts, where both were measured.
     *
     * @return rows of (part, figure, derivation): the dispatcher's bookkeeping, and the
     *     hand-off to the instance's lane thread
     */
    List<String[]> warmBreakdown() {
        List<String[]> rows = new ArrayList<>();
        difference(DISPATCHER, INSTANCE).ifPresent(figure -> rows.add(new String[] {
            "Dispatcher: id, placement, record", figure,
            method(DISPATCHER) + " − " + method(INSTANCE)}));
        difference(INSTANCE, DIRECT_JSON).ifPresent(figure -> rows.add(new String[] {
            "Instance: hand-off to its lane thread, context", figure,
            method(INSTANCE) + " − " + method(DIRECT_JSON)}));
        difference(DIRECT_JSON, DIRECT).ifPresent(figure -> rows.add(new String[] {
            "JSON read and write", figure, method(DIRECT_JSON) + " − " + method(DIRECT)}));
        return rows;
    }

    private Optional<String> difference(String minuend, String subtrahend) {
        Optional<Score> a = score(minuend);
        Optional<Score> b = score(subtrahend);
        if (a.isEmpty() || b.isEmpty()) return Optional.empty();
        double micros = (a.get().nanos(a.get().score()) - b.get().nanos(b.get().score())) / 1e3;
        double error = Math.hypot(a.get().nanos(a.get().error()),
                b.get().nanos(b.get().error())) / 1e3;
        return Optional.of(withError(micros, error, " µs"));
    }

    private Goal coldStart(String name, String benchmark) {
        String target = "≤ 20 ms";
        Optional<Score> found = score(benchmark);
        if (found.isEmpty()) return notRun(name, method(benchmark), target);

        Score s = found.get();
        double millis = s.nanos(s.score()) / 1e6;
        String figure = withError(millis, s.nanos(s.error()) / 1e6, " ms");
        String derivation = method(benchmark);
        if (s.mode().equals("ss") && s.samples().size() > 1) {
            // Single shots: the range over forks says more than a mean of five.
            double min = s.samples().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = s.samples().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            derivation += ", mean of " + s.samples().size() + " forks, range "
                    + format(s.nanos(min) / 1e6) + "–" + format(s.nanos(max) / 1e6) + " ms";
        }
        return new Goal(name, figure, derivation, target,
                Goal.Verdict.of(millis <= MAX_COLD_START_MILLIS));
    }

    private static Goal forInformation(Goal goal) {
        if (goal.verdict() == Goal.Verdict.NOT_RUN) return goal;
        return new Goal(goal.name(), goal.figure(), goal.derivation(), "—",
                Goal.Verdict.NO_GOAL);
    }

    private Goal throughputRatio() {
        String name = "HTTP throughput: gateway ÷ bare Javalin route";
        String derivation = method(GATEWAY) + " ÷ " + method(BARE);
        String target = "≥ 0.8×";
        Optional<Score> gateway = score(GATEWAY);
        Optional<Score> bare = score(BARE);
        if (gateway.isEmpty() || bare.isEmpty()) return notRun(name, derivation, target);

        Score g = gateway.get();
        Score b = bare.get();
        double ratio = g.perSecond(g.score()) / b.perSecond(b.score());
        double error = ratio * Math.hypot(g.error() / g.score(), b.error() / b.score());
        return new Goal(name, withError(ratio, error, "×"), derivation, target,
                Goal.Verdict.of(ratio >= MIN_THROUGHPUT_RATIO));
    }

    private Optional<Score> score(String benchmark) {
        return Optional.ofNullable(scores.get(benchmark));
    }

    private static Goal notRun(String name, String derivation, String target) {
        return new Goal(name, "not run", derivation, target, Goal.Verdict.NOT_RUN);
    }

    /** @return the method part of a benchmark name, to keep the table narrow */
    private static String method(String benchmark) {
        return benchmark.substring(benchmark.indexOf('.') + 1);
    }

    static String withError(double value, double error, String unit) {
        return Double.isNaN(error) ? format(value) + unit + " (no error estimate)"
                : format(value) + " ± " + format(error) + unit;
    }

    /** Three significant digits at least, two decimals at most below 100. */
    static String format(double value) {
        double size = Math.abs(value);
        String pattern = size >= 100 ? "%.0f" : size >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
