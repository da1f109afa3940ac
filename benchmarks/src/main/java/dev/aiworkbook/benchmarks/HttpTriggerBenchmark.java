package dev.aiworkbook.benchmarks;

import dev.aiworkbook.benchmarks.handlers.Greeting;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.time.SystemClock;
import dev.aiworkbook.runtime.trigger.HttpGateway;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HTTP round trips per second on 127.0.0.1: the platform's HTTP trigger against a bare Javalin
 * route that does the handler's work itself.
 *
 * <p>{@link #gatewayRoundTrip} posts the event to the gateway's invoke route
 * ({@code POST /2015-03-31/functions/greeting/invocations}), which runs the {@link Greeting}
 * handler on a warm instance; {@link #bareJavalinRoundTrip} posts it to a Javalin route that
 * reads the JSON, calls the same handler and writes the JSON. Both use one
 * {@link HttpClient} (HTTP/1.1, keep-alive) from two client threads; every response's status
 * is checked, and the body once before the measurement.
 *
 * <p>Goal: the gateway keeps at least 0.8 times the bare route's throughput.
 *
 * <p>The warm-up is long on purpose: on a busy 2-core machine the HTTP path (the JDK client,
 * Jetty, Javalin) took about 20 s before its throughput levelled off; after a warm-up of
 * 3 × 2 s the measured iterations were still climbing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.QUIET_LOGS, ForkOptions.QUIET_REPORTS,
        ForkOptions.MIN_HEAP, ForkOptions.MAX_HEAP, HttpTriggerBenchmark.CLIENT_KEEP_ALIVE})
public class HttpTriggerBenchmark {

    /**
     * The client drops an idle connection after 15 s, before Jetty closes it at 30 s: a
     * connection that both ends drop at once fails the next request sent on it ("header parser
     * received no bytes"), which a run hit on a spare connection the client had opened.
     */
    static final String CLIENT_KEEP_ALIVE = "-Djdk.httpclient.keepalive.timeout=15";

    private static final String HOST = "127.0.0.1";
    private static final String FUNCTION = "greeting";
    private static final byte[] EVENT = "{\"name\":\"Ada Lovelace\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] EXPECTED = "{\"message\":\"Hello, Ada Lovelace!\"}"
            .getBytes(StandardCharsets.UTF_8);

    /** The one HTTP client of both measurements. */
    @State(Scope.Benchmark)
    public static class Client {
        private HttpClient http;

        @Setup(Level.Trial)
        public void open() {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        }

        HttpRequest post(URI uri) {
            return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EVENT)).build();
        }

        byte[] send(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered "
                        + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        }

        byte[] checkedSend(HttpRequest request) throws IOException, InterruptedException {
            byte[] body = send(request);
            if (!Arrays.equals(body, EXPECTED)) {
                throw new IllegalStateException(request.uri() + " answered "
                        + new String(body, StandardCharsets.UTF_8));
            }
            return body;
        }
    }

    /** The platform: the function deployed behind the HTTP gateway. */
    @State(Scope.Benchmark)
    public static class Platform {
        private SystemClock clock;
        private Dispatcher dispatcher;
        private HttpGateway gateway;
        private HttpRequest invoke;

        @Setup(Level.Trial)
        public void start(Client client) throws IOException, InterruptedException {
            clock = new SystemClock();
            dispatcher = Dispatcher.on(clock);
            dispatcher.deploy(FunctionSpec.of(FUNCTION, Greeting.class.getName()),
                    FunctionCode.ofClasspath(Greeting.class));
            gateway = HttpGateway.start(dispatcher, HOST, 0);
            invoke = client.post(URI.create(gateway.url()
                    + "/2015-03-31/functions/" + FUNCTION + "/invocations"));
            client.checkedSend(invoke);
        }

        @TearDown(Level.Trial)
        public void stop() {
            gateway.close();
            dispatcher.close();
            clock.close();
        }
    }

    /** The baseline: a bare Javalin route that reads the JSON, greets and writes the JSON. */
    @State(Scope.Benchmark)
    public static class BareRoute {
        private Javalin app;
        private HttpRequest greet;

        @Setup(Level.Trial)
        public void start(Client client) throws IOException, InterruptedException {
            DirectCall direct = new DirectCall(FunctionSpec.of(FUNCTION,
                    Greeting.class.getName()));
            app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.jetty.host = HOST;
                cfg.jetty.port = 0;
                cfg.routes.post("/greet", ctx -> ctx.contentType("application/json")
                        .result(direct.withJson(ctx.bodyAsBytes())));
            }).start();
            greet = client.post(URI.create("http://" + HOST + ":" + app.port() + "/greet"));
            client.checkedSend(greet);
        }

        @TearDown(Level.Trial)
        public void stop() {
            app.stop();
        }
    }

    /** @return the gateway's response body */
    @Benchmark
    public byte[] gatewayRoundTrip(Client client, Platform platform)
            throws IOException, InterruptedException {
        return client.send(platform.invoke);
    }

    /** @return the bare route's response body */
    @Benchmark
    public byte[] bareJavalinRoundTrip(Client client, BareRoute bare)
            throws IOException, InterruptedException {
        return client.send(bare.greet);
    }
}
