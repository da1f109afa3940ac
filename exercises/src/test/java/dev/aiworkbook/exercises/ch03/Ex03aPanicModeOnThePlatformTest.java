// Graded test of exercise ex03a: read-only. Change PanicMode, not this file.
package dev.aiworkbook.exercises.ch03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.dispatch.Activator;
import dev.aiworkbook.runtime.dispatch.ScalingLoop;
import dev.aiworkbook.runtime.function.AutoscalingSpec;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.instance.SimulatedInstance;
import dev.aiworkbook.runtime.instance.WarmestFirst;
import dev.aiworkbook.runtime.scaling.FixedKeepAlive;
import dev.aiworkbook.runtime.scaling.ScaleDecision;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise ex03a inside the real platform: your {@link PanicMode} drives the KPA's
 * scaling loop of a pool of simulated instances on a virtual clock.
 */
@Tag("ex03a")
@DisplayName("ex03a: your panic mode scaling the platform")
class Ex03aPanicModeOnThePlatformTest {

    @Test
    @DisplayName("a burst of 20 waiting invocations panics the loop up to maxInstances")
    void burstScalesThePoolUp() {
        VirtualClock clock = VirtualClock.atEpoch();
        FunctionSpec spec = FunctionSpec.of("fn", "example.Handler").withMaxInstances(10)
                .withAutoscaling(AutoscalingSpec.defaults().withScaler(
                        AutoscalingSpec.Scaler.KPA));
        InstancePool pool = new InstancePool(spec, SimulatedInstance.kind(
                () -> 500_000_000L, () -> 0).factory(spec, 1, null), clock, new WarmestFirst(),
                new FixedKeepAlive(), PoolListener.NONE);
        Activator activator = Activator.attach("fn", pool, clock, 100, Duration.ofMinutes(1));
        List<ScaleDecision> decisions = new ArrayList<>();
        ScalingLoop loop = new ScalingLoop(pool, activator::waiting, clock, new PanicMode(),
                (f, at, d, ready, starting, inFlight, waiting) -> decisions.add(d));
        List<InstancePool.Lease> held = new ArrayList<>();
        Activator.Waiter holder = new Activator.Waiter() {
            @Override
            public void granted(InstancePool.Lease lease, Duration waited) {
                held.add(lease);
            }

            @Override
            public void refused(dev.aiworkbook.runtime.dispatch.Refusal refusal) {
            }
        };

        // 20 arrive at once and keep their slots: the first starts an instance at once
        for (int i = 0; i < 20; i++) activator.submit(holder);
        pool.startIfNone();
        loop.wake();
        clock.advance(Duration.ofSeconds(6));

        assertThat(decisions).as("ticks").isNotEmpty();
        assertThat(decisions).as("a tick in panic").anyMatch(ScaleDecision::panicking);
        assertThat(pool.readyInstances()).as("instances after 6 s").isEqualTo(10);
        assertThat(held).as("invocations given a slot").hasSize(10);
        loop.stop();
    }
}
