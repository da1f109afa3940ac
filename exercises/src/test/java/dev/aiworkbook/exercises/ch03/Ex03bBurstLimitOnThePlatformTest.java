// Graded test of exercise ex03b: read-only. Change BurstLimit, not this file.
package dev.aiworkbook.exercises.ch03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.Admission;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.instance.SimulatedInstance;
import dev.aiworkbook.runtime.instance.WarmestFirst;
import dev.aiworkbook.runtime.scaling.FixedKeepAlive;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Grades exercise ex03b inside the real platform: your {@link BurstLimit} gates cold starts. */
@Tag("ex03b")
@DisplayName("ex03b: your burst limit on the platform")
class Ex03bBurstLimitOnThePlatformTest {

    @Test
    @DisplayName("a pool gated by 3 starts per 10 s throttles the fourth, and recovers")
    void poolThrottlesPastTheBurstLimit() {
        VirtualClock clock = VirtualClock.atEpoch();
        FunctionSpec spec = FunctionSpec.of("fn", "example.Handler");
        InstancePool pool = new InstancePool(spec, SimulatedInstance.kind(() -> 0, () -> 0)
                .factory(spec, 1, null), clock, new WarmestFirst(), new FixedKeepAlive(),
                PoolListener.NONE, new BurstLimit(3, Duration.ofSeconds(10)));

        // four concurrent invocations: each needs a new instance
        Admission[] burst = new Admission[4];
        for (int i = 0; i < 4; i++) {
            burst[i] = pool.admit();
        }
        clock.advance(Duration.ofSeconds(4));
        Admission after4s = pool.admit();

        assertThat(burst[2]).as("third start").isInstanceOf(InstancePool.Lease.class);
        assertThat(burst[3]).as("fourth start").isEqualTo(Admission.Refusal.BURST_LIMIT);
        assertThat(after4s).as("a start 4 s later, 1.2 tokens back")
                .isInstanceOf(InstancePool.Lease.class);
    }
}
