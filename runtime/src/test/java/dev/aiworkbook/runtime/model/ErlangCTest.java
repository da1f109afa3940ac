package dev.aiworkbook.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangCTest {

    @Test
    @DisplayName("2 instances at 1 erlang: B = 1/5, P(wait) = 1/3")
    void workedExample() {
        assertThat(ErlangC.erlangB(2, 1)).isCloseTo(0.2, within(1e-12));
        assertThat(ErlangC.probabilityOfWaiting(2, 1)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(ErlangC.meanWait(2, 1, Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofNanos(333_333_333));
    }

    @ParameterizedTest(name = "c = {0}, a = {1}: P(wait) = {2}")
    @CsvSource({
        "1,   0.5, 0.5",
        "5,   4,   0.5541",
        "10,  8,   0.4092",
        "12,  10,  0.4494",
        "100, 90,  0.2169",
    })
    @DisplayName("agrees with Erlang C tables")
    void tables(int instances, double load, double expected) {
        assertThat(ErlangC.probabilityOfWaiting(instances, load))
                .isCloseTo(expected, within(5e-5));
    }

    @Test
    @DisplayName("the recurrence agrees with the textbook sum of a^k / k!")
    void agreesWithTheDirectFormula() {
        for (int c = 1; c <= 30; c++) {
            for (double a = 0.25; a < c; a += 0.75) {
                assertThat(ErlangC.probabilityOfWaiting(c, a)).as("c=%d a=%.2f", c, a)
                        .isCloseTo(direct(c, a), within(1e-9));
            }
        }
    }

    @Test
    @DisplayName("thousands of instances stay finite, where a^c and c! would overflow")
    void stableForLargeC() {
        double p = ErlangC.probabilityOfWaiting(5000, 4900);

        assertThat(p).isBetween(0.0, 1.0);
        assertThat(ErlangC.erlangB(5000, 4900)).isBetween(0.0, 1.0);
    }

    @Test
    @DisplayName("instances for a target: the fewest with P(wait) at or below it")
    void instancesFor() {
        int c = ErlangC.instancesFor(10, 0.2);

        assertThat(ErlangC.probabilityOfWaiting(c, 10)).isLessThanOrEqualTo(0.2);
        assertThat(ErlangC.probabilityOfWaiting(c - 1, 10)).isGreaterThan(0.2);
        assertThat(c).isEqualTo(14);
    }

    @Test
    @DisplayName("a load at or above the instances is refused: the queue would grow forever")
    void refusesUnstableLoad() {
        assertThatThrownBy(() -> ErlangC.probabilityOfWaiting(4, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offeredLoad").hasMessageContaining("4.0")
                .hasMessageContaining("below instances (4)");
        assertThatThrownBy(() -> ErlangC.erlangB(0, 1))
                .hasMessageContaining("instances").hasMessageContaining("0");
        assertThatThrownBy(() -> ErlangC.meanWait(2, 1, Duration.ZERO))
                .hasMessageContaining("meanDuration").hasMessageContaining("PT0S");
    }

    private static double direct(int c, double a) {
        double sum = 0;
        double term = 1;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double top = term * c / (c - a);
        return top / (sum + top);
    }
}
