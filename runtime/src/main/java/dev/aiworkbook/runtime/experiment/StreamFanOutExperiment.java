package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.billing.BillingRecord;
import dev.aiworkbook.runtime.billing.Invoice;
import dev.aiworkbook.runtime.billing.Meter;
import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.InvocationRecord;
import dev.aiworkbook.runtime.dispatch.Metering;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.function.Json;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.time.SystemClock;
import dev.aiworkbook.runtime.trigger.HttpGateway;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Chapter 06: a stream fanned out to a function on the live platform, as a camera's frames
 * would be. Frames are sent over HTTP through the real gateway at a fixed rate, at most
 * {@code maxInFlight} unanswered at once; a frame due while that many are out is dropped, as
 * a live stream drops frames it cannot keep up with, rather than queued.
 *
 * <p>It records, per frame, the outcome and the latency from the moment the frame was due
 * (so the sender's own lateness, the queueing and any cold start are in it); every {@code
 * sampleEvery}, the instances ready and starting and the invocations running; and the bill,
 * through the platform's {@link Metering} and a {@link PriceCatalog}, from which the cost per
 * 1,000 frames follows. It knows no model: payloads are bytes.
 *
 * <p>Bounded: at most {@code maxFrames} frames and {@code maxDuration} of sending, and every
 * request has {@code requestTimeout}; the run ends when the last answer is in.
 */
public final class StreamFanOutExperiment {

    private static final int BODY_KEPT = 2_000;

    private StreamFanOutExperiment() {
    }

    /**
     * The knobs of one run.
     *
     * @param route the gateway path and query to POST each frame to, such as {@code
     *     /fn/classify-http?k=1} or {@code /2015-03-31/functions/NAME/invocations}
     * @param contentType the frames' media type, such as {@code image/jpeg}
     * @param fps frames per second, 0.1..1000
     * @param maxFrames at most this many frames, 1..100,000
     * @param maxDuration at most this long sending, more than 0 and at most 10 min
     * @param maxInFlight at most this many frames unanswered at once, 1..1,000
     * @param requestTimeout how long one frame may wait for its answer, 1 ms..5 min
     * @param sampleEvery how often instances are counted, 10 ms..10 s
     * @param catalog the price catalog to bill with, such as {@code aws-lambda-x86}
     */
    public record Settings(String route, String contentType, double fps, int maxFrames,
            Duration maxDuration, int maxInFlight, Duration requestTimeout, Duration sampleEvery,
            String catalog) {

        public Settings {
            require(route != null && route.startsWith("/"), "route", "must be a path starting"
                    + " with /, such as /fn/NAME", route);
            require(contentType != null && contentType.contains("/"), "contentType",
                    "must be a media type such as image/jpeg", contentType);
            require(fps >= 0.1 && fps <= 1000, "fps", "must be 0.1..1000", fps);
            require(maxFrames >= 1 && maxFrames <= 100_000, "maxFrames", "must be 1..100000",
                    maxFrames);
            require(maxDuration != null && maxDuration.toNanos() > 0
                    && maxDuration.compareTo(Duration.ofMinutes(10)) <= 0, "maxDuration",
                    "must be more than 0 and at most 10 min", maxDuration);
            require(maxInFlight >= 1 && maxInFlight <= 1000, "maxInFlight", "must be 1..1000",
                    maxInFlight);
            require(requestTimeout != null && requestTimeout.toMillis() >= 1
                    && requestTimeout.compareTo(Duration.ofMinutes(5)) <= 0, "requestTimeout",
                    "must be 1 ms..5 min", requestTimeout);
            require(sampleEvery != null && sampleEvery.toMillis() >= 10
                    && sampleEvery.compareTo(Duration.ofSeconds(10)) <= 0, "sampleEvery",
                    "must be 10 ms..10 s", sampleEvery);
            require(catalog != null && PriceCatalog.names().contains(catalog), "catalog",
                    "must be one of " + PriceCatalog.names(), catalog);
        }

        /**
         * A stream at {@code fps} for {@code duration}: 32 in flight at most, 15 s per
         * request, instances counted every 100 ms, billed as AWS Lambda on x86.
         *
         * @param route where to POST each frame
         * @param contentType the frames' media type
         * @param fps frames per second
         * @param duration how long to stream
         * @return the settings
         */
        public static Settings of(String route, String contentType, double fps,
                Duration duration) {
            int frames = (int) Math.min(100_000, Math.ceil(fps * duration.toNanos() / 1e9));
            return new Settings(route, contentType, fps, Math.max(1, frames), duration, 32,
                    Duration.ofSeconds(15), Duration.ofMillis(100), "aws-lambda-x86");
        }

        public Settings withMaxInFlight(int value) {
            return new Settings(route, contentType, fps, maxFrames, maxDuration, value,
                    requestTimeout, sampleEvery, catalog);
        }

        public Settings withRequestTimeout(Duration value) {
            return new Settings(route, contentType, fps, maxFrames, maxDuration, maxInFlight,
                    value, sampleEvery, catalog);
        }
    }

    /** What became of one frame. */
    public enum Outcome {
        /** A 2xx answer without a function error. */
        ANSWERED,
        /** An answer refusing it: a 4xx or 5xx, or a function error; the reason says why. */
        REFUSED,
        /** No answer: the request timed out or the connection failed. */
        FAILED,
        /** Never sent: {@code maxInFlight} frames were unanswered when it was due. */
        DROPPED
    }

    /**
     * One frame's fate.
     *
     * @param index the frame's position in the stream
     * @param dueMillis when it was due, in milliseconds since the stream began
     * @param outcome answered, refused, failed or dropped
     * @param status the HTTP status, or 0 if there was no answer
     * @param latency from due to answer; zero for a dropped frame
     * @param reason why it was not answered; empty if it was
     * @param coldStart whether its invocation started a new instance
     * @param instanceId the instance that ran it, or empty
     * @param body the answer's body, cut at 2,000 characters
     */
    public record FrameResult(int index, long dueMillis, Outcome outcome, int status,
            Duration latency, String reason, boolean coldStart, String instanceId,
            String body) {
    }

    /**
     * The platform seen at one moment.
     *
     * @param atMillis milliseconds since the stream began
     * @param ready instances initialised, idle or busy
     * @param starting instances still initialising
     * @param running invocations running on instances
     * @param unanswered frames sent and not answered yet (running, queued or on the wire)
     * @param coldStarts instances started so far
     */
    public record Sample(long atMillis, int ready, int starting, int running, int unanswered,
            int coldStarts) {
    }

    /**
     * One stretch of the timeline.
     *
     * @param fromMillis its start, since the stream began
     * @param due frames due in it
     * @param answered of those, answered
     * @param notAnswered of those, refused, failed or dropped
     * @param maxReady the most instances ready at once in it
     * @param maxStarting the most instances starting at once in it
     * @param maxRunning the most invocations running at once in it
     * @param coldStarts instances started in it
     * @param p50Ms the median latency of its answered frames, or 0
     */
    public record Interval(long fromMillis, int due, int answered, int notAnswered,
            int maxReady, int maxStarting, int maxRunning, int coldStarts, double p50Ms) {
    }

    /**
     * What a run showed.
     *
     * @param settings the knobs
     * @param spec the function as deployed
     * @param frames every frame's fate, in stream order
     * @param samples the platform over time
     * @param coldStarts instances started during the run
     * @param invoice the bill of the run
     * @param records the platform's record of every invocation
     * @param elapsed from the first frame due to the last answer
     */
    public record Result(Settings settings, FunctionSpec spec, List<FrameResult> frames,
            List<Sample> samples, int coldStarts, Invoice invoice, List<InvocationRecord> records,
            Duration elapsed) {

        /** @return how many frames had this outcome */
        public int count(Outcome outcome) {
            return (int) frames.stream().filter(f -> f.outcome() == outcome).count();
        }

        /** @return latency of the answered frames, queueing and cold starts included */
        public Stats latency() {
            return percentiles(frames);
        }

        /** @return the most instances ready at once */
        public int maxInstances() {
            return samples.stream().mapToInt(Sample::ready).max().orElse(0);
        }

        /** @return the GB-seconds billed: invocations plus billed init */
        public BigDecimal gbSeconds() {
            return invoice.functions().stream().map(l -> l.gbSeconds().add(l.initGbSeconds()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /**
         * @return the run's exact bill divided by the frames answered, times 1,000
         * @throws IllegalStateException if no frame was answered
         */
        public BigDecimal costPer1000Frames() {
            return per1000(invoice.exactTotal());
        }

        /**
         * The same invocations billed as if the function had another memory size. On this
         * platform memory buys no CPU, so the durations stay as measured; on AWS Lambda CPU
         * grows with memory (one vCPU at 1,769 MB) and a CPU-bound function runs faster.
         *
         * @param memoryMb the memory to bill at, 128..10,240
         * @return the invoice
         */
        public Invoice billAt(int memoryMb) {
            Meter meter = new Meter();
            for (InvocationRecord r : records) {
                meter.record(new BillingRecord(r.function(), memoryMb, r.duration(),
                        r.initDuration(), r.coldStart(), r.provisioned() && !r.coldStart()));
            }
            return meter.invoice(PriceCatalog.load(settings.catalog()), false);
        }

        /**
         * @param memoryMb the memory to bill at
         * @return {@link #billAt}'s exact total per 1,000 answered frames
         */
        public BigDecimal costPer1000FramesAt(int memoryMb) {
            return per1000(billAt(memoryMb).exactTotal());
        }

        /**
         * @param bucket the length of one interval
         * @return the run cut into intervals, from the first frame to the last sample
         */
        public List<Interval> timeline(Duration bucket) {
            long size = Math.max(1, bucket.toMillis());
            long end = Math.max(samples.isEmpty() ? 0 : samples.get(samples.size() - 1)
                    .atMillis(), frames.isEmpty() ? 0 : frames.get(frames.size() - 1).dueMillis());
            List<Interval> out = new ArrayList<>();
            int coldBefore = 0;
            for (long start = 0; start <= end; start += size) {
                long from = start;
                long to = start + size;
                List<FrameResult> due = frames.stream()
                        .filter(f -> f.dueMillis() >= from && f.dueMillis() < to).toList();
                List<Sample> seen = samples.stream()
                        .filter(s -> s.atMillis() >= from && s.atMillis() < to).toList();
                int coldAfter = seen.stream().mapToInt(Sample::coldStarts).max()
                        .orElse(coldBefore);
                int answered = (int) due.stream().filter(f -> f.outcome() == Outcome.ANSWERED)
                        .count();
                out.add(new Interval(from, due.size(), answered, due.size() - answered,
                        seen.stream().mapToInt(Sample::ready).max().orElse(0),
                        seen.stream().mapToInt(Sample::starting).max().orElse(0),
                        seen.stream().mapToInt(Sample::running).max().orElse(0),
                        coldAfter - coldBefore, percentiles(due).p50()));
                coldBefore = coldAfter;
            }
            return out;
        }

        private BigDecimal per1000(BigDecimal total) {
            int answered = count(Outcome.ANSWERED);
            if (answered == 0) {
                throw new IllegalStateException("no frame was answered, so there is no cost"
                        + " per frame; see the frames' reasons");
            }
            return total.multiply(BigDecimal.valueOf(1000))
                    .divide(BigDecimal.valueOf(answered), 12, RoundingMode.HALF_UP);
        }
    }

    /**
     * Deploys the function on a fresh platform behind the HTTP gateway (loopback, a free
     * port), streams the frames to it, and bills the run.
     *
     * @param spec the function, as it should scale (maxInstances, maxConcurrency, autoscaling)
     * @param code its code, such as its deployment package
     * @param settings the stream
     * @param payloads frame {@code i}'s bytes, asked for when frame {@code i} is due
     * @return what happened
     * @throws InterruptedException if interrupted while streaming
     */
    public static Result run(FunctionSpec spec, FunctionCode code, Settings settings,
            IntFunction<byte[]> payloads) throws InterruptedException {
        SystemClock clock = new SystemClock();
        Dispatcher platform = Dispatcher.on(clock);
        AtomicInteger coldStarts = new AtomicInteger();
        Map<String, InvocationRecord> records = new ConcurrentHashMap<>();
        platform.addPoolListener(new PoolListener() {
            @Override
            public void started(String function, InstanceView instance, Duration init) {
                coldStarts.incrementAndGet();
            }
        });
        platform.addListener(r -> records.put(r.requestId(), r));
        Metering metering = Metering.attach(platform);
        try (platform; clock; HttpGateway gateway = HttpGateway.start(platform, 0)) {
            InstancePool pool = platform.deploy(spec, code).pool();
            Stream stream = new Stream(settings, gateway.url() + settings.route(), payloads);
            stream.sample(pool, coldStarts);
            List<FrameResult> frames = stream.send(records);
            List<Sample> samples = stream.stopSampling();
            Invoice invoice = metering.invoice(PriceCatalog.load(settings.catalog()), false);
            return new Result(settings, spec, frames, samples, coldStarts.get(), invoice,
                    List.copyOf(records.values()), stream.elapsed());
        }
    }

    /** One run's sender, sampler and answers. */
    private static final class Stream {
        private final Settings settings;
        private final URI uri;
        private final IntFunction<byte[]> payloads;
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        private final Semaphore slots;
        private final List<Sample> samples = new CopyOnWriteArrayList<>();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                task -> {
                    Thread thread = new Thread(task, "fan-out-sampler");
                    thread.setDaemon(true);
                    return thread;
                });
        private long origin;
        private long lastAnswer;

        Stream(Settings settings, String url, IntFunction<byte[]> payloads) {
            this.settings = settings;
            this.uri = URI.create(url);
            this.payloads = payloads;
            this.slots = new Semaphore(settings.maxInFlight());
        }

        void sample(InstancePool pool, AtomicInteger coldStarts) {
            origin = System.nanoTime();
            long every = settings.sampleEvery().toNanos();
            sampler.scheduleAtFixedRate(() -> samples.add(new Sample(millis(System.nanoTime()),
                    pool.readyInstances(), pool.startingInstances(), pool.inFlight(),
                    settings.maxInFlight() - slots.availablePermits(), coldStarts.get())),
                    0, every, TimeUnit.NANOSECONDS);
        }

        List<FrameResult> send(Map<String, InvocationRecord> records) {
            List<CompletableFuture<FrameResult>> frames = new ArrayList<>();
            long period = (long) (1e9 / settings.fps());
            long last = settings.maxDuration().toNanos();
            for (int i = 0; i < settings.maxFrames() && (long) i * period < last; i++) {
                // Wait for the frame's moment; a late sender sends at once, and the lateness
                // counts in the frame's latency.
                long due = origin + i * period;
                for (long wait; (wait = due - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
                frames.add(sendOne(i, due, records));
            }
            List<FrameResult> results = frames.stream().map(CompletableFuture::join).toList();
            lastAnswer = results.stream().mapToLong(f -> f.dueMillis() * 1_000_000
                    + f.latency().toNanos()).max().orElse(0);
            return results;
        }

        private CompletableFuture<FrameResult> sendOne(int index, long due,
                Map<String, InvocationRecord> records) {
            long dueMillis = millis(due);
            if (!slots.tryAcquire()) {
                return CompletableFuture.completedFuture(new FrameResult(index, dueMillis,
                        Outcome.DROPPED, 0, Duration.ZERO, "dropped: " + settings.maxInFlight()
                        + " frames were unanswered when it was due (maxInFlight)", false, "",
                        ""));
            }
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", settings.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payloads.apply(index))).build();
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        Duration took = Duration.ofNanos(System.nanoTime() - due);
                        slots.release();
                        if (failure != null) {
                            return new FrameResult(index, dueMillis, Outcome.FAILED, 0, took,
                                    "no answer: " + failure, false, "", "");
                        }
                        return answered(index, dueMillis, took, response, records);
                    });
        }

        private FrameResult answered(int index, long dueMillis, Duration took,
                HttpResponse<String> response, Map<String, InvocationRecord> records) {
            String id = response.headers().firstValue("apigw-requestid")
                    .or(() -> response.headers().firstValue("X-Amzn-RequestId")).orElse("");
            InvocationRecord record = records.get(id);
            boolean functionError = response.headers().firstValue("X-Amz-Function-Error")
                    .isPresent();
            int status = response.statusCode();
            boolean ok = status / 100 == 2 && !functionError;
            String body = response.body() == null ? "" : response.body();
            return new FrameResult(index, dueMillis, ok ? Outcome.ANSWERED : Outcome.REFUSED,
                    status, took, ok ? "" : status + ": " + messageOf(body),
                    record != null && record.coldStart(), record == null ? ""
                    : record.instanceId(), body.length() > BODY_KEPT
                    ? body.substring(0, BODY_KEPT) : body);
        }

        List<Sample> stopSampling() throws InterruptedException {
            sampler.shutdown();
            if (!sampler.awaitTermination(5, TimeUnit.SECONDS)) sampler.shutdownNow();
            return List.copyOf(samples);
        }

        Duration elapsed() {
            return Duration.ofNanos(lastAnswer);
        }

        private long millis(long nanos) {
            return (nanos - origin) / 1_000_000;
        }
    }

    private static String messageOf(String body) {
        try {
            String message = Json.mapper().readTree(body).path("message").asText("");
            if (!message.isEmpty()) return message;
            String error = Json.mapper().readTree(body).path("errorMessage").asText("");
            if (!error.isEmpty()) return error;
        } catch (java.io.IOException | RuntimeException notJson) {
            // Not JSON: the body itself is the reason.
        }
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    private static void require(boolean ok, String field, String rule, Object value) {
        if (ok) return;
        Object shown = value instanceof String ? "\"" + value + "\"" : value;
        throw new IllegalArgumentException(field + " " + rule + ", was: " + shown);
    }

    /** Latency of the answered frames among {@code frames}; {@link Stats#NONE} if none was. */
    private static Stats percentiles(List<FrameResult> frames) {
        List<Duration> answered = frames.stream().filter(f -> f.outcome() == Outcome.ANSWERED)
                .map(FrameResult::latency).toList();
        return answered.isEmpty() ? Stats.NONE : Stats.of(answered);
    }
}
