package dev.aiworkbook.exercises.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.dispatch.Deployment;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.dispatch.InvocationResult;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Grades exercise ex02a inside the real platform: your {@link KeepAlive} runs its pool. */
@Tag("ex02a")
@DisplayName("ex02a: your keep-alive policy on the platform")
class Ex02aKeepAliveOnThePlatformTest {

    @Test
    @DisplayName("a quiet function scales to zero after the keep-alive, and starts cold again")
    void quietFunctionScalesToZero() {
        VirtualClock clock = VirtualClock.atEpoch();
        try (Dispatcher platform = Dispatcher.builder(clock).keepAlivePolicy(new KeepAlive())
                .build()) {
            Deployment fn = platform.deploy(FunctionSpec.of("ping", Ping.class.getName())
                    .withKeepAlive(Duration.ofMinutes(10)), FunctionCode.ofClasspath(Ping.class));
            platform.invoke(Invocation.of("ping", "{}"));

            // nine quiet minutes: the instance is still kept
            clock.advance(Duration.ofMinutes(9));
            assertThat(fn.pool().instances()).hasSize(1);

            // ten: the keep-alive expires and the function holds no instance
            clock.advance(Duration.ofMinutes(1));
            assertThat(fn.pool().instances()).isEmpty();

            InvocationResult next = platform.invoke(Invocation.of("ping", "{}"));
            assertThat(next.record().orElseThrow().coldStart()).isTrue();
        }
    }
}
