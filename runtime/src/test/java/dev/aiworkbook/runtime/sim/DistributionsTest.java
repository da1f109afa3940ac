package dev.aiworkbook.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DistributionsTest {

    @Test
    @DisplayName("the histogram's percentiles are within 0.4% of the exact ones")
    void histogramPercentilesAreClose() {
        SplittableRandom random = new SplittableRandom(1);
        LatencyHistogram histogram = new LatencyHistogram();
        long[] values = new long[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextDouble(5, 25));
            histogram.record(values[i]);
        }
        Arrays.sort(values);

        for (double p : new double[] {1, 50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat((double) histogram.percentileNanos(p)).as("p" + p)
                    .isCloseTo(exact, within(exact * 0.004 + 1));
        }
        assertThat(histogram.maxNanos()).isEqualTo(values[values.length - 1]);
    }

    @Test
    @DisplayName("1 ms falls in [999,424, 1,003,520) and is reported as its middle")
    void histogramWorkedExample() {
        LatencyHistogram histogram = new LatencyHistogram();

        histogram.record(1_000_000);
        histogram.record(2_000_000);

        assertThat(histogram.percentileNanos(50)).isEqualTo(1_001_472);
    }

    @Test
    @DisplayName("percentile interpolation: p25 between p0 and p50, p75 between p50 and p100")
    void percentileDistributionInterpolates() {
        PercentileDistribution d = new PercentileDistribution(new double[] {0, 50, 100},
                new double[] {10, 20, 100});

        assertThat(d.valueAt(25)).isEqualTo(15);
        assertThat(d.valueAt(75)).isEqualTo(60);
        assertThat(d.valueAt(100)).isEqualTo(100);
    }

    @Test
    @DisplayName("a decreasing percentile row is refused with its values")
    void decreasingPercentilesAreRefused() {
        assertThatThrownBy(() -> new PercentileDistribution(new double[] {0, 50, 100},
                new double[] {10, 5, 100}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never decrease").hasMessageContaining("5.0");
    }

    @Test
    @DisplayName("each load delivers its average rate over a day, within 2%")
    void loadsDeliverTheirRate() {
        Duration day = Duration.ofDays(1);
        for (Workloads.Load load : Workloads.Load.values()) {
            Arrivals arrivals = load.arrivals(2, day, new SplittableRandom(5));
            long count = 0;
            long previous = -1;
            for (long at = arrivals.next(); at != Arrivals.END; at = arrivals.next()) {
                assertThat(at).as(load + " in order").isGreaterThanOrEqualTo(previous);
                previous = at;
                count++;
            }
            assertThat((double) count).as(load.toString()).isCloseTo(2 * 86_400, within(3456.0));
        }
    }

    @Test
    @DisplayName("heavy-tailed rates add up to the total; the top fifth carries most of it")
    void heavyTailedRates() {
        double[] rates = Workloads.heavyTailedRates(10_000, 1000, new SplittableRandom(3));
        double sum = Arrays.stream(rates).sum();
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double top = 0;
        for (int i = (int) (0.8 * sorted.length); i < sorted.length; i++) top += sorted[i];

        assertThat(sum).isCloseTo(1000, within(1e-6));
        assertThat(top / sum).isGreaterThan(0.95);
    }

    @Test
    @DisplayName("a trace minute's invocations all fall inside that minute, in order")
    void traceMinutesSpreadWithinTheMinute() {
        TraceArrivals arrivals = new TraceArrivals(new int[] {0, 3}, new int[] {1000, 2},
                Duration.ofDays(1).toNanos(), new SplittableRandom(1));
        long minute = 60_000_000_000L;
        long previous = -1;
        int inFirst = 0;
        int inFourth = 0;

        for (long at = arrivals.next(); at != Arrivals.END; at = arrivals.next()) {
            assertThat(at).isGreaterThanOrEqualTo(previous);
            previous = at;
            if (at < minute) inFirst++;
            if (at >= 3 * minute && at < 4 * minute) inFourth++;
        }

        assertThat(inFirst).isEqualTo(1000);
        assertThat(inFourth).isEqualTo(2);
    }
}
