package dev.aiworkbook.runtime.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.runtime.function.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chapter 03: a staged, bounded load over HTTP. Clients join stage by stage (2, then 4, then
 * 20, say) and each is a closed loop: it sends one invocation, waits for the answer, and sends
 * the next, so the number of clients is the concurrency the platform is offered. A refused
 * client waits a backoff before it tries again, as the AWS SDKs do. Every client stops when
 * the load's time is up or after {@code maxCallsPerClient} calls, whichever comes first.
 *
 * <p>Thread-safe counters let the experiment read, at each tick of the scaling loop, how many
 * answers of each kind have come back so far.
 */
final class AutoscalingLoad {

    private final AutoscalingExperiment.Load load;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusedBy = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Duration> servedLatency = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile long startNanos;

    AutoscalingLoad(AutoscalingExperiment.Load load) {
        this.load = load;
    }

    /**
     * Runs the whole load against one invocation URL and returns when every client stopped.
     *
     * @param url the function's invocation URL on the gateway
     * @throws IllegalStateException if a client could not reach the gateway at all
     */
    void run(String url) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"millis\":" + load.workMillis()
                        + "}")).build();
        startNanos = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < load.peakClients(); i++) {
            long joinsAt = startNanos + load.joinOffset(i).toNanos();
            Thread t = new Thread(() -> callInALoop(request, joinsAt), "load-client-" + i);
            t.setDaemon(true);
            t.start();
            clients.add(t);
        }
        // Each call is bounded by its 30 s timeout, so the clients end soon after the load.
        long guard = load.length().plusSeconds(35).toMillis();
        for (Thread t : clients) t.join(guard);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " call(s) could not reach the"
                    + " gateway at " + url + "; is it running?");
        }
    }

    /**
     * Makes one call that is not counted, so the HTTP client's first-use cost (its classes,
     * its selector thread) does not fall inside the load.
     *
     * @param url any URL of the gateway that answers a GET
     * @throws IllegalStateException if the gateway cannot be reached
     */
    void warmUp(String url) throws InterruptedException {
        try {
            client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the gateway at " + url + ": " + e, e);
        }
    }

    /** @return the offered concurrency at this offset into the load: its stage's clients */
    int clientsAt(Duration sinceStart) {
        return load.clientsAt(sinceStart);
    }

    /** @return nanoTime when the load began */
    long startNanos() {
        return startNanos;
    }

    /** @return how many answers had this status so far */
    int count(int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    /** @return HTTP status to count, in status order */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> copy = new TreeMap<>();
        statuses.forEach((status, n) -> copy.put(status, n.get()));
        return copy;
    }

    /** @return the knob each refusal named ({@code activatorCapacity}, ...) to its count */
    Map<String, Integer> refusedBy() {
        Map<String, Integer> copy = new TreeMap<>();
        refusedBy.forEach((field, n) -> copy.put(field, n.get()));
        return copy;
    }

    /** @return the round-trip times of the 200 answers */
    List<Duration> servedLatency() {
        return List.copyOf(servedLatency);
    }

    private void callInALoop(HttpRequest request, long joinsAt) {
        long end = startNanos + load.length().toNanos();
        try {
            sleepUntil(joinsAt);
            for (int call = 0; call < load.maxCallsPerClient() && System.nanoTime() < end;
                    call++) {
                int status = call(request);
                if (status == 429 || status == 503) sleepUntil(Math.min(end,
                        System.nanoTime() + load.backoff().toNanos()));
            }
        } catch (IOException e) {
            failures.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int call(HttpRequest request) throws IOException, InterruptedException {
        long sent = System.nanoTime();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        int status = answer.statusCode();
        if (status == 200) servedLatency.add(took);
        if (status == 429 || status == 503) refusedBy.computeIfAbsent(field(answer.body()),
                f -> new AtomicInteger()).incrementAndGet();
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        return status;
    }

    /** The knob a refusal's JSON body names in {@code field}. */
    private static String field(String body) {
        try {
            JsonNode field = Json.mapper().readTree(body).path("field");
            return field.isTextual() ? field.asText() : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }
}
