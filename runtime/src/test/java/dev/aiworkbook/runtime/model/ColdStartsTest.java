package dev.aiworkbook.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ColdStartsTest {

    private static final double EVERY_8_MINUTES = 1 / 480.0;

    @Test
    @DisplayName("a call every 8 minutes and a 10-minute keep-alive: e^(-10/8) = 29% cold")
    void workedExample() {
        assertThat(ColdStarts.probability(EVERY_8_MINUTES, Duration.ofMinutes(10)))
                .isCloseTo(Math.exp(-1.25), within(1e-12))
                .isCloseTo(0.2865, within(1e-4));
    }

    @Test
    @DisplayName("no keep-alive makes every call cold; no traffic too")
    void edges() {
        assertThat(ColdStarts.probability(5, Duration.ZERO)).isEqualTo(1);
        assertThat(ColdStarts.probability(0, Duration.ofMinutes(10))).isEqualTo(1);
    }

    @Test
    @DisplayName("the keep-alive for a target is the inverse: -ln(p) / rate")
    void inverse() {
        Duration keepAlive = ColdStarts.keepAliveFor(EVERY_8_MINUTES, 0.05);

        // -ln(0.05) x 480 s = 1437.9 s
        assertThat(keepAlive).isEqualTo(Duration.ofMillis(1_437_952));
        assertThat(ColdStarts.probability(EVERY_8_MINUTES, keepAlive))
                .isCloseTo(0.05, within(1e-6));
    }

    @Test
    @DisplayName("bad input is refused, naming the field and the value")
    void refusesBadInput() {
        assertThatThrownBy(() -> ColdStarts.probability(-0.5, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratePerSecond").hasMessageContaining("-0.5");
        assertThatThrownBy(() -> ColdStarts.probability(1, null))
                .hasMessageContaining("keepAlive").hasMessageContaining("null");
        assertThatThrownBy(() -> ColdStarts.keepAliveFor(1, 1.0))
                .hasMessageContaining("coldProbability").hasMessageContaining("1.0");
        assertThatThrownBy(() -> ColdStarts.keepAliveFor(0, 0.1))
                .hasMessageContaining("ratePerSecond").hasMessageContaining("0.0");
    }
}
