package dev.aiworkbook.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.experiment.MathModelsExperiment.Check;
import dev.aiworkbook.runtime.experiment.MathModelsExperiment.ColdPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each formula of chapter 04 against the platform on a virtual clock, with a tolerance of
 * about four standard errors; and a formula that is wrong by a modest factor fails it.
 */
class MathModelsExperimentTest {

    private static final long SEED = 42;

    @Test
    @DisplayName("Little's law: 50/s x 200 ms keeps 10 in flight, and 10 busy instances")
    void littlesLawHolds() {
        List<Check> checks = MathModelsExperiment.littlesLaw(SEED);

        assertThat(checks).hasSize(3).allSatisfy(c -> assertThat(c.holds()).as(c.toString())
                .isTrue());
        // a law off by 5% (W taken 5% too long) would fail the same measurement
        Check inFlight = checks.get(0);
        assertThat(Math.abs(inFlight.simulated() - 1.05 * inFlight.predicted()))
                .isGreaterThan(inFlight.tolerance());
    }

    @Test
    @DisplayName("P(cold) = e^(-λT) within four binomial standard errors, and e^(-λT/2) not")
    void coldStartProbabilityHolds() {
        List<ColdPoint> points = MathModelsExperiment.coldStarts(
                List.of(Duration.ofMinutes(5), Duration.ofMinutes(10)), SEED);
        List<Check> checks = MathModelsExperiment.coldStartChecks(points);

        assertThat(checks).allSatisfy(c -> assertThat(c.holds()).as(c.toString()).isTrue());
        assertThat(points).allSatisfy(p -> assertThat(p.invocations()).isGreaterThan(5000));
        for (Check c : checks) {
            double wrong = Math.sqrt(c.predicted());
            assertThat(Math.abs(c.simulated() - wrong)).as(c.name()).isGreaterThan(c.tolerance());
        }
    }

    @Test
    @DisplayName("the bill follows rate x period x cost per call; at λ* it equals the VM's")
    void billAndBreakEvenHold() {
        List<Check> checks = MathModelsExperiment.billAndBreakEven(SEED);

        assertThat(checks).hasSize(4).allSatisfy(c -> assertThat(c.holds()).as(c.toString())
                .isTrue());
        // half the rate really bills half: cheaper than the VM; twice, dearer
        assertThat(checks.get(2).simulated()).isLessThan(0.55);
        assertThat(checks.get(3).simulated()).isGreaterThan(1.9);
    }

    @Test
    @DisplayName("Erlang C: the share that waits at 5 instances and 3 erlangs, and the mean wait")
    void erlangCHolds() {
        List<Check> checks = MathModelsExperiment.erlangC(SEED);

        assertThat(checks).allSatisfy(c -> assertThat(c.holds()).as(c.toString()).isTrue());
        // Erlang B (calls lost, not queued) is 0.11 here: the queue is really measured
        assertThat(Math.abs(checks.get(0).simulated() - 0.11))
                .isGreaterThan(checks.get(0).tolerance());
    }

    @Test
    @DisplayName("the same seed gives the same figures")
    void reproducible() {
        assertThat(MathModelsExperiment.erlangC(7)).isEqualTo(MathModelsExperiment.erlangC(7));
    }

    @Test
    @DisplayName("the chapter's run: with its seed every check holds, with five P(cold) points")
    void chapterRunHolds() {
        MathModelsExperiment.Report report = MathModelsExperiment.run(SEED);

        assertThat(report.checks()).allSatisfy(c -> assertThat(c.holds()).as(c.toString())
                .isTrue());
        assertThat(report.holds()).isTrue();
        assertThat(report.coldPoints()).hasSize(MathModelsExperiment.KEEP_ALIVES.size());
    }

    @Test
    @DisplayName("the table names every check and its verdict; the chart is a PNG")
    void renderAndChart(@TempDir Path dir) throws Exception {
        List<ColdPoint> points = List.of(
                new ColdPoint(Duration.ofMinutes(1), 0.88, 0.87, 5000),
                new ColdPoint(Duration.ofMinutes(10), 0.29, 0.28, 5000));
        String table = MathModelsExperiment.render(
                MathModelsExperiment.coldStartChecks(points));

        assertThat(table).contains("P(cold), keep-alive 1m", "P(cold), keep-alive 10m",
                "holds");
        try {
            Path png = ColdStartChart.write(points, MathModelsExperiment.COLD_RATE,
                    dir.resolve("cold.png"));
            assertThat(Files.size(png)).isGreaterThan(1000);
        } catch (IllegalStateException noFonts) {
            assertThat(noFonts).hasMessageContaining("font");
        }
    }
}
