package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.dispatch.InvocationRecord;
import dev.aiworkbook.runtime.dispatch.InvocationResult;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.ClassLoaderInstance;
import dev.aiworkbook.runtime.instance.FunctionInstance;
import dev.aiworkbook.runtime.instance.InitException;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chapter 02: cold against warm starts of one handler, measured on the real platform.
 *
 * <p>Cold starts are forced by letting the keep-alive expire on a virtual clock, so each one
 * loads the handler in a fresh class loader, exactly as after a quiet spell in production.
 */
public final class StartupExperiment {

    private StartupExperiment() {
    }

    /**
     * The figures of one run.
     *
     * @param cold the latency of cold invocations: init plus invoke
     * @param init the init phase alone
     * @param warm the latency of warm invocations
     * @param phases the median of each init phase, in milliseconds, in order
     */
    public record Result(Stats cold, Stats init, Stats warm, Map<String, Double> phases) {

        /** @return how many times slower a median cold start is than a median warm one */
        public double coldToWarm() {
            return cold.p50() / warm.p50();
        }

        /** @return the figures as a small table */
        public String render() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%-22s %6s %9s %9s%n", "", "n", "p50 ms",
                    "p90 ms"));
            row(out, "cold start (total)", cold);
            row(out, "  of which init", init);
            row(out, "warm start", warm);
            out.append(String.format(Locale.ROOT, "cold/warm at the median: %.0fx%n",
                    coldToWarm()));
            out.append("init phases (median ms):");
            phases.forEach((name, ms) -> out.append(String.format(Locale.ROOT, " %s %.2f;",
                    name, ms)));
            return out.append('\n').toString();
        }

        private static void row(StringBuilder out, String label, Stats s) {
            out.append(String.format(Locale.ROOT, "%-22s %6d %9.3f %9.3f%n", label, s.count(),
                    s.p50(), s.p90()));
        }
    }

    /**
     * Measures cold and warm starts of a handler on the classpath.
     *
     * @param handler the handler class
     * @param event the event to send, as JSON
     * @param colds how many cold starts to measure, at least 1
     * @param warms how many warm starts to measure, at least 1
     * @return the measured figures
     */
    public static Result measure(Class<?> handler, String event, int colds, int warms) {
        if (colds < 1 || warms < 1) {
            throw new IllegalArgumentException("colds and warms must be 1 or more, were: "
                    + colds + ", " + warms);
        }
        FunctionSpec spec = FunctionSpec.of("startup", handler.getName())
                .withKeepAlive(Duration.ofMinutes(10));
        FunctionCode code = FunctionCode.ofClasspath(handler);
        VirtualClock clock = VirtualClock.atEpoch();
        try (Dispatcher platform = Dispatcher.on(clock)) {
            platform.deploy(spec, code);
            List<Duration> cold = new ArrayList<>();
            List<Duration> init = new ArrayList<>();
            List<Duration> warm = new ArrayList<>();
            for (int i = 0; i < colds; i++) {
                // ten quiet minutes: the instance is reclaimed, the next call starts cold
                clock.advance(spec.keepAlive());
                InvocationRecord r = invoke(platform, event);
                cold.add(r.initDuration().plus(r.duration()));
                init.add(r.initDuration());
                for (int w = 0; w < Math.max(1, warms / colds); w++) {
                    warm.add(invoke(platform, event).duration());
                }
            }
            return new Result(Stats.of(cold), Stats.of(init), Stats.of(warm),
                    phases(spec, code, colds));
        }
    }

    private static InvocationRecord invoke(Dispatcher platform, String event) {
        InvocationResult result = platform.invoke(Invocation.of("startup", event));
        if (result.status() != InvocationResult.Status.SUCCESS) {
            throw new IllegalStateException("the handler failed: " + result.payloadText());
        }
        return result.record().orElseThrow();
    }

    private static Map<String, Double> phases(FunctionSpec spec, FunctionCode code, int runs) {
        Map<String, List<Duration>> samples = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            try (FunctionInstance instance = ClassLoaderInstance.factory(spec, 1, code)
                    .create("phases-" + i)) {
                instance.initialize();
                instance.initPhases().forEach((name, d) ->
                        samples.computeIfAbsent(name, n -> new ArrayList<>()).add(d));
            } catch (InitException e) {
                throw new IllegalStateException("the handler failed to start: "
                        + e.getMessage(), e);
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        samples.forEach((name, list) -> medians.put(name, Stats.of(list).p50()));
        return medians;
    }
}
