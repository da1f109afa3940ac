// Graded test of exercise ex02a: read-only. Change KeepAlive, not this file.
package dev.aiworkbook.exercises.ch02;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiworkbook.runtime.instance.InstanceState;
import dev.aiworkbook.runtime.instance.InstanceView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades exercise ex02a of chapter 02, {@link KeepAlive}; the tests run easiest first. */
@Tag("ex02a")
@DisplayName("ex02a: the keep-alive reclaim decision")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex02aKeepAliveTest {

    private static final Instant T0 = Instant.parse("2025-01-06T12:00:00Z");
    private static final Duration KEEP_ALIVE = Duration.ofMinutes(10);
    private static final int NO_MINIMUM = 0;

    private final KeepAlive policy = new KeepAlive();

    @Test
    @Order(1)
    @DisplayName("with no instances there is nothing to reclaim")
    void nothingToReclaimWithoutInstances() {
        List<String> reclaimed = policy.reclaimable(List.of(), T0, KEEP_ALIVE, NO_MINIMUM);

        assertThat(reclaimed).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("an instance idle for less than the keep-alive stays")
    void idleWithinTheKeepAliveStays() {
        // Last used at T0; five minutes later it is still warm.
        var instances = List.of(idle("a", T0));

        List<String> reclaimed = policy.reclaimable(instances, T0.plus(minutes(5)), KEEP_ALIVE,
                NO_MINIMUM);

        assertThat(reclaimed).isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("an instance idle for longer than the keep-alive is reclaimed")
    void idlePastTheKeepAliveIsReclaimed() {
        // Last used at T0; at T0+11min the 10 min keep-alive has expired: instance reclaimed.
        var instances = List.of(idle("a", T0));

        List<String> reclaimed = policy.reclaimable(instances, T0.plus(minutes(11)), KEEP_ALIVE,
                NO_MINIMUM);

        assertThat(reclaimed).containsExactly("a");
    }

    @Test
    @Order(4)
    @DisplayName("idle for exactly the keep-alive is enough; one nanosecond less is not")
    void theKeepAliveBoundaryIsInclusive() {
        var instances = List.of(idle("a", T0));
        Instant expiry = T0.plus(KEEP_ALIVE);

        // One nanosecond before T0+10min the instance is still kept.
        List<String> justBefore = policy.reclaimable(instances, expiry.minusNanos(1), KEEP_ALIVE,
                NO_MINIMUM);
        // At T0+10min exactly the keep-alive expires: instance reclaimed.
        List<String> atExpiry = policy.reclaimable(instances, expiry, KEEP_ALIVE, NO_MINIMUM);

        assertThat(justBefore).isEmpty();
        assertThat(atExpiry).containsExactly("a");
    }

    @Test
    @Order(5)
    @DisplayName("a busy instance is never reclaimed, however long ago its invocation began")
    void aBusyInstanceIsNeverReclaimed() {
        // Its one invocation started at T0 and is still running an hour later.
        var instances = List.of(busy("a", T0));

        List<String> reclaimed = policy.reclaimable(instances, T0.plus(minutes(60)), KEEP_ALIVE,
                NO_MINIMUM);

        assertThat(reclaimed).isEmpty();
    }

    @Test
    @Order(6)
    @DisplayName("an instance still initialising is never reclaimed")
    void anInitialisingInstanceIsNeverReclaimed() {
        // Its initialisation began at T0 and has not finished half an hour later.
        var instances = List.of(initializing("a", T0));

        List<String> reclaimed = policy.reclaimable(instances, T0.plus(minutes(30)), KEEP_ALIVE,
                NO_MINIMUM);

        assertThat(reclaimed).isEmpty();
    }

    @Test
    @Order(7)
    @DisplayName("a keep-alive of zero reclaims an idle instance at once")
    void aZeroKeepAliveReclaimsAtOnce() {
        // Finished its invocation at T0; with no keep-alive it goes at T0 itself.
        var instances = List.of(idle("a", T0));

        List<String> reclaimed = policy.reclaimable(instances, T0, Duration.ZERO, NO_MINIMUM);

        assertThat(reclaimed).containsExactly("a");
    }

    @Test
    @Order(8)
    @DisplayName("expired instances are listed oldest first")
    void expiredInstancesComeOldestFirst() {
        // Used at T0+2min, T0 and T0+1min; at T0+15min all three have expired.
        var instances = List.of(idle("b", T0.plus(minutes(2))), idle("c", T0),
                idle("a", T0.plus(minutes(1))));

        List<String> reclaimed = policy.reclaimable(instances, T0.plus(minutes(15)), KEEP_ALIVE,
                NO_MINIMUM);

        assertThat(reclaimed).containsExactly("c", "a", "b");
    }

    @Test
    @Order(9)
    @DisplayName("the minimum keeps the most recently used of the expired instances")
    void theMinimumKeepsTheMostRecentlyUsed() {
        // Used at T0 and T0+1min; at T0+12min both have expired, but one must stay.
        var instances = List.of(idle("newer", T0.plus(minutes(1))), idle("older", T0));

        List<String> reclaimed = policy.reclaimable(instances, T0.plus(minutes(12)), KEEP_ALIVE,
                1);

        assertThat(reclaimed).containsExactly("older");
    }

    @Test
    @Order(10)
    @DisplayName("busy instances count toward the minimum")
    void minimumCountsBusyInstancesToo() {
        // The busy one alone meets a minimum of 1, so the expired idle one can go.
        var instances = List.of(busy("busy", T0.plus(minutes(11))), idle("idle", T0));

        List<String> reclaimed = policy.reclaimable(instances, T0.plus(minutes(12)), KEEP_ALIVE,
                1);

        assertThat(reclaimed).containsExactly("idle");
    }

    @Test
    @Order(11)
    @DisplayName("initialising instances count toward the minimum")
    void minimumCountsInitialisingInstancesToo() {
        // Two expired idle instances and one initialising; a minimum of 2 lets one idle go.
        var instances = List.of(idle("older", T0), initializing("new", T0.plus(minutes(11))),
                idle("newer", T0.plus(minutes(1))));

        List<String> reclaimed = policy.reclaimable(instances, T0.plus(minutes(12)), KEEP_ALIVE,
                2);

        assertThat(reclaimed).containsExactly("older");
    }

    @Test
    @Order(12)
    @DisplayName("a minimum above the number of instances reclaims nothing")
    void aMinimumAboveThePoolSizeReclaimsNothing() {
        // Both expired long ago, but three must stay and there are only two.
        var instances = List.of(idle("a", T0), idle("b", T0));

        List<String> reclaimed = policy.reclaimable(instances, T0.plus(minutes(60)), KEEP_ALIVE,
                3);

        assertThat(reclaimed).isEmpty();
    }

    @Test
    @Order(13)
    @DisplayName("after a burst, the pool shrinks back to what is still needed")
    void aPoolShrinksBackAfterABurst() {
        // A burst at T0..T0+3min grew the pool to four instances; one is still busy.
        var instances = List.of(
                idle("i1", T0),
                idle("i2", T0.plus(minutes(1))),
                idle("i3", T0.plus(minutes(2))),
                busy("i4", T0.plus(minutes(3))),
                idle("i5", T0.plus(minutes(9))));
        Instant now = T0.plus(minutes(12));

        List<String> reclaimed = policy.reclaimable(instances, now, KEEP_ALIVE, 1);

        // At T0+12min: i1, i2 and i3 have idled 12, 11 and exactly 10 min: all expired. i5 has
        // idled 3 min and stays; the busy i4 meets the minimum on its own.
        assertThat(reclaimed).containsExactly("i1", "i2", "i3");
    }

    @Test
    @Order(14)
    @DisplayName("a provisioned instance is never reclaimed, however long it idles")
    void provisionedInstancesStay() {
        var instances = List.of(
                provisioned("p1", T0),
                idle("i2", T0.plus(minutes(1))));
        Instant now = T0.plus(minutes(60));

        List<String> reclaimed = policy.reclaimable(instances, now, KEEP_ALIVE, 1);

        // Both idled far past the keep-alive; p1 is paid for to stay warm, i2 is on demand.
        assertThat(reclaimed).containsExactly("i2");
    }

    @Test
    @Order(15)
    @DisplayName("a negative keep-alive is refused, naming keepAlive and its value")
    void refusesANegativeKeepAlive() {
        Duration negative = Duration.ofSeconds(-30);

        var error = assertThrows(IllegalArgumentException.class,
                () -> policy.reclaimable(List.of(), T0, negative, NO_MINIMUM));

        assertThat(error)
                .hasMessageContaining("keepAlive")
                .hasMessageContaining(negative.toString());
    }

    @Test
    @Order(16)
    @DisplayName("a negative minimum is refused, naming minInstances and its value")
    void refusesANegativeMinimum() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> policy.reclaimable(List.of(), T0, KEEP_ALIVE, -2));

        assertThat(error).hasMessageContaining("minInstances").hasMessageContaining("-2");
    }

    private static Duration minutes(long count) {
        return Duration.ofMinutes(count);
    }

    private static InstanceView idle(String id, Instant lastUsed) {
        return new InstanceView(id, InstanceState.IDLE, 0, lastUsed, false);
    }

    private static InstanceView provisioned(String id, Instant lastUsed) {
        return new InstanceView(id, InstanceState.IDLE, 0, lastUsed, true);
    }

    private static InstanceView busy(String id, Instant lastUsed) {
        return new InstanceView(id, InstanceState.BUSY, 1, lastUsed, false);
    }

    private static InstanceView initializing(String id, Instant since) {
        return new InstanceView(id, InstanceState.INITIALIZING, 0, since, false);
    }
}
