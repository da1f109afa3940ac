// Graded test of exercise ex04a: read-only. Change HybridWindows, not this file.
package dev.aiworkbook.exercises.ch04;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.exercises.ch02.Ping;
import dev.aiworkbook.runtime.dispatch.Deployment;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.scaling.HybridHistogramPolicy;
import dev.aiworkbook.runtime.scaling.HybridSettings;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Grades exercise ex04a inside the real platform: your windows drive its pool. */
@Tag("ex04a")
@DisplayName("ex04a: your hybrid windows on the platform")
class Ex04aHybridWindowsOnThePlatformTest {

    private static final Duration GAP = Duration.ofSeconds(630);

    @Test
    @DisplayName("a function called every 10.5 min is unloaded between calls, pre-warmed at"
            + " 9 min, and its next call is warm")
    void prewarmsForTheNextCall() throws InterruptedException {
        VirtualClock clock = VirtualClock.atEpoch();
        var policy = new HybridHistogramPolicy(HybridSettings.paper(), new HybridWindows());
        try (Dispatcher platform = Dispatcher.builder(clock).keepAlivePolicy(policy).build()) {
            Deployment fn = platform.deploy(FunctionSpec.of("ping", Ping.class.getName()),
                    FunctionCode.ofClasspath(Ping.class));

            // eleven calls 10.5 min apart teach the policy ten idle times, all in bin 10
            for (int i = 0; i < 11; i++) {
                if (i > 0) {
                    clock.advance(GAP);
                }
                platform.invoke(Invocation.of("ping", "{}"));
            }

            // pre-warm 9 min: the instance went as its call ended
            assertThat(fn.pool().instances()).isEmpty();

            // 9 min later a fresh instance loads (on its own thread), before the next call
            clock.advance(Duration.ofMinutes(9));
            waitForReady(fn);
            clock.advance(GAP.minusMinutes(9));
            var next = platform.invoke(Invocation.of("ping", "{}"));
            assertThat(next.record().orElseThrow().coldStart()).as("the next call is cold")
                    .isFalse();
        }
    }

    private static void waitForReady(Deployment fn) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fn.pool().readyInstances() < 1 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(fn.pool().readyInstances()).as("pre-warmed instances ready").isEqualTo(1);
    }
}
