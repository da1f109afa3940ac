package dev.aiworkbook.runtime.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.instance.SimulatedInstance;
import dev.aiworkbook.runtime.instance.WarmestFirst;
import dev.aiworkbook.runtime.scaling.FixedKeepAlive;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The activator on a virtual clock: waiting in order, 429 when full, 503 after the wait. */
class ActivatorTest {

    private static final Duration INIT = Duration.ofSeconds(2);
    private final VirtualClock clock = VirtualClock.atEpoch();
    private final FunctionSpec spec = FunctionSpec.of("fn", "example.Handler")
            .withMaxInstances(1);
    private final InstancePool pool = new InstancePool(spec, SimulatedInstance.kind(
            INIT::toNanos, () -> 0).factory(spec, 1, null), clock, new WarmestFirst(),
            new FixedKeepAlive(), PoolListener.NONE);
    private final Activator activator = Activator.attach("fn", pool, clock, 2,
            Duration.ofSeconds(5));
    private final List<String> events = new ArrayList<>();
    private final List<InstancePool.Lease> leases = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();

    private Activator.Waiter waiter(String name) {
        return new Activator.Waiter() {
            @Override
            public void granted(InstancePool.Lease lease, Duration waited) {
                events.add(name + " granted after " + waited.toMillis() + " ms"
                        + (lease.coldStart() ? " (cold)" : ""));
                leases.add(lease);
            }

            @Override
            public void refused(Refusal refusal) {
                events.add(name + " refused " + refusal.httpStatus());
                refusals.add(refusal);
            }
        };
    }

    @Test
    @DisplayName("a free slot is granted at once, with no wait")
    void freeSlotAtOnce() {
        pool.startInstances(1);
        clock.advance(INIT);

        activator.submit(waiter("a"));

        assertThat(events).containsExactly("a granted after 0 ms (cold)");
    }

    @Test
    @DisplayName("waiters get the new instance, then freed slots, in arrival order")
    void waitersServedInOrder() {
        activator.submit(waiter("a"));
        activator.submit(waiter("b"));
        pool.startIfNone();

        clock.advance(INIT);
        assertThat(events).containsExactly("a granted after 2000 ms (cold)");
        clock.advance(Duration.ofSeconds(1));
        pool.release(leases.get(0), false);

        assertThat(events).containsExactly("a granted after 2000 ms (cold)",
                "b granted after 3000 ms");
        assertThat(activator.waiting()).isZero();
    }

    @Test
    @DisplayName("past its capacity the activator refuses with 429, naming the knob")
    void fullActivatorRefuses429() {
        activator.submit(waiter("a"));
        activator.submit(waiter("b"));

        activator.submit(waiter("c"));

        assertThat(events).containsExactly("c refused 429");
        assertThat(refusals.get(0).field()).isEqualTo("activatorCapacity");
        assertThat(refusals.get(0).message()).contains("\"fn\"", "2 invocation(s) waiting");
    }

    @Test
    @DisplayName("a waiter not served within the timeout is refused with 503, saying why")
    void timeoutRefuses503() {
        activator.submit(waiter("a"));
        clock.advance(Duration.ofSeconds(1));
        activator.submit(waiter("b"));
        pool.startInstances(1);

        // ready at 0:03 and given to a, which never releases it; b's 5 s run out at 0:06
        clock.advance(Duration.ofSeconds(10));

        assertThat(events).containsExactly("a granted after 3000 ms (cold)", "b refused 503");
        assertThat(refusals.get(0).message()).contains("waited 5000 ms", "1 instance(s) all"
                + " busy");
        assertThat(refusals.get(0).field()).isEqualTo("activatorTimeout");
    }

    @Test
    @DisplayName("while the only instance is still starting, the 503 says so")
    void timeoutWhileStartingSaysSo() {
        FunctionSpec slow = spec;
        InstancePool slowPool = new InstancePool(slow, SimulatedInstance.kind(
                () -> Duration.ofMinutes(1).toNanos(), () -> 0).factory(slow, 1, null), clock,
                new WarmestFirst(), new FixedKeepAlive(), PoolListener.NONE);
        Activator waiting = Activator.attach("fn", slowPool, clock, 10, Duration.ofSeconds(5));
        waiting.submit(waiter("a"));
        slowPool.startIfNone();

        clock.advance(Duration.ofSeconds(6));

        assertThat(events).containsExactly("a refused 503");
        assertThat(refusals.get(0).message()).contains("1 instance(s) still starting");
    }
}
