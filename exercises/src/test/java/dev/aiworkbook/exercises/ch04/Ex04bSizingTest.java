// Graded test of exercise ex04b: read-only. Change Sizing, not this file.
package dev.aiworkbook.exercises.ch04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades exercise ex04b of chapter 04, {@link Sizing}; the tests run easiest first. */
@Tag("ex04b")
@DisplayName("ex04b: sizing with Little's law")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex04bSizingTest {

    private final Sizing sizing = new Sizing();

    @Test
    @Order(1)
    @DisplayName("no traffic, nothing in flight and no instances")
    void noLoad() {
        assertThat(sizing.meanInFlight(0, Duration.ofMillis(200))).isEqualTo(0);
        assertThat(sizing.instancesFor(0, Duration.ofMillis(200), 1, 0.7)).isEqualTo(0);
    }

    @Test
    @Order(2)
    @DisplayName("50 calls a second of 200 ms keep 10 in flight")
    void littlesLaw() {
        assertThat(sizing.meanInFlight(50, Duration.ofMillis(200))).isCloseTo(10, within(1e-9));
    }

    @Test
    @Order(3)
    @DisplayName("durations below a millisecond count: 1,000/s of 0.5 ms keep 0.5 in flight")
    void subMillisecondDurations() {
        assertThat(sizing.meanInFlight(1000, Duration.ofNanos(500_000)))
                .isCloseTo(0.5, within(1e-9));
    }

    @Test
    @Order(4)
    @DisplayName("at full utilisation, concurrency 1: one instance per invocation in flight")
    void fullUtilisation() {
        assertThat(sizing.instancesFor(50, Duration.ofMillis(200), 1, 1.0)).isEqualTo(10);
    }

    @Test
    @Order(5)
    @DisplayName("70% utilisation: 35/s x 200 ms needs 10 instances, 36/s needs 11")
    void sizesWithHeadroom() {
        assertThat(sizing.instancesFor(35, Duration.ofMillis(200), 1, 0.7)).isEqualTo(10);
        assertThat(sizing.instancesFor(36, Duration.ofMillis(200), 1, 0.7)).isEqualTo(11);
    }

    @Test
    @Order(6)
    @DisplayName("concurrency per instance divides: 50/s x 200 ms at 8 per instance, 70%: 2")
    void concurrencyDivides() {
        assertThat(sizing.instancesFor(50, Duration.ofMillis(200), 8, 0.7)).isEqualTo(2);
    }

    @Test
    @Order(7)
    @DisplayName("a trickle still needs one instance")
    void trickleNeedsOne() {
        assertThat(sizing.instancesFor(0.01, Duration.ofMillis(100), 1, 0.7)).isEqualTo(1);
    }

    @Test
    @Order(8)
    @DisplayName("a negative or NaN rate is refused, naming ratePerSecond and its value")
    void refusesBadRates() {
        var negative = assertThrows(IllegalArgumentException.class,
                () -> sizing.meanInFlight(-2, Duration.ofMillis(100)));
        var nan = assertThrows(IllegalArgumentException.class,
                () -> sizing.instancesFor(Double.NaN, Duration.ofMillis(100), 1, 0.7));

        assertThat(negative).hasMessageContaining("ratePerSecond").hasMessageContaining("-2");
        assertThat(nan).hasMessageContaining("ratePerSecond").hasMessageContaining("NaN");
    }

    @Test
    @Order(9)
    @DisplayName("a negative duration, a concurrency of 0 and a utilisation of 1.5 are refused")
    void refusesBadSizes() {
        var duration = assertThrows(IllegalArgumentException.class,
                () -> sizing.meanInFlight(1, Duration.ofMillis(-5)));
        var concurrency = assertThrows(IllegalArgumentException.class,
                () -> sizing.instancesFor(1, Duration.ofMillis(5), 0, 0.7));
        var utilization = assertThrows(IllegalArgumentException.class,
                () -> sizing.instancesFor(1, Duration.ofMillis(5), 1, 1.5));

        assertThat(duration).hasMessageContaining("meanDuration").hasMessageContaining("PT-0.005S");
        assertThat(concurrency).hasMessageContaining("concurrency").hasMessageContaining("0");
        assertThat(utilization).hasMessageContaining("utilization").hasMessageContaining("1.5");
    }
}
