package dev.aiworkbook.runtime.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.dispatch.Deployment;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.testfunctions.Upper;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Policies by name, run by the platform's own pool on a virtual clock. */
class KeepAlivePoliciesOnThePoolTest {

    private final VirtualClock clock = VirtualClock.atEpoch();

    @Test
    @DisplayName("fixed:20m keeps an instance 20 minutes although the function asks for 10")
    void fixedOverrideOnThePool() {
        try (Dispatcher platform = Dispatcher.builder(clock)
                .keepAlivePolicy(KeepAlivePolicies.parse("fixed:20m")).build()) {
            Deployment fn = deploy(platform, Duration.ofMinutes(10));
            platform.invoke(Invocation.of("f", "\"hi\""));

            // past the configured 10 minutes the override still keeps it
            clock.advance(Duration.ofMinutes(15));
            assertThat(fn.pool().instances()).hasSize(1);

            // at 20 minutes it goes
            clock.advance(Duration.ofMinutes(5));
            assertThat(fn.pool().instances()).isEmpty();
        }
    }

    @Test
    @DisplayName("aws reclaims after 10 minutes, whatever the function configured")
    void awsPresetOnThePool() {
        try (Dispatcher platform = Dispatcher.builder(clock)
                .keepAlivePolicy(KeepAlivePolicies.parse("aws")).build()) {
            Deployment fn = deploy(platform, Duration.ofMinutes(30));
            platform.invoke(Invocation.of("f", "\"hi\""));

            clock.advance(Duration.ofMinutes(9));
            assertThat(fn.pool().instances()).hasSize(1);
            clock.advance(Duration.ofMinutes(1));
            assertThat(fn.pool().instances()).isEmpty();
        }
    }

    @Test
    @DisplayName("none keeps the instance for a simulated year")
    void neverUnloadOnThePool() {
        try (Dispatcher platform = Dispatcher.builder(clock)
                .keepAlivePolicy(KeepAlivePolicies.parse("none")).build()) {
            Deployment fn = deploy(platform, Duration.ofMinutes(10));
            platform.invoke(Invocation.of("f", "\"hi\""));

            clock.advance(Duration.ofDays(365));

            assertThat(fn.pool().instances()).hasSize(1);
            assertThat(platform.invoke(Invocation.of("f", "\"hi\"")).record().orElseThrow()
                    .coldStart()).isFalse();
        }
    }

    private static Deployment deploy(Dispatcher platform, Duration keepAlive) {
        return platform.deploy(FunctionSpec.of("f", Upper.class.getName())
                .withKeepAlive(keepAlive), FunctionCode.ofClasspath(Upper.class));
    }
}
