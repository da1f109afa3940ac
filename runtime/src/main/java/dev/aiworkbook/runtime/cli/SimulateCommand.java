package dev.aiworkbook.runtime.cli;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.function.AutoscalingSpec;
import dev.aiworkbook.runtime.function.Durations;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicies;
import dev.aiworkbook.runtime.sim.AzureTrace;
import dev.aiworkbook.runtime.sim.AzureTraceGenerator;
import dev.aiworkbook.runtime.sim.DurationDistribution;
import dev.aiworkbook.runtime.sim.SimulatedFunction;
import dev.aiworkbook.runtime.sim.SimulationChart;
import dev.aiworkbook.runtime.sim.SimulationReport;
import dev.aiworkbook.runtime.sim.SimulationSettings;
import dev.aiworkbook.runtime.sim.Simulator;
import dev.aiworkbook.runtime.sim.Timeline;
import dev.aiworkbook.runtime.sim.TraceFormatException;
import dev.aiworkbook.runtime.sim.Workloads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code faas simulate}: runs the platform's pool, keep-alive, autoscaler and billing on a
 * virtual clock against a synthetic load or a trace, and prints what happened (chapters 03
 * and 04).
 *
 * <p>Examples: {@code simulate --load poisson --rate 5 --duration 1h --seed 1} prints one
 * report; {@code --policy fixed,hybrid,none} compares policies on the same load;
 * {@code --sweep 1m,10m,1h --chart tradeoff.png} draws the keep-alive trade-off. Bad options
 * print the field, the rule and the value, and end with exit code 2; so does a trace that
 * cannot be read, before any report is printed.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulates a load on the platform's own pool, keep-alive, autoscaler and"
                + " billing, on a virtual clock.")
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--load", defaultValue = "poisson", paramLabel = "KIND",
            description = "constant, poisson, bursty (1 min on, 4 min off) or diurnal"
                    + " (default: ${DEFAULT-VALUE}).")
    private String load;

    @Option(names = "--rate", defaultValue = "1", paramLabel = "R",
            description = "Invocations per second over all functions (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--duration", defaultValue = "1h", paramLabel = "D",
            description = "Virtual time to simulate: 300s, 10m, 1h, 1d (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--functions", defaultValue = "1", paramLabel = "N",
            description = "Functions sharing the rate, heavy-tailed as in the Azure trace"
                    + " (default: ${DEFAULT-VALUE}).")
    private int functions;

    @Option(names = "--trace", paramLabel = "DIR",
            description = "Replay a day of the Azure Functions 2019 trace from this folder"
                    + " instead of a synthetic load.")
    private Path trace;

    @Option(names = "--write-trace", paramLabel = "DIR",
            description = "Write a synthetic trace of --functions functions in the Azure 2019"
                    + " format to this folder, and stop.")
    private Path writeTrace;

    @Option(names = "--policy", defaultValue = "fixed", paramLabel = "P[,P...]",
            description = "Keep-alive: fixed, hybrid or none (also aws, azure, fixed:20m);"
                    + " several, comma-separated, print a comparison (default: ${DEFAULT-VALUE}).")
    private String policy;

    @Option(names = "--keep-alive", defaultValue = "10m", paramLabel = "T",
            description = "The fixed keep-alive (default: ${DEFAULT-VALUE}).")
    private String keepAlive;

    @Option(names = "--sweep", paramLabel = "T[,T...]",
            description = "Fixed keep-alives to sweep, such as 1m,10m,1h; draws cold starts"
                    + " against wasted memory, with the hybrid policy's point, to --chart.")
    private String sweep;

    @Option(names = "--scaler", defaultValue = "lambda", paramLabel = "S",
            description = "lambda (one instance per concurrent invocation) or kpa"
                    + " (concurrency autoscaler) (default: ${DEFAULT-VALUE}).")
    private String scaler;

    @Option(names = "--burst-limit", defaultValue = "0", paramLabel = "N",
            description = "Lambda mode: new instances per 10 s per function; 0 keeps each"
                    + " function's own, 1000 as on AWS (default: ${DEFAULT-VALUE}).")
    private int burstLimit;

    @Option(names = "--account-concurrency", defaultValue = "0", paramLabel = "N",
            description = "Lambda mode: invocations all functions may run at once, as AWS's"
                    + " account quota (1000 by default there); 0 sets no account-wide limit"
                    + " (default: ${DEFAULT-VALUE}). A limit runs the simulation on one thread.")
    private int accountConcurrency;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "Threads for functions simulated alone; 0 is one per core"
                    + " (default: ${DEFAULT-VALUE}). The result is the same for any value.")
    private int threads;

    @Option(names = "--duration-ms", defaultValue = "100", paramLabel = "MS",
            description = "Mean run time, exponentially distributed (default: ${DEFAULT-VALUE}).")
    private long durationMs;

    @Option(names = "--init-ms", defaultValue = "250", paramLabel = "MS",
            description = "Init time of a new instance (default: ${DEFAULT-VALUE}).")
    private long initMs;

    @Option(names = "--memory-mb", defaultValue = "512", paramLabel = "MB",
            description = "Memory of each function (default: ${DEFAULT-VALUE}).")
    private int memoryMb;

    @Option(names = "--max-instances", defaultValue = "1000", paramLabel = "N",
            description = "Most instances per function (default: ${DEFAULT-VALUE}, AWS's"
                    + " default account concurrency).")
    private int maxInstances;

    @Option(names = "--prices", defaultValue = "aws-lambda-x86", paramLabel = "NAME",
            description = "Price catalog of the bill (default: ${DEFAULT-VALUE}).")
    private String prices;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of every random draw; the same seed gives the same result.")
    private long seed;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    private boolean json;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "Write a PNG: instances, concurrency and cold starts over time, or"
                    + " the trade-off with --sweep.")
    private Path chart;

    @Override
    public Integer call() throws IOException {
        quietPlatformLogs();
        if (writeTrace != null) return writeTrace();
        Options options = validated();
        List<SimulationSettings.KeepAlive> policies = options.policies();
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (options.sweep != null) return sweep(options, out);
            if (policies.size() > 1) return compare(options, policies, out);
            return single(options, policies.get(0), out);
        } catch (TraceFormatException | java.nio.file.NoSuchFileException e) {
            return traceFailed(e.getMessage());
        } catch (IllegalArgumentException e) {
            if (trace == null) throw e;
            return traceFailed(e.getMessage());
        }
    }

    private int traceFailed(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("faas simulate: the trace cannot be read: " + message);
        err.println("faas simulate: stopped; no report was printed.");
        err.flush();
        return Faas.USAGE;
    }

    private int single(Options options, SimulationSettings.KeepAlive policy, PrintWriter out)
            throws IOException {
        // The chart's timeline hears every event in time order, so it runs on one thread.
        Timeline timeline = new Timeline(options.length.toNanos(),
                (int) Math.max(1, Math.min(720, options.length.toSeconds())));
        Simulator simulator = new Simulator(options.settings(policy));
        if (chart != null) simulator.addListener(timeline);
        SimulationReport report = simulator.run(options.workload(), progress("run"));
        out.print(json ? report.toJson() + System.lineSeparator() : report.render());
        if (chart != null) {
            Path written = SimulationChart.timeline(timeline, "faas simulate: " + describe(),
                    chart);
            if (!json) out.println("chart: " + written);
        }
        out.flush();
        return 0;
    }

    private int compare(Options options, List<SimulationSettings.KeepAlive> policies,
            PrintWriter out) throws IOException {
        List<SimulationReport> reports = new ArrayList<>();
        for (SimulationSettings.KeepAlive each : policies) {
            reports.add(new Simulator(options.settings(each)).run(options.workload(),
                    progress(each.label())));
        }
        out.print(json ? jsonArray(reports) : table(reports));
        out.flush();
        return 0;
    }

    private int sweep(Options options, PrintWriter out) throws IOException {
        List<SimulationReport> fixed = new ArrayList<>();
        for (Duration each : options.sweep) {
            SimulationSettings.KeepAlive policy = SimulationSettings.KeepAlive.fixed(each);
            fixed.add(new Simulator(options.settings(policy)).run(options.workload(),
                    progress(policy.label())));
        }
        SimulationSettings.KeepAlive hybrid = SimulationSettings.KeepAlive.named("hybrid",
                options.keepAlive);
        SimulationReport hybridReport = new Simulator(options.settings(hybrid))
                .run(options.workload(), progress("hybrid"));
        List<SimulationReport> all = new ArrayList<>(fixed);
        all.add(hybridReport);
        out.print(json ? jsonArray(all) : table(all));
        Path file = chart != null ? chart : Path.of("keep-alive-tradeoff.png");
        Path written = SimulationChart.tradeOff(fixed, List.of(hybridReport), file);
        if (!json) out.println("chart: " + written);
        out.flush();
        return 0;
    }

    private int writeTrace() throws IOException {
        if (functions < 1 || functions > 100_000) {
            throw usage("--functions must be 1..100000, was: " + functions);
        }
        AzureTraceGenerator.write(writeTrace, functions, seed);
        spec.commandLine().getOut().println("wrote a synthetic day of " + functions
                + " functions in the Azure Functions 2019 format to " + writeTrace);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The cold-start table of "Serverless in the Wild", one row per policy. */
    static String table(List<SimulationReport> reports) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-16s %14s %12s %14s %14s %12s%n", "policy", "invocations", "cold starts",
                "p75 app cold", "wasted GB-s", "cost $"));
        for (SimulationReport r : reports) {
            out.append(String.format(Locale.ROOT, "%-16s %,14d %11.2f%% %13.2f%% %,14.1f %12s%n",
                    r.keepAlive(), r.invocations(), 100 * r.coldStartRatio(),
                    100 * r.p75AppColdStartRatio(), r.wastedGbSeconds(),
                    r.cost().toPlainString()));
        }
        return out.toString();
    }

    private static String jsonArray(List<SimulationReport> reports) {
        StringBuilder out = new StringBuilder("{\"policies\":[");
        for (int i = 0; i < reports.size(); i++) {
            if (i > 0) out.append(',');
            out.append(reports.get(i).toJson());
        }
        return out.append("]}").append(System.lineSeparator()).toString();
    }

    private Simulator.Progress progress(String label) {
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        return new Simulator.Progress() {
            private int shown;

            @Override
            public synchronized void at(long simulated, long length, long invocations) {
                int percent = (int) (100 * simulated / length);
                if (percent < shown + 10 && percent < 100) return;
                shown = percent;
                double seconds = (System.nanoTime() - started) / 1e9;
                err.printf(Locale.ROOT, "simulate %s: %3d%% done, %,d invocations, %.1f s%n",
                        label, percent, invocations, seconds);
                err.flush();
            }
        };
    }

    private String describe() {
        if (trace != null) return "trace " + trace.getFileName();
        return load + " " + rate + "/s, " + functions + " function(s), " + duration;
    }

    private Options validated() {
        Options o = new Options();
        o.length = readDuration("--duration", duration);
        if (o.length.compareTo(Duration.ofSeconds(1)) < 0
                || o.length.compareTo(SimulationSettings.MAX_LENGTH) > 0) {
            throw usage("--duration must be 1s..31d, was: \"" + duration + "\"");
        }
        o.keepAlive = readDuration("--keep-alive", keepAlive);
        try {
            o.load = Workloads.Load.parse(load);
        } catch (IllegalArgumentException e) {
            throw usage("--" + e.getMessage());
        }
        try {
            o.scaler = AutoscalingSpec.Scaler.parse(scaler);
        } catch (IllegalArgumentException e) {
            throw usage("--scaler must be kpa or lambda, was: \"" + scaler + "\"");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw usage("--rate must be more than zero invocations per second, was: " + rate);
        }
        if (functions < 1 || functions > 100_000) {
            throw usage("--functions must be 1..100000, was: " + functions);
        }
        if (durationMs < 0 || durationMs > FunctionSpec.MAX_TIMEOUT.toMillis()) {
            throw usage("--duration-ms must be 0..900000, was: " + durationMs);
        }
        if (initMs < 0 || initMs > 600_000) {
            throw usage("--init-ms must be 0..600000, was: " + initMs);
        }
        if (memoryMb < FunctionSpec.MIN_MEMORY_MB || memoryMb > FunctionSpec.MAX_MEMORY_MB) {
            throw usage("--memory-mb must be " + FunctionSpec.MIN_MEMORY_MB + ".."
                    + FunctionSpec.MAX_MEMORY_MB + ", was: " + memoryMb);
        }
        if (maxInstances < 1 || maxInstances > 100_000) {
            throw usage("--max-instances must be 1..100000, was: " + maxInstances);
        }
        if (burstLimit < 0) {
            throw usage("--burst-limit must be 0 (each function's own) or more new instances"
                    + " per 10 s, was: " + burstLimit);
        }
        if (accountConcurrency < 0) {
            throw usage("--account-concurrency must be 0 (no account-wide limit) or more"
                    + " invocations at once, was: " + accountConcurrency);
        }
        if (threads < 0 || threads > 64) {
            throw usage("--threads must be 0 (one per core) to 64, was: " + threads);
        }
        if (!PriceCatalog.names().contains(prices)) {
            throw usage("--prices must be one of " + String.join(", ", PriceCatalog.names())
                    + ", was: \"" + prices + "\"");
        }
        o.catalog = PriceCatalog.load(prices);
        o.policyNames = policy.split(",");
        for (String name : o.policyNames) {
            try {
                KeepAlivePolicies.parse(name);
            } catch (IllegalArgumentException e) {
                throw usage("--" + e.getMessage());
            }
        }
        if (sweep != null) {
            o.sweep = new ArrayList<>();
            for (String each : sweep.split(",")) o.sweep.add(readDuration("--sweep", each));
        }
        return o;
    }

    /** Reads {@code 300ms}, {@code 10s}, {@code 10m}, {@code 1h} or {@code 1d}. */
    private Duration readDuration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage(option + " " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The pool logs every cold start at INFO; a simulation has millions. */
    private static void quietPlatformLogs() {
        for (String name : new String[] {"dev.aiworkbook.runtime.instance.InstancePool",
            "dev.aiworkbook.runtime.dispatch.Activator"}) {
            String key = "org.slf4j.simpleLogger.log." + name;
            if (System.getProperty(key) == null) System.setProperty(key, "warn");
        }
    }

    /** The validated options of one command. */
    private final class Options {
        Duration length;
        Duration keepAlive;
        Workloads.Load load;
        AutoscalingSpec.Scaler scaler;
        PriceCatalog catalog;
        String[] policyNames;
        List<Duration> sweep;

        List<SimulationSettings.KeepAlive> policies() {
            List<SimulationSettings.KeepAlive> out = new ArrayList<>();
            for (String name : policyNames) {
                out.add(SimulationSettings.KeepAlive.named(name, keepAlive));
            }
            return out;
        }

        SimulationSettings settings(SimulationSettings.KeepAlive policy) {
            return new SimulationSettings(length, seed, policy, catalog).withScaler(scaler)
                    .withBurstLimit(burstLimit).withAccountConcurrency(accountConcurrency)
                    .withThreads(threads);
        }

        /** A fresh workload for each run: arrivals are read once. */
        List<SimulatedFunction> workload() throws IOException {
            DurationDistribution init = DurationDistribution.constant(initMs * 1_000_000);
            if (trace != null) {
                return AzureTrace.read(trace).simulated(length, seed, init, memoryMb,
                        maxInstances);
            }
            DurationDistribution run = durationMs == 0 ? DurationDistribution.constant(0)
                    : DurationDistribution.exponential(durationMs * 1_000_000);
            return Workloads.synthetic(load, rate, functions, length, run, init, memoryMb,
                    maxInstances, seed);
        }
    }
}
