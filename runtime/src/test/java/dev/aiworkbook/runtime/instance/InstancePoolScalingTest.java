package dev.aiworkbook.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.scaling.FixedKeepAlive;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import dev.aiworkbook.runtime.scaling.KeepAliveWindows;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pool as an autoscaler drives it: start N, reclaim N, hand out freed slots, pre-warm. */
class InstancePoolScalingTest {

    private static final Duration INIT = Duration.ofSeconds(2);
    private final VirtualClock clock = VirtualClock.atEpoch();
    private final List<String> reclaimed = new ArrayList<>();
    private final PoolListener recorder = new PoolListener() {
        @Override
        public void reclaimed(String function, InstanceView instance, String reason) {
            reclaimed.add(reason);
        }
    };

    private InstancePool pool(FunctionSpec spec, KeepAlivePolicy policy) {
        return new InstancePool(spec, SimulatedInstance.kind(INIT::toNanos, () -> 1_000_000)
                .factory(spec, 1, null), clock, new WarmestFirst(), policy, recorder);
    }

    private InstancePool pool() {
        return pool(FunctionSpec.of("fn", "example.Handler").withMaxInstances(5),
                new FixedKeepAlive());
    }

    @Test
    @DisplayName("started instances become ready on the clock after their init time")
    void startedInstancesBecomeReadyAfterInit() {
        InstancePool pool = pool();
        int[] freed = {0};
        pool.onSlotFree(() -> freed[0]++);

        int started = pool.startInstances(3);
        assertThat(pool.startingInstances()).as("starting at once").isEqualTo(3);
        assertThat(pool.acquireWarm()).as("a warm slot before init ends").isEmpty();
        clock.advance(INIT);

        assertThat(started).isEqualTo(3);
        assertThat(pool.readyInstances()).as("ready after the init time").isEqualTo(3);
        assertThat(freed[0]).as("slot-free signals").isEqualTo(3);
    }

    @Test
    @DisplayName("starting stops at maxInstances")
    void startingStopsAtMaxInstances() {
        InstancePool pool = pool();

        int started = pool.startInstances(8);

        assertThat(started).as("started of 8 asked, max 5").isEqualTo(5);
        assertThat(pool.startIfNone()).as("a start from zero with 5 starting").isFalse();
    }

    @Test
    @DisplayName("scale-down reclaims idle instances, least recently used first, never busy ones")
    void reclaimIdleTakesOldestIdleFirst() {
        InstancePool pool = pool();
        pool.startInstances(3);
        clock.advance(INIT);
        InstancePool.Lease busy = pool.acquireWarm().orElseThrow();
        clock.advance(Duration.ofSeconds(1));
        InstancePool.Lease other = pool.acquireWarm().orElseThrow();
        pool.release(other, false);

        int count = pool.reclaimIdle(5);

        assertThat(count).as("reclaimed of the two idle").isEqualTo(2);
        assertThat(pool.instances()).extracting(InstanceView::id)
                .containsExactly(busy.instanceId());
        assertThat(reclaimed).containsExactly("scale-down", "scale-down");
    }

    @Test
    @DisplayName("the first invocation handed to a new instance after a wait is a cold start")
    void firstSlotOfANewInstanceIsCold() {
        InstancePool pool = pool();
        pool.startIfNone();
        clock.advance(INIT);

        InstancePool.Lease first = pool.takeFreeSlot().orElseThrow();
        pool.release(first, false);
        InstancePool.Lease second = pool.takeFreeSlot().orElseThrow();

        assertThat(first.coldStart()).as("first waiter's lease").isTrue();
        assertThat(first.needsInitialize()).as("already initialised").isFalse();
        assertThat(first.initDuration()).isEqualTo(INIT);
        assertThat(second.coldStart()).as("second lease on the same instance").isFalse();
    }

    @Test
    @DisplayName("a pre-warm window unloads at once and loads a fresh instance later")
    void prewarmUnloadsThenLoads() throws InitException {
        InstancePool pool = pool(FunctionSpec.of("fn", "example.Handler"),
                new PrewarmPolicy(Duration.ofMinutes(8), Duration.ofMinutes(4)));
        InstancePool.Lease lease = pool.acquire().orElseThrow();
        pool.initialize(lease);
        clock.advance(INIT);

        pool.release(lease, false);
        assertThat(pool.instances()).as("instances right after the call").isEmpty();
        clock.advance(Duration.ofMinutes(8).plus(INIT));
        assertThat(pool.readyInstances()).as("ready after pre-warm and init").isEqualTo(1);
        clock.advance(Duration.ofMinutes(4));

        assertThat(pool.instances()).as("after the keep-alive window").isEmpty();
        assertThat(reclaimed).containsExactly("prewarm", "keep-alive");
    }

    @Test
    @DisplayName("the warm path places like WarmestFirst on a random sequence of calls")
    void warmPathAgreesWithWarmestFirst() throws InitException {
        FunctionSpec spec = FunctionSpec.of("fn", "example.Handler").withMaxConcurrency(3)
                .withMaxInstances(4);
        InstanceFactory instant = SimulatedInstance.kind(() -> 0, () -> 0).factory(spec, 1, null);
        InstancePool fast = new InstancePool(spec, instant, clock, new WarmestFirst(),
                new FixedKeepAlive(), PoolListener.NONE);
        // The same rule, but as a policy the pool must ask with a list of views.
        InstancePool slow = new InstancePool(spec, instant, clock, (views, c, m) ->
                new WarmestFirst().place(views, c, m), new FixedKeepAlive(), PoolListener.NONE);
        SplittableRandom random = new SplittableRandom(7);
        List<InstancePool.Lease> fastHeld = new ArrayList<>();
        List<InstancePool.Lease> slowHeld = new ArrayList<>();

        for (int step = 0; step < 2_000; step++) {
            clock.advance(Duration.ofMillis(1));
            if (random.nextBoolean() || fastHeld.isEmpty()) {
                Admission a = fast.admit();
                Admission b = slow.admit();
                assertThat(describe(a)).as("step " + step).isEqualTo(describe(b));
                if (a instanceof InstancePool.Lease la) {
                    if (la.needsInitialize()) fast.initialize(la);
                    fastHeld.add(la);
                    InstancePool.Lease lb = (InstancePool.Lease) b;
                    if (lb.needsInitialize()) slow.initialize(lb);
                    slowHeld.add(lb);
                }
            } else {
                int i = random.nextInt(fastHeld.size());
                fast.release(fastHeld.remove(i), false);
                slow.release(slowHeld.remove(i), false);
            }
        }
    }

    @Test
    @DisplayName("a warm acquire and release allocates nothing")
    void warmPathAllocatesNothing() {
        InstancePool pool = pool();
        pool.startInstances(1);
        clock.advance(INIT);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < 20_000; i++) pool.release(pool.admit() instanceof
                InstancePool.Lease l ? l : null, false);

        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100_000; i++) {
            InstancePool.Lease lease = (InstancePool.Lease) pool.admit();
            pool.release(lease, false);
        }
        long bytes = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(bytes / 100_000.0).as("bytes allocated per warm call").isLessThan(1.0);
    }

    @Test
    @DisplayName("the in-flight integral averages concurrency between two readings")
    void inFlightIntegral() {
        InstancePool pool = pool();
        pool.startInstances(2);
        clock.advance(INIT);
        long start = pool.inFlightNanos();

        InstancePool.Lease a = pool.acquireWarm().orElseThrow();
        InstancePool.Lease b = pool.acquireWarm().orElseThrow();
        clock.advance(Duration.ofSeconds(1));
        pool.release(a, false);
        clock.advance(Duration.ofSeconds(1));
        pool.release(b, false);

        // two in flight for 1 s, then one for 1 s: 3 invocation-seconds
        assertThat(pool.inFlightNanos() - start).isEqualTo(3_000_000_000L);
    }

    private static String describe(Admission admission) {
        if (admission instanceof InstancePool.Lease lease) {
            return (lease.coldStart() ? "cold " : "warm ") + lease.instanceId();
        }
        return admission.toString();
    }

    /** Always asks for the given windows. */
    private record PrewarmPolicy(Duration prewarm, Duration keepAlive)
            implements KeepAlivePolicy {
        @Override
        public KeepAliveWindows windows(String function, Instant now, Duration configured) {
            return new KeepAliveWindows(prewarm, keepAlive);
        }

        @Override
        public List<String> reclaimable(List<InstanceView> instances, Instant now,
                Duration keepAlive, int minInstances) {
            return new FixedKeepAlive().reclaimable(instances, now, keepAlive, minInstances);
        }
    }
}
