package dev.aiworkbook.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.testfunctions.Sleeper;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Chapter 03's run on the real HTTP gateway: a burst scales a KPA function up, the activator
 * queues and then refuses, and silence brings it back to zero.
 */
class AutoscalingExperimentTest {

    @Test
    @DisplayName("a burst scales up, queues, throttles past the limits, then returns to zero")
    void burstScalesUpThrottlesAndReturnsToZero() throws Exception {
        var settings = new AutoscalingExperiment.Settings(30, 300, 4, 8, Duration.ofSeconds(5));

        AutoscalingExperiment.Result result = AutoscalingExperiment.run(Sleeper.class, settings);

        // from zero every arrival waits: 8 fit the activator, the rest are refused at once
        assertThat(result.count(200) + result.count(429) + result.count(503))
                .as("answers of " + result.statuses()).isEqualTo(30);
        assertThat(result.count(429)).as("refused by the full activator").isPositive();
        assertThat(result.count(200)).as("served, all of them after a wait").isGreaterThanOrEqualTo(8);
        assertThat(result.maxReady()).as("instances at the peak").isBetween(2, 4);
        assertThat(result.coldStarts()).as("instances started").isBetween(2, 4);
        assertThat(result.ticks()).as("ticks that saw invocations waiting")
                .anyMatch(t -> t.waiting() > 0);
        assertThat(result.ticks().get(result.ticks().size() - 1).ready())
                .as("instances at the last tick").isZero();
    }
}
