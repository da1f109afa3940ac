package dev.aiworkbook.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    @Test
    @DisplayName("time moves only when advanced")
    void timeMovesOnlyWhenAdvanced() {
        VirtualClock clock = new VirtualClock(Instant.parse("2024-01-01T00:00:00Z"));

        clock.advance(Duration.ofMinutes(10));

        assertThat(clock.now()).isEqualTo(Instant.parse("2024-01-01T00:10:00Z"));
        assertThat(clock.elapsedNanos()).isEqualTo(Duration.ofMinutes(10).toNanos());
    }

    @Test
    @DisplayName("timers run in time order, ties in the order they were scheduled")
    void timersRunInOrder() {
        VirtualClock clock = VirtualClock.atEpoch();
        List<String> ran = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(3), () -> ran.add("c@" + clock.elapsedNanos()));
        clock.schedule(Duration.ofSeconds(1), () -> ran.add("a@" + clock.elapsedNanos()));
        clock.schedule(Duration.ofSeconds(1), () -> ran.add("b@" + clock.elapsedNanos()));

        clock.advance(Duration.ofSeconds(5));

        assertThat(ran).containsExactly("a@1000000000", "b@1000000000", "c@3000000000");
        assertThat(clock.pendingTimers()).isZero();
    }

    @Test
    @DisplayName("a timer scheduled by a running timer runs in the same advance if due")
    void nestedTimersRunIfDue() {
        VirtualClock clock = VirtualClock.atEpoch();
        List<Long> ran = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(1), () -> clock.schedule(Duration.ofSeconds(1),
                () -> ran.add(clock.elapsedNanos())));
        clock.schedule(Duration.ofSeconds(1), () -> clock.schedule(Duration.ofSeconds(9),
                () -> ran.add(clock.elapsedNanos())));

        clock.advance(Duration.ofSeconds(5));

        assertThat(ran).containsExactly(2_000_000_000L);
        assertThat(clock.pendingTimers()).isEqualTo(1);
        assertThat(clock.now()).isEqualTo(Instant.EPOCH.plusSeconds(5));
    }

    @Test
    @DisplayName("a cancelled timer never runs and leaves nothing waiting")
    void cancelledTimerNeverRuns() {
        VirtualClock clock = VirtualClock.atEpoch();
        List<String> ran = new ArrayList<>();
        Clock.Timer first = clock.schedule(Duration.ofSeconds(1), () -> ran.add("first"));
        clock.schedule(Duration.ofSeconds(2), () -> ran.add("second"));

        assertThat(first.cancel()).isTrue();
        assertThat(first.cancel()).isFalse();
        assertThat(clock.pendingTimers()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(3));

        assertThat(ran).containsExactly("second");
    }

    @Test
    @DisplayName("many random timers and cancels still run in order (heap invariant)")
    void randomTimersRunInOrder() {
        for (int round = 0; round < 20; round++) {
            VirtualClock clock = VirtualClock.atEpoch();
            SplittableRandom random = new SplittableRandom(round);
            List<Long> ran = new ArrayList<>();
            List<Clock.Timer> timers = new ArrayList<>();
            int expected = 0;
            for (int i = 0; i < 2000; i++) {
                long at = random.nextLong(1_000_000);
                timers.add(clock.scheduleAt(at, () -> ran.add(clock.elapsedNanos())));
            }
            for (int i = 0; i < timers.size(); i++) {
                if (random.nextInt(3) == 0) timers.get(i).cancel();
                else expected++;
            }

            clock.advanceToNanos(1_000_000);

            assertThat(ran).hasSize(expected).isSorted();
        }
    }

    @Test
    @DisplayName("a past instant runs due timers but time never goes back")
    void timeNeverGoesBack() {
        VirtualClock clock = VirtualClock.atEpoch();
        clock.advance(Duration.ofSeconds(10));

        clock.advanceTo(Instant.EPOCH.plusSeconds(2));

        assertThat(clock.now()).isEqualTo(Instant.EPOCH.plusSeconds(10));
    }

    @Test
    @DisplayName("a negative step is refused with its value")
    void negativeStepIsRefused() {
        VirtualClock clock = VirtualClock.atEpoch();

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step").hasMessageContaining("-1");
    }
}
