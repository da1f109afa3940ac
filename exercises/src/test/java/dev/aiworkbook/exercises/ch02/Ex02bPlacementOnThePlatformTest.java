package dev.aiworkbook.exercises.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.dispatch.InvocationRecord;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.time.VirtualClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Grades exercise ex02b inside the real platform: your {@link Placement} places each call. */
@Tag("ex02b")
@DisplayName("ex02b: your placement on the platform")
class Ex02bPlacementOnThePlatformTest {

    @Test
    @DisplayName("the first call starts an instance and the next ones reuse it warm")
    void firstCallIsColdThenWarm() {
        try (Dispatcher platform = Dispatcher.builder(VirtualClock.atEpoch())
                .startPolicy(new Placement()).build()) {
            platform.deploy(FunctionSpec.of("ping", Ping.class.getName()),
                    FunctionCode.ofClasspath(Ping.class));

            InvocationRecord first = call(platform);
            InvocationRecord second = call(platform);
            InvocationRecord third = call(platform);

            assertThat(first.coldStart()).isTrue();
            assertThat(second.coldStart()).isFalse();
            assertThat(third.coldStart()).isFalse();
            assertThat(third.instanceId()).isEqualTo(first.instanceId());
        }
    }

    private static InvocationRecord call(Dispatcher platform) {
        return platform.invoke(Invocation.of("ping", "{}")).record().orElseThrow();
    }
}
