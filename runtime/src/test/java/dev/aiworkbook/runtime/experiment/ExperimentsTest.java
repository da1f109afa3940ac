package dev.aiworkbook.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.aiworkbook.runtime.testfunctions.Greeter;
import dev.aiworkbook.runtime.testfunctions.Sleeper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentsTest {

    @Test
    @DisplayName("a cold start costs more than a warm one, and its init phases add up")
    void coldStartsAreSlowerThanWarmOnes() {
        StartupExperiment.Result result = StartupExperiment.measure(Greeter.class,
                "{\"name\":\"x\"}", 5, 50);

        assertThat(result.cold().count()).isEqualTo(5);
        assertThat(result.warm().count()).isEqualTo(50);
        assertThat(result.cold().p50()).isGreaterThan(result.warm().p50());
        assertThat(result.init().p50()).isPositive();
        assertThat(result.phases()).containsOnlyKeys("class loader",
                "class load + static init", "constructor", "handler binding");
        assertThat(result.render()).contains("cold start (total)", "warm start");
    }

    @Test
    @DisplayName("a longer keep-alive trades cold starts for idle memory, to the GB-second")
    void keepAliveTradesColdStartsForIdleMemory() {
        List<Duration> arrivals = List.of(Duration.ZERO, Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(30));

        List<KeepAliveExperiment.Row> rows = KeepAliveExperiment.compare(Greeter.class, 512,
                arrivals, List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)));

        // 1 minute: every gap is longer, so every call is cold
        assertThat(rows.get(0).coldStarts()).isEqualTo(4);
        // 10 minutes: the first instance lives 0..14m, the second 30m..40m
        assertThat(rows.get(1).coldStarts()).isEqualTo(2);
        assertThat(rows.get(1).idleGbSeconds()).isCloseTo((14 * 60 + 10 * 60) * 0.5,
                offset(1e-6));
        assertThat(rows.get(0).idleGbSeconds()).isCloseTo(4 * 60 * 0.5,
                offset(1e-6));
    }

    @Test
    @DisplayName("seeded Poisson arrivals are reproducible and have about the asked mean gap")
    void poissonArrivalsAreSeeded() {
        List<Duration> a = KeepAliveExperiment.poissonArrivals(Duration.ofMinutes(5),
                Duration.ofDays(10), 7);
        List<Duration> b = KeepAliveExperiment.poissonArrivals(Duration.ofMinutes(5),
                Duration.ofDays(10), 7);

        assertThat(a).isEqualTo(b);
        double meanGapMinutes = 10 * 24 * 60.0 / a.size();
        assertThat(meanGapMinutes).isBetween(4.7, 5.3);
    }

    @Test
    @DisplayName("at concurrency 4 one instance serves four calls that need four at concurrency 1")
    void concurrencyPerInstanceSavesInstances() {
        List<ConcurrencyExperiment.Row> rows = ConcurrencyExperiment.compare(Sleeper.class,
                "{\"millis\":300}", 4, List.of(1, 4));

        assertThat(rows.get(0).instances()).isEqualTo(4);
        assertThat(rows.get(1).instances()).isEqualTo(1);
        assertThat(rows.get(1).instanceSeconds())
                .isLessThan(rows.get(0).instanceSeconds() / 2);
        assertThat(rows.get(1).invocationSeconds()).isGreaterThan(4 * 0.29);
    }

    @Test
    @DisplayName("one invocation's cost grows with memory: twice the memory, twice the GB-s")
    void costGrowsWithMemory() {
        List<CostExperiment.Row> rows = CostExperiment.perInvocation(Duration.ofMillis(120),
                List.of(512, 1024, 3008));

        assertThat(rows.get(0).gbSeconds()).isEqualTo(0.06);
        assertThat(rows.get(1).gbSeconds()).isEqualTo(0.12);
        // 1M calls x 0.12 GB-s x $0.0000166667 + $0.20 of requests = $2.20 on AWS x86
        assertThat(rows.get(1).perMillion().get("aws-lambda-x86")).hasValueSatisfying(
                cost -> assertThat(cost).isEqualByComparingTo("2.20"));
        assertThat(rows.get(2).perMillion().get("azure-functions-consumption")).isEmpty();
        assertThat(CostExperiment.render(rows)).contains("AWS arm64", "n/a");
    }

    @Test
    @DisplayName("the keep-alive trade-off is drawn as a PNG picture")
    void keepAliveChartIsAPng(@TempDir Path dir) throws Exception {
        List<KeepAliveExperiment.Row> rows = KeepAliveExperiment.compare(Greeter.class, 512,
                List.of(Duration.ZERO, Duration.ofMinutes(5)),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)));

        Path png = KeepAliveChart.write(rows, dir.resolve("chart.png"));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
    }
}
