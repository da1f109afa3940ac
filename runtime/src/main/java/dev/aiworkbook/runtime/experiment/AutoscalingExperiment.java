package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.function.AutoscalingSpec;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.time.SystemClock;
import dev.aiworkbook.runtime.trigger.HttpGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chapter 03: the autoscaling loop making a function elastic on the live platform. The
 * function is deployed behind the real HTTP gateway; a staged load of closed-loop clients
 * (2, then 4, then 20 at once) calls it, then falls silent. In KPA mode the experiment
 * records every tick of the scaling loop: what the scaler desired, the instances ready and
 * starting, the invocations in flight and waiting in the activator, and the answers so far;
 * then how long silence takes to bring the function back to zero. The same load in Lambda
 * mode gives the contrast: an instance per concurrent invocation, no queue, 429 past a limit.
 *
 * <p>The windows are shortened (stable window 6 s, the shortest Knative accepts; tick 200 ms;
 * grace 1 s) so the run takes seconds; the formula and the code are the production ones.
 */
public final class AutoscalingExperiment {

    /**
     * An invocation that waited at least this long before its handler ran spent the time in
     * the activator or behind an instance's init: the platform's own path takes microseconds.
     */
    public static final Duration QUEUED = Duration.ofMillis(5);

    private static final String FUNCTION = "load";

    private AutoscalingExperiment() {
    }

    /**
     * One step of the load.
     *
     * @param clients closed-loop clients calling during the stage, 1 or more
     * @param length how long the stage lasts, more than zero
     */
    public record Stage(int clients, Duration length) {

        public Stage {
            if (clients < 1) {
                throw new IllegalArgumentException("clients must be 1 or more, was: " + clients);
            }
            if (length == null || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("length must be more than zero, was: "
                        + length);
            }
        }
    }

    /**
     * A staged, bounded load: clients join stage by stage and all stop at its end.
     *
     * @param stages the steps, each with at least as many clients as the one before
     * @param workMillis how long each invocation works, 1..10000 ms
     * @param backoff how long a refused client waits before its next call
     * @param maxCallsPerClient a bound on each client's calls, 1 or more
     */
    public record Load(List<Stage> stages, int workMillis, Duration backoff,
            int maxCallsPerClient) {

        public Load {
            if (stages == null || stages.isEmpty()) {
                throw new IllegalArgumentException("stages must name at least one stage");
            }
            stages = List.copyOf(stages);
            for (int i = 1; i < stages.size(); i++) {
                if (stages.get(i).clients() < stages.get(i - 1).clients()) {
                    throw new IllegalArgumentException("stages must step up: stage " + (i + 1)
                            + " has " + stages.get(i).clients() + " client(s), fewer than the "
                            + stages.get(i - 1).clients() + " before it");
                }
            }
            if (workMillis < 1 || workMillis > 10_000) {
                throw new IllegalArgumentException("workMillis must be 1..10000, was: "
                        + workMillis);
            }
            if (backoff == null || backoff.isNegative()) {
                throw new IllegalArgumentException("backoff must be zero or more, was: "
                        + backoff);
            }
            if (maxCallsPerClient < 1) {
                throw new IllegalArgumentException("maxCallsPerClient must be 1 or more, was: "
                        + maxCallsPerClient);
            }
        }

        /** @return how long the whole load lasts */
        public Duration length() {
            return stages.stream().map(Stage::length).reduce(Duration.ZERO, Duration::plus);
        }

        /** @return the clients of the last, largest stage */
        public int peakClients() {
            return stages.get(stages.size() - 1).clients();
        }

        /**
         * @param sinceStart an offset into the load
         * @return the clients calling at that offset; zero before the start and after the end
         */
        public int clientsAt(Duration sinceStart) {
            if (sinceStart.isNegative()) return 0;
            Duration end = Duration.ZERO;
            for (Stage stage : stages) {
                end = end.plus(stage.length());
                if (sinceStart.compareTo(end) < 0) return stage.clients();
            }
            return 0;
        }

        /** @return when client {@code index} (from 0) joins: the start of its first stage */
        Duration joinOffset(int index) {
            Duration start = Duration.ZERO;
            for (Stage stage : stages) {
                if (index < stage.clients()) return start;
                start = start.plus(stage.length());
            }
            throw new IllegalArgumentException("client " + index + " is beyond the peak of "
                    + peakClients());
        }
    }

    /**
     * The knobs of one run.
     *
     * @param scaler KPA or Lambda mode
     * @param load the load offered
     * @param maxInstances the function's maximum instances
     * @param activatorCapacity KPA: how many invocations may wait
     * @param activatorTimeout KPA: how long one may wait before a 503
     * @param stableWindow KPA: the stable window, 6 s or more; the panic window is 10% of it
     * @param grace KPA: how long without traffic before the last instance goes
     * @param tick KPA: how often the scaler decides
     * @param burstLimit Lambda: new instances per 10 s
     */
    public record Settings(AutoscalingSpec.Scaler scaler, Load load, int maxInstances,
            int activatorCapacity, Duration activatorTimeout, Duration stableWindow,
            Duration grace, Duration tick, int burstLimit) {

        /**
         * The chapter's run: 2, 4 then 20 clients for 4, 4 and 5 s, 200 ms per invocation;
         * KPA mode, at most 12 instances, 6 may wait for at most 2 s; a refused client backs
         * off 200 ms. In Lambda mode, 5 new instances per 10 s (AWS: 1,000), so that the
         * burst limit shows at this small scale.
         */
        public static Settings chapter() {
            Load load = new Load(List.of(new Stage(2, Duration.ofSeconds(4)),
                    new Stage(4, Duration.ofSeconds(4)), new Stage(20, Duration.ofSeconds(5))),
                    200, Duration.ofMillis(200), 100);
            return new Settings(AutoscalingSpec.Scaler.KPA, load, 12, 6, Duration.ofSeconds(2),
                    Duration.ofSeconds(6), Duration.ofSeconds(1), Duration.ofMillis(200), 5);
        }

        /** @return these knobs with another scaler, such as Lambda mode for the contrast */
        public Settings withScaler(AutoscalingSpec.Scaler value) {
            return new Settings(value, load, maxInstances, activatorCapacity, activatorTimeout,
                    stableWindow, grace, tick, burstLimit);
        }

        FunctionSpec spec(Class<?> handler) {
            AutoscalingSpec scaling = AutoscalingSpec.defaults().withScaler(scaler)
                    .withWindows(stableWindow, grace, tick)
                    .withActivator(activatorCapacity, activatorTimeout)
                    .withBurstLimit(burstLimit);
            return FunctionSpec.of(FUNCTION, handler.getName()).withMaxInstances(maxInstances)
                    .withTimeout(Duration.ofSeconds(10)).withAutoscaling(scaling);
        }
    }

    /**
     * One tick of the scaling loop (KPA mode), as seen from the start of the load.
     *
     * @param atMillis milliseconds since the load began
     * @param clients the clients calling at that moment
     * @param desired the instances the scaler asked for, before maxInstances caps it
     * @param panicking whether it was in panic mode
     * @param ready instances ready
     * @param starting instances starting
     * @param inFlight invocations running
     * @param waiting invocations waiting in the activator
     * @param ok 200 answers so far
     * @param throttled 429 answers so far
     * @param unavailable 503 answers so far
     */
    public record Tick(long atMillis, int clients, int desired, boolean panicking, int ready,
            int starting, int inFlight, int waiting, int ok, int throttled, int unavailable) {
    }

    /**
     * What a run showed.
     *
     * @param settings the knobs
     * @param statuses HTTP status to how many answers had it
     * @param refusedBy the knob each 429 or 503 named, to how many named it
     * @param coldStarts instances started
     * @param maxInstances the most instances alive at once
     * @param latency round trip of the 200 answers over HTTP, queueing and init included
     * @param waited how long invocations waited on the platform before their handler ran:
     *     in the activator, or behind an instance's init
     * @param queued invocations that waited at least {@link #QUEUED}
     * @param backToZero KPA: how long after the load ended the last instance went; empty in
     *     Lambda mode, where idle instances stay for their keep-alive (10 min)
     * @param ticks the scaling loop's ticks, in order; empty in Lambda mode
     */
    public record Result(Settings settings, Map<Integer, Integer> statuses,
            Map<String, Integer> refusedBy, int coldStarts, int maxInstances, Stats latency,
            Stats waited, int queued, Optional<Duration> backToZero, List<Tick> ticks) {

        /** @return how many answers had this status */
        public int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        /** @return every answer */
        public int calls() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Runs the load, and in KPA mode the silence after it until the function is at zero.
     *
     * @param handler a handler class on the classpath that reads {@code {"millis": n}} and
     *     works that long
     * @param settings the knobs
     * @return what happened
     * @throws IllegalStateException if a KPA function does not return to zero within 30 s
     *     of the load's end, or the gateway could not be reached
     */
    public static Result run(Class<?> handler, Settings settings) throws InterruptedException {
        SystemClock clock = new SystemClock();
        AutoscalingLoad load = new AutoscalingLoad(settings.load());
        Instant[] origin = {clock.now()};
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        Dispatcher platform = Dispatcher.builder(clock).scalingListener(
                (fn, at, decision, ready, starting, inFlight, waiting) -> {
                    Duration since = Duration.between(origin[0], at);
                    ticks.add(new Tick(since.toMillis(), load.clientsAt(since),
                            decision.desiredInstances(), decision.panicking(), ready, starting,
                            inFlight, waiting, load.count(200), load.count(429),
                            load.count(503)));
                }).build();
        Instances instances = new Instances();
        platform.addPoolListener(instances);
        ConcurrentLinkedQueue<Duration> waits = new ConcurrentLinkedQueue<>();
        platform.addListener(r -> waits.add(positive(Duration.between(r.startedAt(),
                clock.now()).minus(r.duration()))));

        try (platform; clock; HttpGateway gateway = HttpGateway.start(platform, 0)) {
            platform.deploy(settings.spec(handler), FunctionCode.ofClasspath(handler));
            load.warmUp(gateway.url() + "/2015-03-31/functions");
            origin[0] = clock.now();
            load.run(gateway.url() + "/2015-03-31/functions/" + FUNCTION + "/invocations");
            Optional<Duration> zero = Optional.empty();
            if (settings.scaler() == AutoscalingSpec.Scaler.KPA) {
                InstancePool pool = platform.function(FUNCTION).orElseThrow().pool();
                zero = Optional.of(awaitZero(pool, origin[0].plus(settings.load().length()),
                        clock));
            }
            return summary(settings, load, instances, List.copyOf(waits), zero,
                    List.copyOf(ticks));
        }
    }

    /** Waits, polling the pool, until it has no instance ready or starting. */
    private static Duration awaitZero(InstancePool pool, Instant loadEnd, SystemClock clock)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pool.readyInstances() + pool.startingInstances() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the function did not scale back to zero"
                        + " within 30 s of the load's end; it still has "
                        + pool.readyInstances() + " instance(s) ready");
            }
            Thread.sleep(20);
        }
        return positive(Duration.between(loadEnd, clock.now()));
    }

    private static Result summary(Settings settings, AutoscalingLoad load, Instances instances,
            List<Duration> waits, Optional<Duration> zero, List<Tick> ticks) {
        List<Duration> served = load.servedLatency();
        int queued = (int) waits.stream().filter(w -> w.compareTo(QUEUED) >= 0).count();
        return new Result(settings, load.statuses(), load.refusedBy(), instances.started.get(),
                instances.max.get(), stats(served), stats(waits), queued, zero, ticks);
    }

    private static Stats stats(List<Duration> samples) {
        return samples.isEmpty() ? Stats.NONE : Stats.of(samples);
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Counts instances alive, and the most at once, from the pool's events. */
    private static final class Instances implements PoolListener {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger alive = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();

        @Override
        public void started(String function, InstanceView instance, Duration initDuration) {
            started.incrementAndGet();
            max.accumulateAndGet(alive.incrementAndGet(), Math::max);
        }

        @Override
        public void reclaimed(String function, InstanceView instance, String reason) {
            // An instance whose init failed never counted as started.
            if (!reason.equals("init-failed")) alive.decrementAndGet();
        }
    }
}
