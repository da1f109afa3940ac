// Graded test of exercise ex02b: read-only. Change Placement, not this file.
package dev.aiworkbook.exercises.ch02;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiworkbook.runtime.instance.InstanceState;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.StartDecision;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades exercise ex02b of chapter 02, {@link Placement}; the tests run easiest first. */
@Tag("ex02b")
@DisplayName("ex02b: cold or warm start")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex02bPlacementTest {

    private static final Instant T0 = Instant.parse("2025-01-06T12:00:00Z");
    private static final int ONE_AT_A_TIME = 1;
    private static final int ROOMY_POOL = 10;

    private final Placement policy = new Placement();

    @Test
    @Order(1)
    @DisplayName("the first invocation of a function is a cold start")
    void firstInvocationIsAColdStart() {
        StartDecision decision = policy.place(List.of(), ONE_AT_A_TIME, ROOMY_POOL);

        assertThat(decision).isEqualTo(StartDecision.cold());
    }

    @Test
    @Order(2)
    @DisplayName("an idle instance gets a warm start")
    void anIdleInstanceGetsAWarmStart() {
        var instances = List.of(idle("a", T0));

        StartDecision decision = policy.place(instances, ONE_AT_A_TIME, ROOMY_POOL);

        assertThat(decision).isEqualTo(StartDecision.warm("a"));
    }

    @Test
    @Order(3)
    @DisplayName("a busy instance with no free slot means a cold start")
    void aFullInstanceMeansAColdStart() {
        var instances = List.of(busy("a", 1, T0));

        StartDecision decision = policy.place(instances, ONE_AT_A_TIME, ROOMY_POOL);

        assertThat(decision).isEqualTo(StartDecision.cold());
    }

    @Test
    @Order(4)
    @DisplayName("a busy instance with a free slot is reused, even when the pool is full")
    void aBusyInstanceWithAFreeSlotIsReused() {
        // Serving 1 of 2: one slot is free, so neither a new instance nor a refusal.
        var instances = List.of(busy("a", 1, T0));

        StartDecision inFullPool = policy.place(instances, 2, 1);
        StartDecision inRoomyPool = policy.place(instances, 2, ROOMY_POOL);

        assertThat(inFullPool).isEqualTo(StartDecision.warm("a"));
        assertThat(inRoomyPool).isEqualTo(StartDecision.warm("a"));
    }

    @Test
    @Order(5)
    @DisplayName("an instance serving exactly maxConcurrency invocations has no free slot")
    void theConcurrencyLimitIsExclusive() {
        var atLimit = List.of(busy("a", 3, T0));
        var belowLimit = List.of(busy("a", 2, T0));

        StartDecision whenFull = policy.place(atLimit, 3, ROOMY_POOL);
        StartDecision whenNot = policy.place(belowLimit, 3, ROOMY_POOL);

        assertThat(whenFull).isEqualTo(StartDecision.cold());
        assertThat(whenNot).isEqualTo(StartDecision.warm("a"));
    }

    @Test
    @Order(6)
    @DisplayName("of several idle instances, the most recently used wins")
    void theMostRecentlyUsedInstanceWins() {
        // Used at T0, T0+5s and T0+2s: the one used at T0+5s is the warmest.
        var instances = List.of(idle("a", T0), idle("b", T0.plusSeconds(5)),
                idle("c", T0.plusSeconds(2)));

        StartDecision decision = policy.place(instances, ONE_AT_A_TIME, ROOMY_POOL);

        assertThat(decision).isEqualTo(StartDecision.warm("b"));
    }

    @Test
    @Order(7)
    @DisplayName("when two instances were used at the same instant, the one listed first wins")
    void aTieGoesToTheInstanceListedFirst() {
        var instances = List.of(idle("a", T0), idle("b", T0.plusSeconds(1)),
                idle("c", T0.plusSeconds(1)));

        StartDecision decision = policy.place(instances, ONE_AT_A_TIME, ROOMY_POOL);

        assertThat(decision).isEqualTo(StartDecision.warm("b"));
    }

    @Test
    @Order(8)
    @DisplayName("a busy instance with a free slot beats an idle one used longer ago")
    void aRecentBusyInstanceBeatsAnOlderIdleOne() {
        // The idle one last worked at T0; the busy one took an invocation at T0+3s.
        var instances = List.of(idle("idle", T0), busy("busy", 1, T0.plusSeconds(3)));

        StartDecision decision = policy.place(instances, 4, ROOMY_POOL);

        assertThat(decision).isEqualTo(StartDecision.warm("busy"));
    }

    @Test
    @Order(9)
    @DisplayName("an instance still initialising is never chosen for a warm start")
    void anInitialisingInstanceIsNotWarm() {
        var instances = List.of(initializing("a", T0.plusSeconds(9)));

        StartDecision decision = policy.place(instances, 4, ROOMY_POOL);

        assertThat(decision).isEqualTo(StartDecision.cold());
    }

    @Test
    @Order(10)
    @DisplayName("an instance still initialising counts toward maxInstances")
    void anInitialisingInstanceCountsTowardTheLimit() {
        var instances = List.of(initializing("a", T0));

        StartDecision decision = policy.place(instances, 4, 1);

        assertThat(decision).isEqualTo(StartDecision.throttle());
    }

    @Test
    @Order(11)
    @DisplayName("a full pool of full instances throttles; one more allowed instance starts cold")
    void aFullPoolThrottles() {
        var instances = List.of(busy("a", 1, T0), busy("b", 1, T0.plusSeconds(1)));

        StartDecision atLimit = policy.place(instances, ONE_AT_A_TIME, 2);
        StartDecision belowLimit = policy.place(instances, ONE_AT_A_TIME, 3);

        assertThat(atLimit).isEqualTo(StartDecision.throttle());
        assertThat(belowLimit).isEqualTo(StartDecision.cold());
    }

    @Test
    @Order(12)
    @DisplayName("a pool allowed no instances throttles every invocation")
    void aPoolAllowedNoInstancesThrottles() {
        StartDecision decision = policy.place(List.of(), ONE_AT_A_TIME, 0);

        assertThat(decision).isEqualTo(StartDecision.throttle());
    }

    @Test
    @Order(13)
    @DisplayName("a reclaimed instance is neither chosen nor counted")
    void aReclaimedInstanceIsIgnored() {
        var instances = List.of(reclaimed("gone", T0.plusSeconds(30)));

        StartDecision decision = policy.place(instances, ONE_AT_A_TIME, 1);

        assertThat(decision).isEqualTo(StartDecision.cold());
    }

    @Test
    @Order(14)
    @DisplayName("a maxConcurrency below one is refused, naming maxConcurrency and its value")
    void refusesAConcurrencyBelowOne() {
        var zeroError = assertThrows(IllegalArgumentException.class,
                () -> policy.place(List.of(), 0, ROOMY_POOL));
        var negativeError = assertThrows(IllegalArgumentException.class,
                () -> policy.place(List.of(), -2, ROOMY_POOL));

        assertThat(zeroError).hasMessageContaining("maxConcurrency").hasMessageContaining("0");
        assertThat(negativeError).hasMessageContaining("maxConcurrency").hasMessageContaining("-2");
    }

    @Test
    @Order(15)
    @DisplayName("a negative maxInstances is refused, naming maxInstances and its value")
    void refusesNegativeMaxInstances() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> policy.place(List.of(), ONE_AT_A_TIME, -1));

        assertThat(error).hasMessageContaining("maxInstances").hasMessageContaining("-1");
    }

    private static InstanceView idle(String id, Instant lastUsed) {
        return new InstanceView(id, InstanceState.IDLE, 0, lastUsed, false);
    }

    private static InstanceView busy(String id, int inFlight, Instant lastUsed) {
        return new InstanceView(id, InstanceState.BUSY, inFlight, lastUsed, false);
    }

    private static InstanceView initializing(String id, Instant since) {
        return new InstanceView(id, InstanceState.INITIALIZING, 0, since, false);
    }

    private static InstanceView reclaimed(String id, Instant lastUsed) {
        return new InstanceView(id, InstanceState.RECLAIMED, 0, lastUsed, false);
    }
}
