// Graded test of exercise ex04a: read-only. Change HybridWindows, not this file.
package dev.aiworkbook.exercises.ch04;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.scaling.KeepAliveWindows;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades exercise ex04a of chapter 04, {@link HybridWindows}; the tests run easiest first. */
@Tag("ex04a")
@DisplayName("ex04a: the hybrid histogram windows")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex04aHybridWindowsTest {

    private static final KeepAliveWindows FOUR_HOURS = KeepAliveWindows.fixed(
            Duration.ofHours(4));

    private final HybridWindows rule = new HybridWindows();

    @Test
    @Order(1)
    @DisplayName("with no idle time seen, keep the instance for 4 hours")
    void emptyHistogram() {
        KeepAliveWindows windows = rule.windows(new long[240], 0, 0);

        assertThat(windows).isEqualTo(FOUR_HOURS);
    }

    @Test
    @Order(2)
    @DisplayName("nine idle times are too few: still 4 hours")
    void tooFewSamples() {
        long[] bins = new long[240];
        bins[5] = 9;

        assertThat(rule.windows(bins, 0, 0)).isEqualTo(FOUR_HOURS);
    }

    @Test
    @Order(3)
    @DisplayName("idle times under a minute: no pre-warm, kept for 66 s")
    void shortIdleTimes() {
        long[] bins = new long[240];
        bins[0] = 30;

        // head 0, tail 1 min + 10% = 66 s
        assertThat(rule.windows(bins, 0, 0)).isEqualTo(
                KeepAliveWindows.fixed(Duration.ofSeconds(66)));
    }

    @Test
    @Order(4)
    @DisplayName("idle times of 9 and 10 minutes: pre-warm 8.1 min, keep-alive 4 min")
    void clusteredIdleTimesPrewarm() {
        long[] bins = new long[240];
        bins[9] = 10;
        bins[10] = 10;

        KeepAliveWindows windows = rule.windows(bins, 0, 0);

        assertThat(windows.prewarm()).isEqualTo(Duration.ofSeconds(486));
        assertThat(windows.keepAlive()).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    @Order(5)
    @DisplayName("percentiles by nearest rank: one outlier in 100 moves neither cut-off")
    void percentilesByRank() {
        long[] bins = new long[240];
        bins[3] = 4;
        bins[5] = 95;
        bins[200] = 1;

        KeepAliveWindows windows = rule.windows(bins, 0, 0);

        // rank 5 and rank 99 both fall in bin 5: pre-warm 4.5 min, kept to 6.6 min
        assertThat(windows.prewarm()).isEqualTo(Duration.ofSeconds(270));
        assertThat(windows.keepAlive()).isEqualTo(Duration.ofSeconds(126));
    }

    @Test
    @Order(6)
    @DisplayName("idle times spread evenly over 60 bins are not representative: 4 hours")
    void spreadOutIdleTimes() {
        long[] bins = new long[240];
        for (int i = 0; i < 60; i++) {
            bins[i] = 1;
        }

        // CV = sqrt(240 / 60 - 1) = 1.73, below 2
        assertThat(rule.windows(bins, 0, 0)).isEqualTo(FOUR_HOURS);
    }

    @Test
    @Order(7)
    @DisplayName("47 even bins pass the CV test (2.03), 49 do not (1.98)")
    void coefficientOfVariationThreshold() {
        long[] fortySeven = new long[240];
        long[] fortyNine = new long[240];
        for (int i = 0; i < 47; i++) {
            fortySeven[i] = 1;
        }
        for (int i = 0; i < 49; i++) {
            fortyNine[i] = 1;
        }

        // 47 bins: head bin 2 (rank 3), tail bin 46 (rank 47): 1.8 min, kept to 51.7 min
        assertThat(rule.windows(fortySeven, 0, 0)).isEqualTo(new KeepAliveWindows(
                Duration.ofSeconds(108), Duration.ofSeconds(3102 - 108)));
        assertThat(rule.windows(fortyNine, 0, 0)).isEqualTo(FOUR_HOURS);
    }

    @Test
    @Order(8)
    @DisplayName("mostly out of bounds: pre-warm at 85%, keep to 115% of the prediction")
    void outOfBoundsPrediction() {
        long[] bins = new long[240];
        bins[30] = 4;

        // 8 of 12 out of bounds; predicted 6 h: pre-warm 306 min, kept to 414 min
        KeepAliveWindows windows = rule.windows(bins, 8, 360);

        assertThat(windows.prewarm()).isEqualTo(Duration.ofMinutes(306));
        assertThat(windows.keepAlive()).isEqualTo(Duration.ofMinutes(108));
    }

    @Test
    @Order(9)
    @DisplayName("exactly half out of bounds is not more than half: the histogram decides")
    void halfOutOfBounds() {
        long[] bins = new long[240];
        bins[9] = 10;

        // head 9 min, tail 10 min: pre-warm 8.1 min, kept to 11 min
        KeepAliveWindows windows = rule.windows(bins, 10, 360);

        assertThat(windows.prewarm()).isEqualTo(Duration.ofSeconds(486));
        assertThat(windows.keepAlive()).isEqualTo(Duration.ofSeconds(660 - 486));
    }

    @Test
    @Order(10)
    @DisplayName("out of bounds with no prediction falls back to 4 hours")
    void outOfBoundsWithoutPrediction() {
        assertThat(rule.windows(new long[240], 12, 0)).isEqualTo(FOUR_HOURS);
    }
}
