package dev.aiworkbook.runtime.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.function.Json;
import dev.aiworkbook.runtime.instance.InstanceState;
import dev.aiworkbook.runtime.testfunctions.Await;
import dev.aiworkbook.runtime.testfunctions.BrokenInit;
import dev.aiworkbook.runtime.testfunctions.Closer;
import dev.aiworkbook.runtime.testfunctions.Failing;
import dev.aiworkbook.runtime.testfunctions.Greeter;
import dev.aiworkbook.runtime.testfunctions.Sleeper;
import dev.aiworkbook.runtime.testfunctions.Upper;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatcherTest {

    private final VirtualClock clock = VirtualClock.atEpoch();
    private final Dispatcher platform = Dispatcher.on(clock);

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    @DisplayName("the first invocation is a cold start, the next one warm on the same instance")
    void firstInvocationIsColdStart() throws Exception {
        deploy(FunctionSpec.of("greeter", Greeter.class.getName()), Greeter.class);

        InvocationResult first = platform.invoke(Invocation.of("greeter", "{\"name\":\"Ada\"}"));
        InvocationResult second = platform.invoke(Invocation.of("greeter", "{\"name\":\"Bo\"}"));

        assertThat(first.status()).isEqualTo(InvocationResult.Status.SUCCESS);
        assertThat(json(first).get("message").asText()).isEqualTo("Hello, Ada!");
        InvocationRecord cold = first.record().orElseThrow();
        InvocationRecord warm = second.record().orElseThrow();
        assertThat(cold.coldStart()).isTrue();
        assertThat(cold.initDuration()).isPositive();
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.initDuration()).isZero();
        assertThat(warm.instanceId()).isEqualTo(cold.instanceId());
        assertThat(json(second).get("calls").asInt()).isEqualTo(2);
        // the context counts down from the 3 s timeout
        assertThat(json(second).get("remainingMs").asInt()).isBetween(2000, 3000);
    }

    @Test
    @DisplayName("static state belongs to one instance: a new instance loads the class again")
    void staticStateIsPerInstance() throws Exception {
        deploy(FunctionSpec.of("greeter", Greeter.class.getName())
                .withKeepAlive(Duration.ofMinutes(1)), Greeter.class);
        InvocationResult before = platform.invoke(Invocation.of("greeter", "{\"name\":\"A\"}"));

        // keep-alive expires; the instance is reclaimed and the next call starts a new one
        clock.advance(Duration.ofMinutes(1));
        InvocationResult after = platform.invoke(Invocation.of("greeter", "{\"name\":\"B\"}"));

        assertThat(after.record().orElseThrow().coldStart()).isTrue();
        assertThat(json(after).get("calls").asInt()).isEqualTo(1);
        assertThat(json(after).get("loadedAt").asLong())
                .isNotEqualTo(json(before).get("loadedAt").asLong());
        assertThat(Greeter.class.getClassLoader())
                .as("the test's own copy of the class is not the instance's").isNotNull();
    }

    @Test
    @DisplayName("an idle instance is kept for the keep-alive, then reclaimed: scale to zero")
    void idleInstanceReclaimedAfterKeepAlive() {
        Deployment fn = deploy(FunctionSpec.of("greeter", Greeter.class.getName()),
                Greeter.class);
        platform.invoke(Invocation.of("greeter", "{\"name\":\"A\"}"));

        clock.advance(Duration.ofMinutes(9));
        assertThat(fn.pool().instances()).extracting(i -> i.state())
                .containsExactly(InstanceState.IDLE);

        // ten minutes idle: the keep-alive expires
        clock.advance(Duration.ofMinutes(1));
        assertThat(fn.pool().instances()).isEmpty();
    }

    @Test
    @DisplayName("a reclaimed instance closes its handler when the handler is AutoCloseable")
    void reclaimedInstanceClosesItsHandler(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("close.log");
        deploy(FunctionSpec.of("closer", Closer.class.getName()), Closer.class);
        platform.invoke(Invocation.of("closer", "{\"closeLog\":\"" + log + "\"}"));
        assertThat(log).doesNotExist();

        clock.advance(Duration.ofMinutes(10));

        // The close runs on the instance's own threads, after the pool has moved on.
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Files.exists(log) && System.nanoTime() < until) Thread.sleep(10);
        assertThat(Files.readString(log)).as("written by the handler's close()")
                .startsWith("closed on closer-lane-");
    }

    @Test
    @DisplayName("an instance abandoned at its timeout is not closed: its handler may still run")
    void abandonedInstanceIsNotClosed(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("close.log");
        deploy(FunctionSpec.of("closer", Closer.class.getName())
                .withTimeout(Duration.ofSeconds(1)), Closer.class);

        InvocationResult late = platform.invoke(Invocation.of("closer",
                "{\"closeLog\":\"" + log + "\",\"sleepMs\":1500}"));
        platform.undeploy("closer");

        assertThat(late.status()).isEqualTo(InvocationResult.Status.TIMED_OUT);
        Thread.sleep(700); // the abandoned handler finishes its spin, then stays unclosed
        assertThat(log).doesNotExist();
    }

    @Test
    @DisplayName("minimum instances start at deploy, serve warm, and are never reclaimed")
    void provisionedInstancesStayWarm() {
        Deployment fn = deploy(FunctionSpec.of("greeter", Greeter.class.getName())
                .withMinInstances(2), Greeter.class);
        assertThat(fn.pool().instances()).hasSize(2).allMatch(i -> i.provisioned());

        InvocationResult result = platform.invoke(Invocation.of("greeter", "{\"name\":\"A\"}"));
        clock.advance(Duration.ofHours(5));

        assertThat(result.record().orElseThrow().coldStart()).isFalse();
        assertThat(result.record().orElseThrow().provisioned()).isTrue();
        assertThat(fn.pool().instances()).hasSize(2);
    }

    @Test
    @DisplayName("a handler exception comes back as Lambda error JSON")
    void handlerExceptionBecomesErrorJson() throws Exception {
        deploy(FunctionSpec.of("failing", Failing.class.getName()), Failing.class);

        InvocationResult result = platform.invoke(Invocation.of("failing", "{}"));

        assertThat(result.status()).isEqualTo(InvocationResult.Status.FUNCTION_ERROR);
        JsonNode error = json(result);
        assertThat(error.get("errorMessage").asText()).isEqualTo("the database is down");
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("stackTrace").get(0).asText()).contains("Failing.handleRequest");
    }

    @Test
    @DisplayName("a failing constructor fails the invocation and leaves no instance behind")
    void initFailureIsFunctionError() throws Exception {
        Deployment fn = deploy(FunctionSpec.of("broken", BrokenInit.class.getName()),
                BrokenInit.class);

        InvocationResult result = platform.invoke(Invocation.of("broken", "{}"));

        assertThat(result.status()).isEqualTo(InvocationResult.Status.FUNCTION_ERROR);
        assertThat(json(result).get("errorMessage").asText()).isEqualTo("model file missing");
        assertThat(fn.pool().instances()).isEmpty();
    }

    @Test
    @DisplayName("an event that does not fit the input type is a function error that says so")
    void unreadableEventIsFunctionError() throws Exception {
        deploy(FunctionSpec.of("sleeper", Sleeper.class.getName()), Sleeper.class);

        InvocationResult result = platform.invoke(Invocation.of("sleeper", "[1, 2]"));

        assertThat(result.status()).isEqualTo(InvocationResult.Status.FUNCTION_ERROR);
        assertThat(json(result).get("errorMessage").asText())
                .contains("could not be read as", "Sleeper$Order");
    }

    @Test
    @DisplayName("at the deadline a handler that ignores interruption is abandoned, fully billed")
    void stubbornHandlerTimesOut() throws Exception {
        Deployment fn = deploy(FunctionSpec.of("sleeper", Sleeper.class.getName())
                .withTimeout(Duration.ofSeconds(1)), Sleeper.class);

        long started = System.nanoTime();
        InvocationResult result = platform.invoke(
                Invocation.of("sleeper", "{\"millis\":4000,\"stubborn\":true}"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(result.status()).isEqualTo(InvocationResult.Status.TIMED_OUT);
        assertThat(json(result).get("errorMessage").asText())
                .isEqualTo("Task timed out after 1.00 seconds");
        assertThat(tookMs).isBetween(900L, 3000L);
        assertThat(result.record().orElseThrow().billedDuration())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(fn.pool().instances()).as("a timed-out instance is discarded").isEmpty();
    }

    @Test
    @DisplayName("stream handlers and Class::method handlers work like RequestHandlers")
    void streamAndMethodHandlers() {
        deploy(FunctionSpec.of("upper", Upper.class.getName()), Upper.class);
        deploy(FunctionSpec.of("shout", Upper.class.getName() + "::shout"), Upper.class);

        assertThat(platform.invoke(Invocation.of("upper", "\"abc\"")).payloadText())
                .isEqualTo("\"ABC\"");
        assertThat(platform.invoke(Invocation.of("shout", "\"hey\"")).payloadText())
                .isEqualTo("\"HEY!\"");
    }

    @Test
    @DisplayName("REPORT lines carry duration, billed duration, memory and, when cold, init")
    void reportLineHasLambdaShape() {
        deploy(FunctionSpec.of("greeter", Greeter.class.getName()).withMemoryMb(256),
                Greeter.class);

        InvocationResult cold = platform.invoke(Invocation.of("greeter", "{\"name\":\"A\"}"));
        InvocationResult warm = platform.invoke(Invocation.of("greeter", "{\"name\":\"B\"}"));

        assertThat(cold.log()).startsWith("START RequestId: " + cold.requestId())
                .contains("greeting A\n", "END RequestId: " + cold.requestId());
        assertThat(cold.record().orElseThrow().reportLine()).matches(
                "REPORT RequestId: \\S+\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms"
                + "\\tMemory Size: 256 MB\\tMax Memory Used: \\d+ MB"
                + "\\tInit Duration: \\d+\\.\\d\\d ms");
        assertThat(warm.record().orElseThrow().reportLine()).doesNotContain("Init Duration");
    }

    @Test
    @DisplayName("beyond max instances a synchronous call is throttled")
    void throttledBeyondMaxInstances() throws Exception {
        deploy(FunctionSpec.of("sleeper", Sleeper.class.getName()).withMaxInstances(1),
                Sleeper.class);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<InvocationResult> slow = callers.submit(() -> platform.invoke(
                    Invocation.of("sleeper", "{\"millis\":600}")));
            Await.inFlight(platform, "sleeper", 1);

            InvocationResult second = platform.invoke(Invocation.of("sleeper",
                    "{\"millis\":1}"));

            assertThat(second.status()).isEqualTo(InvocationResult.Status.THROTTLED);
            assertThat(second.payloadText()).contains("maxInstances");
            assertThat(slow.get().status()).isEqualTo(InvocationResult.Status.SUCCESS);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    @DisplayName("concurrency above 1 lets one instance serve several invocations at once")
    void oneInstanceServesConcurrentInvocations() throws Exception {
        Deployment fn = deploy(FunctionSpec.of("sleeper", Sleeper.class.getName())
                .withMaxConcurrency(4).withMaxInstances(1), Sleeper.class);
        platform.invoke(Invocation.of("sleeper", "{\"millis\":1}"));
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<InvocationResult>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(callers.submit(() -> platform.invoke(
                        Invocation.of("sleeper", "{\"millis\":300}"))));
            }
            for (Future<InvocationResult> call : calls) {
                assertThat(call.get().status()).isEqualTo(InvocationResult.Status.SUCCESS);
                assertThat(call.get().record().orElseThrow().coldStart()).isFalse();
            }
            assertThat(fn.pool().instances()).hasSize(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    @DisplayName("a redeploy lets in-flight invocations finish on the old version")
    void redeployDrainsOldVersion() throws Exception {
        Deployment v1 = deploy(FunctionSpec.of("sleeper", Sleeper.class.getName()),
                Sleeper.class);
        ExecutorService callers = Executors.newSingleThreadExecutor();
        try {
            Future<InvocationResult> inFlight = callers.submit(() -> platform.invoke(
                    Invocation.of("sleeper", "{\"millis\":500}")));
            Await.inFlight(platform, "sleeper", 1);

            Deployment v2 = deploy(FunctionSpec.of("sleeper", Sleeper.class.getName()),
                    Sleeper.class);
            InvocationResult onNew = platform.invoke(Invocation.of("sleeper", "{\"millis\":1}"));

            assertThat(inFlight.get().payloadText()).isEqualTo("\"slept\"");
            assertThat(inFlight.get().record().orElseThrow().version()).isEqualTo(1);
            assertThat(onNew.record().orElseThrow().version()).isEqualTo(2);
            assertThat(v1.pool().isDrained()).isTrue();
            assertThat(v2.version()).isEqualTo(2);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    @DisplayName("an unknown function is refused with the names of those deployed")
    void unknownFunctionIsRefused() {
        deploy(FunctionSpec.of("greeter", Greeter.class.getName()), Greeter.class);

        assertThatThrownBy(() -> platform.invoke(Invocation.of("nope", "{}")))
                .isInstanceOf(FunctionNotFoundException.class)
                .hasMessageContaining("\"nope\"").hasMessageContaining("greeter");
    }

    @Test
    @DisplayName("a dry run checks the function and runs nothing")
    void dryRunRunsNothing() {
        Deployment fn = deploy(FunctionSpec.of("greeter", Greeter.class.getName()),
                Greeter.class);

        InvocationResult result = platform.invoke(Invocation.of("greeter", new byte[0],
                InvocationType.DRY_RUN, "api"));

        assertThat(result.status()).isEqualTo(InvocationResult.Status.DRY_RUN);
        assertThat(fn.pool().instances()).isEmpty();
    }

    private Deployment deploy(FunctionSpec spec, Class<?> handler) {
        return platform.deploy(spec, FunctionCode.ofClasspath(handler));
    }

    private static JsonNode json(InvocationResult result) throws Exception {
        return Json.mapper().readTree(result.payload());
    }
}
