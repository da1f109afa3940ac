package dev.aiworkbook.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LittlesLawTest {

    @Test
    @DisplayName("50 calls a second of 200 ms keep 10 in flight")
    void inFlight() {
        assertThat(LittlesLaw.meanInFlight(50, Duration.ofMillis(200)))
                .isCloseTo(10, within(1e-12));
    }

    @Test
    @DisplayName("busy instances divide by the concurrency per instance")
    void busyInstances() {
        assertThat(LittlesLaw.meanBusyInstances(50, Duration.ofMillis(200), 1))
                .isCloseTo(10, within(1e-12));
        assertThat(LittlesLaw.meanBusyInstances(50, Duration.ofMillis(200), 8))
                .isCloseTo(1.25, within(1e-12));
    }

    @ParameterizedTest(name = "{0}/s x {1} ms at concurrency {2}, utilisation {3}: {4}")
    @CsvSource({
        "0,    200, 1, 0.7, 0",
        "35,   200, 1, 0.7, 10",
        "36,   200, 1, 0.7, 11",
        "50,   200, 8, 0.7, 2",
        "1000, 50,  10, 1.0, 5",
    })
    @DisplayName("sizing: ceil(rate x duration / (concurrency x utilisation))")
    void sizing(double rate, long ms, int concurrency, double utilization, int expected) {
        assertThat(LittlesLaw.instancesFor(rate, Duration.ofMillis(ms), concurrency,
                utilization)).isEqualTo(expected);
    }

    @Test
    @DisplayName("bad input is refused, naming the field and the value")
    void refusesBadInput() {
        assertThatThrownBy(() -> LittlesLaw.meanInFlight(-1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratePerSecond").hasMessageContaining("-1");
        assertThatThrownBy(() -> LittlesLaw.meanInFlight(Double.NaN, Duration.ofSeconds(1)))
                .hasMessageContaining("ratePerSecond").hasMessageContaining("NaN");
        assertThatThrownBy(() -> LittlesLaw.meanInFlight(1, Duration.ofSeconds(-1)))
                .hasMessageContaining("meanDuration").hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> LittlesLaw.meanBusyInstances(1, Duration.ofSeconds(1), 0))
                .hasMessageContaining("concurrency").hasMessageContaining("0");
        assertThatThrownBy(() -> LittlesLaw.instancesFor(1, Duration.ofSeconds(1), 1, 1.5))
                .hasMessageContaining("utilization").hasMessageContaining("1.5");
    }
}
