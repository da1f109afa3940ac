// Graded test of exercise ex03a: read-only. Change PanicMode, not this file.
package dev.aiworkbook.exercises.ch03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiworkbook.runtime.scaling.PanicState;
import dev.aiworkbook.runtime.scaling.ScaleRule;
import dev.aiworkbook.runtime.scaling.ScalerSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades exercise ex03a of chapter 03, {@link PanicMode}; the tests run easiest first. */
@Tag("ex03a")
@DisplayName("ex03a: desired instances with panic mode")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex03aPanicModeTest {

    private static final Instant T0 = Instant.parse("2025-01-06T12:00:00Z");
    /** Target 1, utilisation 0.7, stable window 60 s: Knative's defaults. */
    private static final ScalerSettings KNATIVE = ScalerSettings.knativeDefaults(1);

    private final PanicMode rule = new PanicMode();

    @Test
    @Order(1)
    @DisplayName("no traffic and no instances: nothing desired, calm")
    void nothingWithoutTraffic() {
        ScaleRule.Tick tick = rule.decide(T0, 0, 0, 0, KNATIVE, PanicState.CALM);

        assertThat(tick.desiredInstances()).isZero();
        assertThat(tick.next().isPanicking()).as("panicking").isFalse();
    }

    @Test
    @Order(2)
    @DisplayName("calm: the stable window's average over target times utilisation, rounded up")
    void calmFollowsTheStableWindow() {
        // 2.8 / 0.7 = 4 instances; the panic window asks for the same, 1x the ready ones
        ScaleRule.Tick tick = rule.decide(T0, 2.8, 2.8, 4, KNATIVE, PanicState.CALM);

        assertThat(tick.desiredInstances()).isEqualTo(4);
        assertThat(tick.next()).isEqualTo(PanicState.CALM);
    }

    @Test
    @Order(3)
    @DisplayName("scale-down is at most half the ready instances per tick")
    void scaleDownIsLimited() {
        // the stable window wants 1 of 10 ready, but at most 5 may go this tick
        ScaleRule.Tick tick = rule.decide(T0, 0.5, 0.5, 10, KNATIVE, PanicState.CALM);

        assertThat(tick.desiredInstances()).isEqualTo(5);
    }

    @Test
    @Order(4)
    @DisplayName("a burst in the panic window starts panic and follows the short window")
    void burstStartsPanic() {
        // panic wish ceil(10 / 0.7) = 15 is 7.5x the 2 ready: panic, desired 15
        ScaleRule.Tick tick = rule.decide(T0, 1, 10, 2, KNATIVE, PanicState.CALM);

        assertThat(tick.desiredInstances()).isEqualTo(15);
        assertThat(tick.next()).isEqualTo(PanicState.panicking(T0, 15));
    }

    @Test
    @Order(5)
    @DisplayName("while panicking it never scales down, even when the short window drops")
    void panicNeverScalesDown() {
        PanicState panicking = PanicState.panicking(T0, 15);

        // 10 s later the burst is over: the windows ask for little, but panic holds 15
        ScaleRule.Tick tick = rule.decide(T0.plusSeconds(10), 1, 1, 15, KNATIVE, panicking);

        assertThat(tick.desiredInstances()).isEqualTo(15);
        assertThat(tick.next().isPanicking()).as("still panicking").isTrue();
    }

    @Test
    @Order(6)
    @DisplayName("panic ends a whole stable window after the last tick over the threshold")
    void panicEndsAfterAStableWindow() {
        PanicState panicking = PanicState.panicking(T0, 15);

        ScaleRule.Tick before = rule.decide(T0.plusSeconds(59), 1, 1, 15, KNATIVE, panicking);
        ScaleRule.Tick after = rule.decide(T0.plusSeconds(60), 1, 1, 15, KNATIVE, panicking);

        assertThat(before.next().isPanicking()).as("panicking at 59 s").isTrue();
        assertThat(after.next()).as("state at 60 s").isEqualTo(PanicState.CALM);
        // calm again: stable wish 2, but at most half of 15 may go: floor(15 / 2) = 7
        assertThat(after.desiredInstances()).isEqualTo(7);
    }

    @Test
    @Order(7)
    @DisplayName("scale-up is at most maxScaleUpRate times the ready instances")
    void scaleUpIsLimited() {
        ScalerSettings slow = new ScalerSettings(1, 0.7, Duration.ofSeconds(60), 10, 2.0, 3, 2,
                Duration.ofSeconds(30));

        // panic wish ceil(100 / 0.7) = 143, but 2 ready may grow to 3 x 2 = 6 this tick
        ScaleRule.Tick tick = rule.decide(T0, 100, 100, 2, slow, PanicState.CALM);

        assertThat(tick.desiredInstances()).isEqualTo(6);
        assertThat(tick.next().isPanicking()).as("6 / 2 = 3x the ready: panicking").isTrue();
    }

    @Test
    @Order(8)
    @DisplayName("a negative average or ready count is refused, naming it")
    void negativeInputRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> rule.decide(T0, 1, 1, -3, KNATIVE, PanicState.CALM));

        assertThat(e.getMessage()).contains("readyInstances").contains("-3");
    }
}
