package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.dispatch.InvocationRecord;
import dev.aiworkbook.runtime.dispatch.InvocationResult;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.time.SystemClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Chapter 02: one invocation per instance (Lambda) against many per instance (Cloud Run),
 * measured with a burst of real concurrent calls, after one warm-up call, of a handler that
 * waits on I/O.
 */
public final class ConcurrencyExperiment {

    private ConcurrencyExperiment() {
    }

    /**
     * One setting's outcome.
     *
     * @param maxConcurrency invocations allowed per instance
     * @param calls how many calls were made at once
     * @param instances how many instances served them
     * @param coldStarts how many calls started an instance
     * @param wall how long all the calls took together
     * @param invocationSeconds the sum of every invocation's duration (Lambda bills this)
     * @param instanceSeconds the time instances were busy (Cloud Run bills this)
     */
    public record Row(int maxConcurrency, int calls, long instances, long coldStarts,
            Duration wall, double invocationSeconds, double instanceSeconds) {
    }

    /**
     * Sends {@code calls} invocations at once under each concurrency setting.
     *
     * @param handler a handler class on the classpath
     * @param event the event, as JSON
     * @param calls how many concurrent calls, 1..64
     * @param settings the max concurrency values to compare
     * @return one row per setting
     */
    public static List<Row> compare(Class<?> handler, String event, int calls,
            List<Integer> settings) {
        if (calls < 1 || calls > 64) {
            throw new IllegalArgumentException("calls must be 1..64, was: " + calls);
        }
        List<Row> rows = new ArrayList<>();
        for (int concurrency : settings) rows.add(run(handler, event, calls, concurrency));
        return rows;
    }

    private static Row run(Class<?> handler, String event, int calls, int concurrency) {
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        try (Dispatcher platform = Dispatcher.on(SystemClock.shared())) {
            platform.deploy(FunctionSpec.of("concurrency", handler.getName())
                    .withMaxConcurrency(concurrency).withTimeout(Duration.ofSeconds(30)),
                    FunctionCode.ofClasspath(handler));

            // One call first, so the burst meets a warm instance. Without it every call of
            // the burst would start its own instance: an initialising one takes no work here.
            platform.invoke(Invocation.of("concurrency", event));
            long started = System.nanoTime();
            List<Future<InvocationResult>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(callers.submit(() -> platform.invoke(
                        Invocation.of("concurrency", event))));
            }
            List<InvocationRecord> records = new ArrayList<>();
            for (Future<InvocationResult> f : futures) records.add(f.get().record().orElseThrow());
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            return summarise(concurrency, calls, records, wall);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("a concurrent call failed", e);
        } finally {
            callers.shutdownNow();
        }
    }

    private static Row summarise(int concurrency, int calls, List<InvocationRecord> records,
            Duration wall) {
        long instances = records.stream().map(InvocationRecord::instanceId).distinct().count();
        long cold = records.stream().filter(InvocationRecord::coldStart).count();
        double invocationSeconds = records.stream()
                .mapToDouble(r -> r.duration().toNanos() / 1e9).sum();
        double instanceSeconds = records.stream()
                .collect(Collectors.groupingBy(InvocationRecord::instanceId))
                .values().stream().mapToDouble(ConcurrencyExperiment::busySpan).sum();
        return new Row(concurrency, calls, instances, cold, wall, invocationSeconds,
                instanceSeconds);
    }

    /** An instance is busy from its first invocation's arrival to its last one's end. */
    private static double busySpan(List<InvocationRecord> onOneInstance) {
        Instant first = onOneInstance.stream().map(InvocationRecord::startedAt)
                .min(Comparator.naturalOrder()).orElseThrow();
        Instant last = onOneInstance.stream()
                .map(r -> r.startedAt().plus(r.initDuration()).plus(r.duration()))
                .max(Comparator.naturalOrder()).orElseThrow();
        return Duration.between(first, last).toNanos() / 1e9;
    }

    /**
     * Renders rows as a table.
     *
     * @param rows the rows of {@link #compare}
     * @return the table text
     */
    public static String render(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-15s %5s %9s %11s %9s %14s %14s%n", "maxConcurrency", "calls", "instances",
                "cold starts", "wall ms", "invocation s", "instance s"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-15d %5d %9d %11d %9.0f %14.2f %14.2f%n",
                    r.maxConcurrency(), r.calls(), r.instances(), r.coldStarts(),
                    r.wall().toNanos() / 1e6, r.invocationSeconds(), r.instanceSeconds()));
        }
        return out.toString();
    }
}
