package dev.aiworkbook.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardMeteringRuleTest {

    private final MeteringRule rule = new StandardMeteringRule();

    @Test
    @DisplayName("a zero run bills nothing when there is no minimum")
    void zeroBillsNothing() {
        Duration billed = rule.billedDuration(Duration.ZERO, Duration.ofMillis(1), Duration.ZERO);

        assertThat(billed).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest(name = "{0}: {1} ns in {2} ms steps, minimum {3} ms, bills {4} ms")
    @CsvSource({
        "one nanosecond bills a whole step,      1,         1,   0,   1",
        "exactly one step bills one step,        1000000,   1,   0,   1",
        "one step and a nanosecond bills two,    1000001,   1,   0,   2",
        "AWS: 120.4 ms bills 121 ms,             120400000, 1,   0,   121",
        "Cloud Run: 1 ms bills 100 ms,           1000000,   100, 0,   100",
        "Cloud Run: 100 ms bills 100 ms,         100000000, 100, 0,   100",
        "Cloud Run: 101 ms bills 200 ms,         101000000, 100, 0,   200",
        "Azure: 5 ms bills the 100 ms minimum,   5000000,   1,   100, 100",
        "Azure: 0 ms bills the 100 ms minimum,   0,         1,   100, 100",
        "Azure: 150.5 ms bills 151 ms,           150500000, 1,   100, 151",
    })
    void roundsUpToTheStepThenAppliesTheMinimum(String label, long actualNanos,
            long stepMs, long minimumMs, long expectedMs) {
        Duration billed = rule.billedDuration(Duration.ofNanos(actualNanos),
                Duration.ofMillis(stepMs), Duration.ofMillis(minimumMs));

        assertThat(billed).as(label).isEqualTo(Duration.ofMillis(expectedMs));
    }

    @Test
    @DisplayName("GB-seconds are memory in GB times billed seconds")
    void gbSecondsAreGigabytesTimesSeconds() {
        assertThat(rule.gbSeconds(512, Duration.ofSeconds(1))).isEqualTo(0.5);
        assertThat(rule.gbSeconds(1536, Duration.ofMillis(120))).isEqualTo(0.18);
        assertThat(rule.gbSeconds(128, Duration.ZERO)).isEqualTo(0.0);
    }

    @Test
    @DisplayName("bad arguments name the argument and the value")
    void rejectsBadArguments() {
        assertThatThrownBy(() -> rule.billedDuration(Duration.ofMillis(-1), Duration.ofMillis(1),
                Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actual").hasMessageContaining("PT-0.001S");
        assertThatThrownBy(() -> rule.billedDuration(Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("granularity").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> rule.gbSeconds(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memoryMb").hasMessageContaining("0");
    }
}
