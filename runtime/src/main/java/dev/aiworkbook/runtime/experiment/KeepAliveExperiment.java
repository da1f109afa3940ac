package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.dispatch.InvocationResult;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chapter 02: what the keep-alive buys and costs, on a fast (virtual) clock.
 *
 * <p>The same arrivals are replayed against the real pool under several keep-alive settings.
 * A longer keep-alive turns cold starts into warm ones, and pays for it in memory held idle:
 * the GB-seconds a provider carries for you, and charges for if you provision them.
 */
public final class KeepAliveExperiment {

    private KeepAliveExperiment() {
    }

    /**
     * One keep-alive setting's outcome.
     *
     * @param keepAlive the setting
     * @param invocations how many arrived
     * @param coldStarts how many of them started an instance
     * @param idleGbSeconds memory held by instances while they served nothing
     * @param timeline when the instance count changed: "+5m 1 instance", ...
     */
    public record Row(Duration keepAlive, int invocations, int coldStarts, double idleGbSeconds,
            List<String> timeline) {

        public double coldStartRatio() {
            return (double) coldStarts / invocations;
        }
    }

    /**
     * Arrivals with exponential gaps (a Poisson process), reproducible from the seed.
     *
     * @param meanGap the mean time between arrivals
     * @param span how long the arrivals run
     * @param seed the random seed
     * @return the arrival offsets from the start, in order
     */
    public static List<Duration> poissonArrivals(Duration meanGap, Duration span, long seed) {
        Random random = new Random(seed);
        List<Duration> arrivals = new ArrayList<>();
        double mean = meanGap.toMillis();
        long at = 0;
        while (true) {
            at += (long) (-mean * Math.log(1 - random.nextDouble()));
            if (at > span.toMillis()) return arrivals;
            arrivals.add(Duration.ofMillis(at));
        }
    }

    /**
     * Replays arrivals against a fresh deployment of the handler for each keep-alive.
     *
     * @param handler a fast handler class on the classpath
     * @param memoryMb the function's memory, which prices the idle time
     * @param arrivals offsets from the start, in order
     * @param keepAlives the settings to compare
     * @return one row per setting, in the order given
     */
    public static List<Row> compare(Class<?> handler, int memoryMb, List<Duration> arrivals,
            List<Duration> keepAlives) {
        List<Row> rows = new ArrayList<>();
        for (Duration keepAlive : keepAlives) rows.add(replay(handler, memoryMb, arrivals,
                keepAlive));
        return rows;
    }

    private static Row replay(Class<?> handler, int memoryMb, List<Duration> arrivals,
            Duration keepAlive) {
        VirtualClock clock = VirtualClock.atEpoch();
        Lifetimes lifetimes = new Lifetimes(clock);
        try (Dispatcher platform = Dispatcher.on(clock)) {
            platform.addPoolListener(lifetimes);
            platform.deploy(FunctionSpec.of("keepalive", handler.getName())
                    .withMemoryMb(memoryMb).withKeepAlive(keepAlive),
                    FunctionCode.ofClasspath(handler));
            int cold = 0;
            for (Duration at : arrivals) {
                clock.advanceTo(Instant.EPOCH.plus(at));
                InvocationResult result = platform.invoke(Invocation.of("keepalive", "{}"));
                if (result.record().orElseThrow().coldStart()) cold++;
            }

            // after the last arrival, let every instance expire, so idle time is complete
            clock.advance(keepAlive.plusSeconds(1));
            double gbSeconds = lifetimes.aliveSeconds() * memoryMb / 1024.0;
            return new Row(keepAlive, arrivals.size(), cold, gbSeconds, lifetimes.timeline);
        }
    }

    /**
     * Renders rows as a table.
     *
     * @param rows the rows of {@link #compare}
     * @return the table text
     */
    public static String render(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-11s %11s %11s %12s %14s%n", "keep-alive", "invocations", "cold starts",
                "cold ratio", "idle GB-s"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-11s %11d %11d %11.0f%% %14.1f%n",
                    Elapsed.format(r.keepAlive()), r.invocations(), r.coldStarts(),
                    100 * r.coldStartRatio(), r.idleGbSeconds()));
        }
        return out.toString();
    }

    /**
     * Tracks instance lifetimes on the clock. Invocations take no virtual time here, so an
     * instance's whole life counts as idle: an upper bound that is tight for fast handlers.
     */
    private static final class Lifetimes implements PoolListener {
        private final VirtualClock clock;
        private final Map<String, Instant> born = new ConcurrentHashMap<>();
        private final List<String> timeline = new ArrayList<>();
        private double seconds;

        Lifetimes(VirtualClock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized void started(String function, InstanceView instance,
                Duration initDuration) {
            born.put(instance.id(), clock.now());
            timeline.add("+" + Elapsed.format(offset()) + " start " + instance.id());
        }

        @Override
        public synchronized void reclaimed(String function, InstanceView instance,
                String reason) {
            Instant start = born.remove(instance.id());
            if (start != null) seconds += Duration.between(start, clock.now()).toMillis() / 1e3;
            timeline.add("+" + Elapsed.format(offset()) + " reclaim " + instance.id()
                    + " (" + reason + ")");
        }

        synchronized double aliveSeconds() {
            return seconds;
        }

        private Duration offset() {
            return Duration.between(Instant.EPOCH, clock.now());
        }
    }
}
