package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Metering;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.time.SystemClock;
import dev.aiworkbook.runtime.trigger.HttpGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Chapter 01: deploy a first function, call it through the HTTP trigger as any client would,
 * read its REPORT line, and see what a thousand calls cost.
 */
public final class FirstFunctionExperiment {

    private FirstFunctionExperiment() {
    }

    /**
     * What the first function did.
     *
     * @param url the Invoke API address that was called
     * @param response the first call's response body
     * @param log the first call's log, as the platform returned it
     * @param latency the HTTP round trips of every call
     * @param invoice the bill for all the calls, AWS Lambda x86 prices, no free tier
     */
    public record Result(String url, String response, String log, Stats latency,
            String invoice) {

        /** @return the REPORT line of the first call */
        public String reportLine() {
            return log.lines().filter(l -> l.startsWith("REPORT")).findFirst().orElse("");
        }
    }

    /**
     * Deploys the handler, serves it on a free loopback port and calls it {@code calls} times.
     *
     * @param handler the handler class, on the classpath
     * @param event the event each call sends, as JSON
     * @param calls how many calls, 1..100,000
     * @return what was seen and measured
     * @throws IllegalArgumentException if {@code calls} is out of range
     */
    public static Result run(Class<?> handler, String event, int calls) {
        if (calls < 1 || calls > 100_000) {
            throw new IllegalArgumentException("calls must be 1..100000, was: " + calls);
        }
        try (Dispatcher platform = Dispatcher.on(SystemClock.shared())) {
            Metering metering = Metering.attach(platform);
            platform.deploy(FunctionSpec.of("hello", handler.getName()),
                    FunctionCode.ofClasspath(handler));
            HttpGateway gateway = HttpGateway.start(platform, "127.0.0.1", 0);
            try {
                URI invoke = URI.create(gateway.url() + "/2015-03-31/functions/hello/invocations");
                return callRepeatedly(invoke, event, calls, metering);
            } finally {
                gateway.close();
            }
        }
    }

    private static Result callRepeatedly(URI invoke, String event, int calls, Metering metering) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            // The first call asks for the log tail: Lambda returns it base64-encoded.
            HttpRequest withTail = post(invoke, event).header("X-Amz-Log-Type", "Tail").build();
            HttpResponse<String> first = http.send(withTail, HttpResponse.BodyHandlers.ofString());
            String log = first.headers().firstValue("X-Amz-Log-Result")
                    .map(b -> new String(Base64.getDecoder().decode(b), StandardCharsets.UTF_8))
                    .orElse("");
            List<Duration> latencies = new ArrayList<>();
            for (int i = 1; i < calls; i++) {
                long started = System.nanoTime();
                http.send(post(invoke, event).build(), HttpResponse.BodyHandlers.discarding());
                latencies.add(Duration.ofNanos(System.nanoTime() - started));
            }
            String invoice = metering.invoice(PriceCatalog.load("aws-lambda-x86"), false)
                    .render();
            return new Result(invoke.toString(), first.body(), log,
                    Stats.of(latencies.isEmpty() ? List.of(Duration.ZERO) : latencies), invoice);
        } catch (IOException e) {
            throw new IllegalStateException("the HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the function", e);
        }
    }

    private static HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
