package dev.aiworkbook.runtime.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.testfunctions.Await;
import dev.aiworkbook.runtime.testfunctions.Failing;
import dev.aiworkbook.runtime.testfunctions.Greeter;
import dev.aiworkbook.runtime.testfunctions.Sleeper;
import dev.aiworkbook.runtime.time.SystemClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AsyncInvocationTest {

    /** Lambda's schedule in miniature: two retries, 30 ms then 60 ms apart. */
    private static final AsyncSettings FAST = new AsyncSettings(2, Duration.ofMillis(30),
            Duration.ofMillis(20), Duration.ofSeconds(2));

    private final Dispatcher platform = Dispatcher.builder(SystemClock.shared()).async(FAST)
            .build();
    private final List<InvocationRecord> finished = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    @DisplayName("an event is accepted at once and runs later")
    void eventIsAcceptedThenRun() {
        deploy(FunctionSpec.of("greeter", Greeter.class.getName()), Greeter.class);

        InvocationResult accepted = platform.invoke(event("greeter", "{\"name\":\"A\"}"));

        assertThat(accepted.status()).isEqualTo(InvocationResult.Status.ACCEPTED);
        assertThat(accepted.record()).isEmpty();
        Await.until("the event finished", () -> finished.size() == 1);
        assertThat(finished.get(0).requestId()).isEqualTo(accepted.requestId());
        assertThat(finished.get(0).status()).isEqualTo(InvocationResult.Status.SUCCESS);
        assertThat(platform.deadLetters()).isEmpty();
    }

    @Test
    @DisplayName("a failing event is tried three times with growing waits, then dead-lettered")
    void failingEventIsRetriedThenDeadLettered() {
        deploy(FunctionSpec.of("failing", Failing.class.getName()), Failing.class);

        InvocationResult accepted = platform.invoke(event("failing", "{\"order\":42}"));
        Await.until("a dead letter", () -> !platform.deadLetters().isEmpty());

        assertThat(finished).hasSize(3).allMatch(r -> r.requestId().equals(accepted.requestId()));
        Duration firstWait = Duration.between(finished.get(0).startedAt(),
                finished.get(1).startedAt());
        Duration secondWait = Duration.between(finished.get(1).startedAt(),
                finished.get(2).startedAt());
        assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        assertThat(secondWait).isGreaterThanOrEqualTo(Duration.ofMillis(60));

        DeadLetter letter = platform.deadLetter(accepted.requestId()).orElseThrow();
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.reason()).isEqualTo("java.lang.IllegalStateException");
        assertThat(letter.lastError()).contains("the database is down");
        assertThat(letter.payloadText()).isEqualTo("{\"order\":42}");
    }

    @Test
    @DisplayName("a throttled event waits for capacity instead of failing")
    void throttledEventIsRetriedLater() throws Exception {
        deploy(FunctionSpec.of("sleeper", Sleeper.class.getName()).withMaxInstances(1),
                Sleeper.class);
        Thread busy = new Thread(() -> platform.invoke(Invocation.of("sleeper",
                "{\"millis\":300}")));
        busy.start();
        Await.inFlight(platform, "sleeper", 1);

        // the only instance is busy: the event is throttled, then runs once it is free
        InvocationResult accepted = platform.invoke(event("sleeper", "{\"millis\":1}"));
        busy.join();
        Await.until("the throttled event ran", () -> finished.stream()
                .anyMatch(r -> r.requestId().equals(accepted.requestId())));

        assertThat(platform.deadLetters()).isEmpty();
    }

    @Test
    @DisplayName("an event for an unknown function is refused at once")
    void eventForUnknownFunctionIsRefused() {
        assertThatThrownBy(() -> platform.invoke(event("nope", "{}")))
                .isInstanceOf(FunctionNotFoundException.class);
    }

    @Test
    @DisplayName("undeploy lets a running invocation finish, then refuses new ones")
    void undeployDrains() throws Exception {
        Deployment fn = deploy(FunctionSpec.of("sleeper", Sleeper.class.getName()),
                Sleeper.class);
        Thread running = new Thread(() -> platform.invoke(Invocation.of("sleeper",
                "{\"millis\":300}")));
        running.start();
        Await.inFlight(platform, "sleeper", 1);

        platform.undeploy("sleeper");
        running.join();

        assertThat(finished).singleElement().satisfies(r ->
                assertThat(r.status()).isEqualTo(InvocationResult.Status.SUCCESS));
        assertThat(fn.pool().isDrained()).isTrue();
        assertThatThrownBy(() -> platform.invoke(Invocation.of("sleeper", "{\"millis\":1}")))
                .isInstanceOf(FunctionNotFoundException.class);
    }

    private Deployment deploy(FunctionSpec spec, Class<?> handler) {
        platform.addListener(finished::add);
        return platform.deploy(spec, FunctionCode.ofClasspath(handler));
    }

    private static Invocation event(String function, String json) {
        return Invocation.of(function, json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                InvocationType.EVENT, "api");
    }

}
