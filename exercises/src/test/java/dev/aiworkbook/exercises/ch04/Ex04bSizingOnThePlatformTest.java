// Graded test of exercise ex04b: read-only. Change Sizing, not this file.
package dev.aiworkbook.exercises.ch04;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.scaling.ConcurrencyScaler;
import dev.aiworkbook.runtime.scaling.ScalerSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Grades exercise ex04b against the platform's autoscaler: both size the same load alike. */
@Tag("ex04b")
@DisplayName("ex04b: your sizing against the platform's autoscaler")
class Ex04bSizingOnThePlatformTest {

    @Test
    @DisplayName("for steady loads, your instance count is what the autoscaler asks for")
    void agreesWithTheAutoscaler() {
        Sizing sizing = new Sizing();
        double[] rates = {3, 36, 50, 120, 400};

        for (double rate : rates) {
            // the autoscaler sees the in-flight count Little's law gives, for a minute
            ConcurrencyScaler scaler = new ConcurrencyScaler(ScalerSettings.knativeDefaults(1));
            double inFlight = sizing.meanInFlight(rate, Duration.ofMillis(200));
            Instant now = Instant.EPOCH;
            for (int s = 0; s <= 60; s++) {
                now = Instant.EPOCH.plusSeconds(s);
                scaler.observe(now, inFlight);
            }
            int yours = sizing.instancesFor(rate, Duration.ofMillis(200), 1, 0.7);

            int desired = scaler.decide(now, yours).desiredInstances();

            assertThat(yours).as("instances for %s/s of 200 ms", rate).isEqualTo(desired);
        }
    }
}
