package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.function.AutoscalingSpec;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.time.SystemClock;
import dev.aiworkbook.runtime.trigger.HttpGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chapter 03: the autoscaling loop on the live platform. A function in KPA mode is deployed
 * behind the real HTTP gateway, a bounded burst hits it at once, and the experiment records,
 * tick by tick, the instances, the invocations in flight and waiting in the activator, then
 * how silence brings the function back to zero.
 *
 * <p>The windows are shortened (stable window 6 s, tick 200 ms, grace 1 s) so the whole
 * story takes seconds; the formula and the code are the production ones.
 */
public final class AutoscalingExperiment {

    private AutoscalingExperiment() {
    }

    /**
     * The knobs of one run.
     *
     * @param burst how many invocations are sent at once
     * @param workMillis how long each one works
     * @param maxInstances the function's maximum instances
     * @param activatorCapacity how many may wait
     * @param activatorTimeout how long one may wait
     */
    public record Settings(int burst, int workMillis, int maxInstances, int activatorCapacity,
            Duration activatorTimeout) {

        /** The chapter's run: 40 at once, 400 ms each, 4 instances, 16 waiting, 500 ms wait. */
        public static Settings chapter() {
            return new Settings(40, 400, 4, 16, Duration.ofMillis(500));
        }
    }

    /**
     * One tick of the scaling loop, as seen from the start of the burst.
     *
     * @param atMillis milliseconds since the burst was sent
     * @param desired the instances the scaler asked for
     * @param panicking whether it was in panic mode
     * @param ready instances ready
     * @param starting instances starting
     * @param inFlight invocations running
     * @param waiting invocations waiting in the activator
     */
    public record Tick(long atMillis, int desired, boolean panicking, int ready, int starting,
            int inFlight, int waiting) {
    }

    /**
     * What a run showed.
     *
     * @param settings the knobs
     * @param statuses HTTP status to how many answers had it
     * @param coldStarts instances started
     * @param maxReady the most instances ready at once
     * @param served latency of the 200 answers, including queueing and init
     * @param zeroAfterMillis when the function was back to zero instances, since the burst
     * @param ticks the scaling loop's ticks, in order
     */
    public record Result(Settings settings, Map<Integer, Integer> statuses, int coldStarts,
            int maxReady, Stats served, long zeroAfterMillis, List<Tick> ticks) {

        /** @return how many answers had this status */
        public int count(int status) {
            return statuses.getOrDefault(status, 0);
        }
    }

    /**
     * Runs the burst and the silence after it.
     *
     * @param handler a handler class on the classpath that reads {@code {"millis": n}} and
     *     works that long
     * @param settings the knobs
     * @return what happened
     * @throws IllegalStateException if the function does not return to zero within 30 s
     */
    public static Result run(Class<?> handler, Settings settings) throws InterruptedException {
        SystemClock clock = new SystemClock();
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        AtomicInteger coldStarts = new AtomicInteger();
        Instant[] origin = {Instant.now()};
        Dispatcher platform = Dispatcher.builder(clock).scalingListener(
                (fn, at, decision, ready, starting, inFlight, waiting) -> ticks.add(new Tick(
                        millisSince(origin[0], at), decision.desiredInstances(),
                        decision.panicking(), ready, starting, inFlight, waiting))).build();
        platform.addPoolListener(new PoolListener() {
            @Override
            public void started(String function, InstanceView instance, Duration init) {
                coldStarts.incrementAndGet();
            }
        });
        try (platform; clock; HttpGateway gateway = HttpGateway.start(platform, 0)) {
            platform.deploy(spec(handler, settings), FunctionCode.ofClasspath(handler));
            origin[0] = clock.now();
            long sent = System.nanoTime();
            List<Answer> answers = burst(gateway.url()
                    + "/2015-03-31/functions/burst/invocations", settings);
            long zero = awaitZero(platform, sent);
            return summary(settings, answers, coldStarts.get(), ticks, zero);
        }
    }

    private static FunctionSpec spec(Class<?> handler, Settings settings) {
        AutoscalingSpec kpa = AutoscalingSpec.defaults().withScaler(AutoscalingSpec.Scaler.KPA)
                .withWindows(Duration.ofSeconds(6), Duration.ofSeconds(1),
                        Duration.ofMillis(200))
                .withActivator(settings.activatorCapacity(), settings.activatorTimeout());
        return FunctionSpec.of("burst", handler.getName()).withMaxInstances(
                settings.maxInstances()).withTimeout(Duration.ofSeconds(10)).withAutoscaling(kpa);
    }

    private record Answer(int status, Duration took) {
    }

    private static List<Answer> burst(String url, Settings settings) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"millis\":" + settings.workMillis()
                        + "}")).build();
        List<CompletableFuture<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < settings.burst(); i++) {
            long sent = System.nanoTime();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(r -> new Answer(r.statusCode(),
                            Duration.ofNanos(System.nanoTime() - sent))));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static long awaitZero(Dispatcher platform, long origin)
            throws InterruptedException {
        var pool = platform.function("burst").orElseThrow().pool();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pool.readyInstances() + pool.startingInstances() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the function did not scale back to zero"
                        + " within 30 s; it still has " + pool.readyInstances() + " instance(s)");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - origin) / 1_000_000;
    }

    private static Result summary(Settings settings, List<Answer> answers, int coldStarts,
            List<Tick> ticks, long zero) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Duration> served = new ArrayList<>();
        for (Answer a : answers) {
            statuses.merge(a.status(), 1, Integer::sum);
            if (a.status() == 200) served.add(a.took());
        }
        int maxReady = ticks.stream().mapToInt(Tick::ready).max().orElse(0);
        Stats stats = served.isEmpty() ? new Stats(0, 0, 0, 0) : Stats.of(served);
        return new Result(settings, statuses, coldStarts, maxReady, stats, zero,
                List.copyOf(ticks));
    }

    private static long millisSince(Instant origin, Instant at) {
        return Duration.between(origin, at).toMillis();
    }
}
