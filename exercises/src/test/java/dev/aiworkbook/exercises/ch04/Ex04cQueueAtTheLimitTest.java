// Graded test of exercise ex04c: read-only. Change QueueAtTheLimit, not this file.
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

/** Grades exercise ex04c of chapter 04, {@link QueueAtTheLimit}; easiest first. */
@Tag("ex04c")
@DisplayName("ex04c: queueing at the instance limit (Erlang C)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex04cQueueAtTheLimitTest {

    private final QueueAtTheLimit queue = new QueueAtTheLimit();

    @Test
    @Order(1)
    @DisplayName("with no load nobody waits")
    void noLoad() {
        assertThat(queue.probabilityOfWaiting(3, 0)).isEqualTo(0);
    }

    @Test
    @Order(2)
    @DisplayName("one instance at half load: P(wait) is the utilisation, 0.5")
    void oneInstance() {
        assertThat(queue.probabilityOfWaiting(1, 0.5)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    @Order(3)
    @DisplayName("2 instances, 1 erlang: P(wait) = 1/3")
    void twoInstancesOneErlang() {
        assertThat(queue.probabilityOfWaiting(2, 1)).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    @Order(4)
    @DisplayName("agrees with Erlang C tables: 10 at 8 erlangs 0.4092, 12 at 10 erlangs 0.4494")
    void tables() {
        assertThat(queue.probabilityOfWaiting(10, 8)).isCloseTo(0.4092, within(5e-5));
        assertThat(queue.probabilityOfWaiting(12, 10)).isCloseTo(0.4494, within(5e-5));
        assertThat(queue.probabilityOfWaiting(100, 90)).isCloseTo(0.2169, within(5e-5));
    }

    @Test
    @Order(5)
    @DisplayName("stays finite for 2,000 instances, where a^c / c! would overflow")
    void largeInstanceCounts() {
        double p = queue.probabilityOfWaiting(2000, 1950);

        assertThat(p).isBetween(0.0, 1.0).isNotNaN();
    }

    @Test
    @Order(6)
    @DisplayName("the mean wait: 2 instances, 1 call a second of 1 s, waits 1/3 s")
    void meanWait() {
        assertThat(queue.meanWait(2, 1, Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofNanos(333_333_333));
        // 10 instances, 8/s of 1 s: 0.40918 x 1 / 2 = 0.2046 s
        assertThat(queue.meanWait(10, 8, Duration.ofSeconds(1)).toNanos() / 1e9)
                .isCloseTo(0.2046, within(1e-4));
    }

    @Test
    @Order(7)
    @DisplayName("a load at or above the instances is refused, naming offeredLoad and its value")
    void refusesUnstableLoad() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> queue.probabilityOfWaiting(4, 4.5));

        assertThat(error).hasMessageContaining("offeredLoad").hasMessageContaining("4.5");
    }

    @Test
    @Order(8)
    @DisplayName("no instances, or no duration, is refused with the parameter and its value")
    void refusesBadArguments() {
        var instances = assertThrows(IllegalArgumentException.class,
                () -> queue.probabilityOfWaiting(0, 0.5));
        var duration = assertThrows(IllegalArgumentException.class,
                () -> queue.meanWait(2, 1, Duration.ZERO));
        var rate = assertThrows(IllegalArgumentException.class,
                () -> queue.meanWait(2, 3, Duration.ofSeconds(1)));

        assertThat(instances).hasMessageContaining("instances").hasMessageContaining("0");
        assertThat(duration).hasMessageContaining("meanDuration").hasMessageContaining("PT0S");
        assertThat(rate).hasMessageContaining("ratePerSecond").hasMessageContaining("3");
    }
}
