package dev.aiworkbook.runtime.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aiworkbook.runtime.scaling.HybridHistogramPolicy.Basis;
import dev.aiworkbook.runtime.scaling.HybridHistogramPolicy.Choice;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HybridHistogramPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final HybridSettings PAPER = HybridSettings.paper();

    private final HybridHistogramPolicy policy = HybridHistogramPolicy.paper();

    @Test
    @DisplayName("the paper's settings: 240 one-minute bins over 4 hours")
    void paperSettings() {
        assertThat(PAPER.bins()).isEqualTo(240);
        assertThat(PAPER.headPercentile()).isEqualTo(5);
        assertThat(PAPER.tailPercentile()).isEqualTo(99);
        assertThat(PAPER.cvThreshold()).isEqualTo(2);
    }

    @Test
    @DisplayName("a function never seen keeps its instance for the whole 4-hour range")
    void unknownFunctionGetsTheRange() {
        Choice choice = policy.choose("new");

        assertThat(choice.basis()).isEqualTo(Basis.TOO_FEW_SAMPLES);
        assertThat(choice.windows()).isEqualTo(KeepAliveWindows.fixed(Duration.ofHours(4)));
        assertThat(policy.windows("new", T0, Duration.ofMinutes(10)))
                .isEqualTo(choice.windows());
    }

    @Test
    @DisplayName("idle times of 9 and 10 minutes: pre-warm 8.1 min, keep-alive 4 min")
    void clusteredIdleTimes() {
        // Ten gaps of 9 min 30 s and ten of 10 min 30 s: bins 9 and 10.
        Instant now = T0;
        for (int i = 0; i < 20; i++) {
            now = gap(now, i % 2 == 0 ? Duration.ofSeconds(570) : Duration.ofSeconds(630));
        }

        Choice choice = policy.choose("f");

        // head = lower edge of bin 9 = 9 min, less 10%: 8.1 min;
        // tail = upper edge of bin 10 = 11 min, plus 10%: 12.1 min; 12.1 - 8.1 = 4 min.
        assertThat(choice.basis()).isEqualTo(Basis.HISTOGRAM);
        assertThat(choice.samples()).isEqualTo(20);
        assertThat(choice.windows().prewarm()).isEqualTo(Duration.ofSeconds(486));
        assertThat(choice.windows().keepAlive()).isEqualTo(Duration.ofSeconds(240));
        assertThat(choice.windows().prewarms()).isTrue();
    }

    @Test
    @DisplayName("idle times under a minute give no pre-warm: keep the instance loaded")
    void shortIdleTimesKeepLoaded() {
        Instant now = T0;
        for (int i = 0; i < 30; i++) now = gap(now, Duration.ofSeconds(20));

        Choice choice = policy.choose("f");

        // all in bin 0: head 0, tail 1 min + 10% = 66 s
        assertThat(choice.basis()).isEqualTo(Basis.HISTOGRAM);
        assertThat(choice.windows()).isEqualTo(KeepAliveWindows.fixed(Duration.ofSeconds(66)));
    }

    @Test
    @DisplayName("nine idle times are too few; the tenth makes the histogram decide")
    void minimumSamples() {
        Instant now = T0;
        for (int i = 0; i < 9; i++) now = gap(now, Duration.ofMinutes(5));
        Choice nine = policy.choose("f");

        gap(now, Duration.ofMinutes(5));
        Choice ten = policy.choose("f");

        assertThat(nine.basis()).isEqualTo(Basis.TOO_FEW_SAMPLES);
        assertThat(nine.windows().keepAlive()).isEqualTo(Duration.ofHours(4));
        assertThat(ten.basis()).isEqualTo(Basis.HISTOGRAM);
    }

    @Test
    @DisplayName("idle times spread evenly over the range are not representative")
    void spreadOutIdleTimes() {
        // one idle time in each of bins 0..59: CV = sqrt(240/60 - 1) = 1.73 < 2
        long[] bins = new long[240];
        for (int i = 0; i < 60; i++) bins[i] = 1;

        Choice choice = HybridHistogramPolicy.decide(bins, 0, 0, PAPER);

        assertThat(choice.coefficientOfVariation()).isCloseTo(Math.sqrt(3), within(1e-9));
        assertThat(choice.basis()).isEqualTo(Basis.NOT_REPRESENTATIVE);
        assertThat(choice.windows()).isEqualTo(KeepAliveWindows.fixed(Duration.ofHours(4)));
    }

    @Test
    @DisplayName("47 even bins pass the CV test, 49 do not: CV = sqrt(240/k - 1), 2 at k = 48")
    void cvThresholdBoundary() {
        long[] fortySeven = new long[240];
        long[] fortyNine = new long[240];
        for (int i = 0; i < 47; i++) fortySeven[i] = 1;
        for (int i = 0; i < 49; i++) fortyNine[i] = 1;

        assertThat(HybridHistogramPolicy.decide(fortySeven, 0, 0, PAPER).basis())
                .isEqualTo(Basis.HISTOGRAM);
        assertThat(HybridHistogramPolicy.decide(fortyNine, 0, 0, PAPER).basis())
                .isEqualTo(Basis.NOT_REPRESENTATIVE);
    }

    @Test
    @DisplayName("percentiles by nearest rank: one outlier in 100 moves the 99th, not the 5th")
    void percentilesByRank() {
        long[] bins = new long[240];
        bins[3] = 4;
        bins[5] = 95;
        bins[200] = 1;

        Choice choice = HybridHistogramPolicy.decide(bins, 0, 0, PAPER);

        // rank ceil(5) = 5 falls in bin 5 (bins 3 hold 4): head 5 min, pre-warm 4.5 min.
        // rank ceil(99) = 99 falls in bin 5 as well (4 + 95): tail 6 min -> 6.6 min.
        assertThat(choice.windows().prewarm()).isEqualTo(Duration.ofSeconds(270));
        assertThat(choice.windows().keepAlive()).isEqualTo(Duration.ofSeconds(396 - 270));
    }

    @Test
    @DisplayName("mostly out-of-bounds idle times: pre-warm at 85% and keep to 115% of the"
            + " predicted one")
    void outOfBoundsPredictor() {
        // six gaps of 6 hours, beyond the 4-hour range
        Instant now = T0;
        for (int i = 0; i < 12; i++) now = gap(now, Duration.ofHours(6));

        Choice choice = policy.choose("f");

        assertThat(choice.basis()).isEqualTo(Basis.OUT_OF_BOUNDS);
        assertThat(choice.windows().prewarm()).isEqualTo(Duration.ofMinutes(306));
        assertThat(choice.windows().keepAlive()).isEqualTo(Duration.ofMinutes(414 - 306));
    }

    @Test
    @DisplayName("the predictor is an exponentially weighted mean: newer gaps weigh more")
    void predictorFollowsRecentGaps() {
        // ten gaps of 5 h, then two of 9 h: weight 0.5 gives 5 -> 7 -> 8 hours
        Instant now = T0;
        for (int i = 0; i < 10; i++) now = gap(now, Duration.ofHours(5));
        now = gap(now, Duration.ofHours(9));
        gap(now, Duration.ofHours(9));

        Choice choice = policy.choose("f");

        assertThat(choice.windows().prewarm()).isEqualTo(Duration.ofMinutes(408));
    }

    @Test
    @DisplayName("functions learn apart: one's idle times do not change another's windows")
    void perFunctionHistograms() {
        Instant now = T0;
        for (int i = 0; i < 20; i++) now = gap(now, Duration.ofSeconds(570));

        assertThat(policy.choose("f").basis()).isEqualTo(Basis.HISTOGRAM);
        assertThat(policy.choose("g").basis()).isEqualTo(Basis.TOO_FEW_SAMPLES);
    }

    @Test
    @DisplayName("an arrival while the function is busy is no idle time")
    void arrivalsWhileBusyAreNoIdleTime() {
        policy.idle("f", T0);
        policy.invoked("f", T0.plusSeconds(30));
        for (int i = 1; i <= 20; i++) policy.invoked("f", T0.plusSeconds(30 + i));

        assertThat(policy.choose("f").samples()).isEqualTo(1);
    }

    @Test
    @DisplayName("a bad histogram is refused, naming what was wrong")
    void refusesBadHistograms() {
        assertThatThrownBy(() -> HybridHistogramPolicy.decide(new long[10], 0, 0, PAPER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bins").hasMessageContaining("240")
                .hasMessageContaining("10");
        long[] negative = new long[240];
        negative[7] = -1;
        assertThatThrownBy(() -> HybridHistogramPolicy.decide(negative, 0, 0, PAPER))
                .hasMessageContaining("bins[7]").hasMessageContaining("-1");
        assertThatThrownBy(() -> HybridHistogramPolicy.decide(new long[240], -3, 0, PAPER))
                .hasMessageContaining("outOfBounds").hasMessageContaining("-3");
    }

    @Test
    @DisplayName("bad settings are refused with the field, the rule and the value")
    void refusesBadSettings() {
        assertThatThrownBy(() -> new HybridSettings(Duration.ofMinutes(1),
                Duration.ofSeconds(90), 5, 99, 0.1, 2, 10, 0.5, 0.5, 0.15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("range").hasMessageContaining("PT1M30S");
        assertThatThrownBy(() -> new HybridSettings(Duration.ofMinutes(1), Duration.ofHours(4),
                50, 10, 0.1, 2, 10, 0.5, 0.5, 0.15))
                .hasMessageContaining("headPercentile").hasMessageContaining("50");
        assertThatThrownBy(() -> new HybridSettings(Duration.ofMinutes(1), Duration.ofHours(4),
                5, 99, 1.5, 2, 10, 0.5, 0.5, 0.15))
                .hasMessageContaining("margin").hasMessageContaining("1.5");
        assertThatThrownBy(() -> new HybridSettings(Duration.ofMinutes(1), Duration.ofHours(4),
                5, 99, 0.1, 2, 0, 0.5, 0.5, 0.15))
                .hasMessageContaining("minSamples").hasMessageContaining("0");
    }

    /** The function goes idle at {@code from} and is invoked {@code idle} later. */
    private Instant gap(Instant from, Duration idle) {
        policy.idle("f", from);
        Instant arrival = from.plus(idle);
        policy.invoked("f", arrival);
        return arrival;
    }
}
