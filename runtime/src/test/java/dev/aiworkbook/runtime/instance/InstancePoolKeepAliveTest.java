package dev.aiworkbook.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.scaling.FixedKeepAlive;
import dev.aiworkbook.runtime.time.Clock;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InstancePoolKeepAliveTest {

    private final CountingClock clock = new CountingClock(VirtualClock.atEpoch());
    private final InstancePool pool = new InstancePool(
            FunctionSpec.of("fn", "example.Handler").withKeepAlive(Duration.ofMinutes(10)),
            NoopInstance::new, clock, new WarmestFirst(), new FixedKeepAlive(),
            PoolListener.NONE);

    @Test
    @DisplayName("an idle instance is reclaimed one keep-alive after its release")
    void reclaimedOneKeepAliveAfterRelease() throws Exception {
        call();

        clock.advance(Duration.ofMinutes(10));

        assertThat(pool.instances()).as("instances after 10 idle minutes").isEmpty();
    }

    @Test
    @DisplayName("an instance used again is kept a full keep-alive after its last use")
    void usedAgainIsKeptFromItsLastUse() throws Exception {
        call();
        clock.advance(Duration.ofMinutes(5));
        call();

        // the first timer fires at 0:10, finds 5 minutes left and waits for them
        clock.advance(Duration.ofMinutes(5));
        assertThat(pool.instances()).as("instances at 0:10").hasSize(1);
        clock.advance(Duration.ofMinutes(5));

        assertThat(pool.instances()).as("instances at 0:15").isEmpty();
    }

    @Test
    @DisplayName("an instance busy when its timer fires is kept, and timed again on release")
    void busyWhenTimerFiresIsKept() throws Exception {
        call();
        clock.advance(Duration.ofMinutes(5));
        InstancePool.Lease busy = pool.acquire().orElseThrow();

        // busy through 0:10, when the first timer fires; released at 0:12
        clock.advance(Duration.ofMinutes(7));
        pool.release(busy, false);
        clock.advance(Duration.ofMinutes(9));
        assertThat(pool.instances()).as("instances at 0:21").hasSize(1);
        clock.advance(Duration.ofMinutes(1));

        assertThat(pool.instances()).as("instances at 0:22").isEmpty();
    }

    @Test
    @DisplayName("warm calls arm no timer of their own: one per idle spell at most")
    void warmCallsArmNoTimers() throws Exception {
        call();
        int afterFirstCall = clock.scheduled;

        for (int i = 0; i < 1_000; i++) call();

        assertThat(clock.scheduled).as("timers armed by 1,000 warm calls")
                .isEqualTo(afterFirstCall);
    }

    private void call() throws InitException {
        InstancePool.Lease lease = pool.acquire().orElseThrow();
        if (lease.coldStart()) pool.initialize(lease);
        pool.release(lease, false);
    }

    /** Counts the timers armed on a virtual clock. */
    private static final class CountingClock implements Clock {
        private final VirtualClock clock;
        private int scheduled;

        CountingClock(VirtualClock clock) {
            this.clock = clock;
        }

        @Override
        public Instant now() {
            return clock.now();
        }

        @Override
        public Timer schedule(Duration delay, Runnable task) {
            scheduled++;
            return clock.schedule(delay, task);
        }

        void advance(Duration step) {
            clock.advance(step);
        }
    }

    /** An instance that does nothing, instantly. */
    private record NoopInstance(String id) implements FunctionInstance {
        @Override
        public Duration initialize() {
            return Duration.ZERO;
        }

        @Override
        public InvocationOutcome invoke(InvocationRequest context, byte[] payload) {
            return new InvocationOutcome(InvocationOutcome.Kind.SUCCESS, payload, Duration.ZERO,
                    1);
        }

        @Override
        public void close() {
        }
    }
}
