package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.model.BreakEven;
import dev.aiworkbook.runtime.model.ColdStarts;
import dev.aiworkbook.runtime.model.ErlangC;
import dev.aiworkbook.runtime.model.LittlesLaw;
import dev.aiworkbook.runtime.model.MonthlyBill;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicies;
import dev.aiworkbook.runtime.sim.Arrivals;
import dev.aiworkbook.runtime.sim.DurationDistribution;
import dev.aiworkbook.runtime.sim.Loads;
import dev.aiworkbook.runtime.sim.SimulatedFunction;
import dev.aiworkbook.runtime.sim.SimulationReport;
import dev.aiworkbook.runtime.sim.SimulationSettings;
import dev.aiworkbook.runtime.sim.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Chapter 04: each formula of the math models next to what the platform does on a virtual
 * clock under the same load.
 *
 * <p>P(cold), the bill and the break-even run on the simulator ({@link Simulator}); Little's
 * law and Erlang C on a replay of the pool that measures the time-average in flight and holds
 * refused calls in line (the simulator does not drive the activator yet).
 *
 * <p>Every check states its tolerance, derived from the sampling error of the run (about four
 * standard errors), so a formula that is wrong by more than chance would fail it: the tests
 * in {@code MathModelsExperimentTest} show a wrong formula failing.
 */
public final class MathModelsExperiment {

    /** The VM of the break-even check: an on-demand t3.medium (2 vCPU, 4 GiB), US East. */
    public static final double VM_USD_PER_HOUR = 0.0416;

    /** The arrival rate of the cold-start check: one call every 8 minutes on average. */
    public static final double COLD_RATE = 1 / 480.0;

    /** The keep-alives the cold-start check tries. */
    public static final List<Duration> KEEP_ALIVES = List.of(Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
            Duration.ofMinutes(30));

    private static final String HANDLER = "model.Timed";

    private MathModelsExperiment() {
    }

    /**
     * One formula against one simulated figure.
     *
     * @param name what is checked
     * @param predicted what the formula says
     * @param simulated what the platform did
     * @param tolerance how far apart they may be by chance alone
     * @param detail the load and the formula, in words
     */
    public record Check(String name, double predicted, double simulated, double tolerance,
            String detail) {

        /** @return true if the simulated figure is within the tolerance of the formula */
        public boolean holds() {
            return Math.abs(simulated - predicted) <= tolerance;
        }
    }

    /**
     * One keep-alive's cold-start share, formula and simulated.
     *
     * @param keepAlive the fixed keep-alive
     * @param predicted e^(-λT)
     * @param simulated the cold-start ratio the pool produced
     * @param invocations how many invocations the ratio is over
     */
    public record ColdPoint(Duration keepAlive, double predicted, double simulated,
            long invocations) {
    }

    /**
     * Every check of the chapter, in its order.
     *
     * @param checks Little's law, P(cold) per keep-alive, bill and break-even, Erlang C
     * @param coldPoints the P(cold) points, for the chart
     */
    public record Report(List<Check> checks, List<ColdPoint> coldPoints) {

        /** @return true if every check holds */
        public boolean holds() {
            return checks.stream().allMatch(Check::holds);
        }
    }

    /**
     * Runs every check with one seed.
     *
     * @param seed the random seed; the same seed gives the same report
     * @return the checks and the cold-start points
     */
    public static Report run(long seed) {
        List<Check> checks = new ArrayList<>(littlesLaw(seed));
        List<ColdPoint> points = coldStarts(KEEP_ALIVES, seed);
        checks.addAll(coldStartChecks(points));
        checks.addAll(billAndBreakEven(seed));
        checks.addAll(erlangC(seed));
        return new Report(List.copyOf(checks), points);
    }

    /**
     * Little's law: 50 invocations a second of exponential durations with a 200 ms mean, for
     * an hour: the mean in flight against λ W, at concurrency 1 and 8, and the mean busy
     * instances at concurrency 1 against λ W / c.
     *
     * @param seed the random seed
     * @return three checks
     */
    public static List<Check> littlesLaw(long seed) {
        double rate = 50;
        Duration mean = Duration.ofMillis(200);
        Duration span = Duration.ofHours(1);
        double predicted = LittlesLaw.meanInFlight(rate, mean);
        // The time-average of an M/G/infinity count over T has variance about 2 L W / T.
        double tolerance = 4 * Math.sqrt(2 * predicted * 0.2 / span.toSeconds()) + 0.01;
        List<Check> checks = new ArrayList<>();
        for (int concurrency : new int[] {1, 8}) {
            PoolReplay.Result r = PoolReplay.run(spec(concurrency, 1000, Duration.ofMinutes(10)),
                    KeepAlivePolicies.parse("fixed"), poisson(rate, seed),
                    exponential(mean), Duration.ZERO, false, span, aws(), seed + 1);
            checks.add(new Check("in flight, concurrency " + concurrency, predicted,
                    r.meanInFlight(), tolerance, "L = λ W = 50/s × 0.2 s"));
            if (concurrency == 1) {
                checks.add(new Check("busy instances, concurrency 1",
                        LittlesLaw.meanBusyInstances(rate, mean, 1), r.meanBusyInstances(),
                        tolerance, "λ W / c"));
            }
        }
        return checks;
    }

    /**
     * P(cold) = e^(-λT): one call every 8 minutes on average, 100 ms each, for 30 days, under
     * each fixed keep-alive.
     *
     * @param keepAlives the keep-alives to try
     * @param seed the random seed
     * @return one point per keep-alive, in the order given
     */
    public static List<ColdPoint> coldStarts(List<Duration> keepAlives, long seed) {
        double rate = COLD_RATE;
        Duration month = Duration.ofDays(30);
        List<ColdPoint> points = new ArrayList<>();
        for (Duration keepAlive : keepAlives) {
            SimulationReport r = simulate(spec(1, 100, keepAlive), rate, month,
                    DurationDistribution.constant(100_000_000), keepAlive, seed);
            points.add(new ColdPoint(keepAlive, ColdStarts.probability(rate, keepAlive),
                    r.coldStartRatio(), r.invocations()));
        }
        return points;
    }

    /**
     * The cold-start points as checks, each with four binomial standard errors of tolerance.
     *
     * @param points from {@link #coldStarts}
     * @return one check per point
     */
    public static List<Check> coldStartChecks(List<ColdPoint> points) {
        List<Check> checks = new ArrayList<>();
        for (ColdPoint p : points) {
            double error = Math.sqrt(p.predicted() * (1 - p.predicted()) / p.invocations());
            checks.add(new Check("P(cold), keep-alive " + Elapsed.format(p.keepAlive()),
                    p.predicted(), p.simulated(), 4 * error + 0.002,
                    "e^(-λT), a call every 8 min"));
        }
        return checks;
    }

    /**
     * The expected bill and the break-even rate: at the rate where a 1,024 MB, 1 s function
     * costs as much as the VM, a week of Poisson arrivals billed by the platform's meter,
     * against the bill formula and against the VM's price for the week; then at half and
     * twice that rate, which side is cheaper.
     *
     * @param seed the random seed
     * @return five checks; the last two compare ratios of bill to VM cost
     */
    public static List<Check> billAndBreakEven(long seed) {
        PriceCatalog aws = aws();
        Duration duration = Duration.ofSeconds(1);
        double breakEven = BreakEven.requestsPerSecond(aws, 1024, duration, VM_USD_PER_HOUR);
        Duration week = Duration.ofDays(7);
        double vm = VM_USD_PER_HOUR * week.toHours();
        List<Check> checks = new ArrayList<>();

        double billed = bill(breakEven, week, seed);
        double expected = MonthlyBill.expected(aws, 1024, breakEven, duration, week, false)
                .doubleValue();
        // Poisson counts: relative error 1/sqrt(N); the formula's cent rounding on top.
        double relative = 4 / Math.sqrt(breakEven * week.toSeconds());
        checks.add(new Check("bill for a week at λ*, US$", expected, billed,
                relative * expected + 0.01, "λ × period × cost per call"));
        checks.add(new Check("bill ÷ VM cost at λ* = " + String.format(Locale.ROOT, "%.3f/s",
                breakEven), 1, billed / vm, relative + 0.005, "λ* = VM $/s ÷ cost per call"));

        for (double factor : new double[] {0.5, 2}) {
            double ratio = bill(factor * breakEven, week, seed + 7) / vm;
            checks.add(new Check("bill ÷ VM cost at " + factor + " λ*", factor, ratio,
                    factor * relative + 0.005, "linear in λ"));
        }
        return checks;
    }

    /**
     * Erlang C: a function capped at 5 instances, 3 calls a second of exponential 1 s
     * durations (3 erlangs), for 6 hours, with refused calls waiting in line.
     *
     * @param seed the random seed
     * @return two checks: the share that waited, and the mean wait
     */
    public static List<Check> erlangC(long seed) {
        int instances = 5;
        double rate = 3;
        Duration mean = Duration.ofSeconds(1);
        PoolReplay.Result r = PoolReplay.run(spec(1, instances, Duration.ofHours(1)),
                KeepAlivePolicies.parse("fixed"), poisson(rate, seed), exponential(mean),
                Duration.ZERO, true, Duration.ofHours(6), aws(), seed + 1);
        double waiting = ErlangC.probabilityOfWaiting(instances, rate);
        double wait = ErlangC.meanWait(instances, rate, mean).toNanos() / 1e9;
        // Waits come in correlated runs (busy periods): measured spread over seeds, times 4.
        return List.of(
                new Check("P(wait), 5 instances, 3 erlangs", waiting, r.waitedRatio(), 0.03,
                        "C(c, a), c = 5, a = 3"),
                new Check("mean wait, seconds", wait, r.meanWaitSeconds(), 0.3 * wait,
                        "C(c, a) × W / (c − a)"));
    }

    /**
     * Renders checks as a table.
     *
     * @param checks the checks
     * @return one line per check: formula, simulated, tolerance, verdict
     */
    public static String render(List<Check> checks) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-36s %10s %10s %9s  %s%n", "check", "formula", "simulated", "± allowed",
                "verdict"));
        for (Check c : checks) {
            out.append(String.format(Locale.ROOT, "%-36s %10.4f %10.4f %9.4f  %s%n", c.name(),
                    c.predicted(), c.simulated(), c.tolerance(), c.holds() ? "holds" : "FAILS"));
        }
        return out.toString();
    }

    private static double bill(double rate, Duration span, long seed) {
        return simulate(spec(1, 1000, Duration.ofMinutes(10)), rate, span,
                DurationDistribution.constant(1_000_000_000), Duration.ofMinutes(10), seed)
                .cost().doubleValue();
    }

    /** One function under Poisson arrivals, run by the simulator with a fixed keep-alive. */
    private static SimulationReport simulate(FunctionSpec spec, double rate, Duration span,
            DurationDistribution duration, Duration keepAlive, long seed) {
        SimulationSettings settings = new SimulationSettings(span, seed,
                SimulationSettings.KeepAlive.fixed(keepAlive), aws());
        Arrivals arrivals = Loads.poisson(rate, span, new SplittableRandom(seed));
        return new Simulator(settings).run(List.of(new SimulatedFunction(spec, arrivals,
                duration, DurationDistribution.constant(0))));
    }

    private static FunctionSpec spec(int concurrency, int maxInstances, Duration keepAlive) {
        return FunctionSpec.of("model", HANDLER).withMemoryMb(1024)
                .withMaxConcurrency(concurrency).withMaxInstances(maxInstances)
                .withKeepAlive(keepAlive);
    }

    private static PriceCatalog aws() {
        return PriceCatalog.load("aws-lambda-x86");
    }

    /** Poisson arrivals: exponential gaps with mean 1 / rate, from a seeded source. */
    static Arrivals poisson(double ratePerSecond, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double meanGapNanos = 1e9 / ratePerSecond;
        return new Arrivals() {
            private long at;

            @Override
            public long next() {
                at += (long) (-meanGapNanos * Math.log(1 - random.nextDouble()));
                return at;
            }
        };
    }

    static DurationDistribution exponential(Duration mean) {
        double nanos = mean.toNanos();
        return random -> (long) (-nanos * Math.log(1 - random.nextDouble()));
    }
}
