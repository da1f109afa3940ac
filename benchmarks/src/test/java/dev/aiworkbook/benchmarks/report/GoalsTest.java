package dev.aiworkbook.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GoalsTest {

    @Test
    @DisplayName("with no scores every goal is reported, as not run")
    void missingScoresAreNotRun() {
        List<Goal> goals = new Goals(Map.of()).evaluate();

        assertThat(goals).hasSize(7);
        assertThat(goals).extracting(Goal::verdict).containsOnly(Goal.Verdict.NOT_RUN);
    }

    @Test
    @DisplayName("the added cost of a warm call is the difference, with errors in quadrature")
    void addedCostIsDifference() {
        Map<String, Score> scores = scores(
                avgt(Goals.DISPATCHER, 3100, 200, "ns/op"),
                avgt(Goals.DIRECT_JSON, 1.0, 0.1, "us/op"),
                avgt(Goals.DIRECT, 50, 1, "ns/op"));

        List<Goal> goals = new Goals(scores).evaluate();

        assertThat(goals.get(0).figure()).isEqualTo("2.10 ± 0.22 µs");
        assertThat(goals.get(0).verdict()).isEqualTo(Goal.Verdict.NOT_MET);
        assertThat(goals.get(1).figure()).isEqualTo("3.05 ± 0.20 µs");
    }

    @Test
    @DisplayName("a warm call's added cost splits into dispatcher, hand-off and JSON")
    void warmCallBreakdown() {
        Map<String, Score> scores = scores(
                avgt(Goals.DISPATCHER, 2000, 0, "ns/op"),
                avgt(Goals.INSTANCE, 1500, 0, "ns/op"),
                avgt(Goals.DIRECT_JSON, 600, 0, "ns/op"),
                avgt(Goals.DIRECT, 100, 0, "ns/op"));

        List<String[]> rows = new Goals(scores).warmBreakdown();

        assertThat(rows).extracting(row -> row[1])
                .containsExactly("0.50 ± 0.00 µs", "0.90 ± 0.00 µs", "0.50 ± 0.00 µs");
    }

    @Test
    @DisplayName("a cold start under 20 ms is met; single shots show their range over forks")
    void coldStartAgainstTwentyMillis() {
        Map<String, Score> scores = scores(
                avgt(Goals.COLD, 1.5, 0.1, "ms/op"),
                new Score(Goals.COLD_FIRST_STARTED, "ss", 30, 12, "ms/op", 1, 3,
                        List.of(22.0, 41.0, 27.0)),
                new Score(Goals.COLD_FIRST, "ss", 300, 20, "ms/op", 1, 3,
                        List.of(290.0, 310.0, 300.0)));

        List<Goal> goals = new Goals(scores).evaluate();

        assertThat(goals.get(2).verdict()).isEqualTo(Goal.Verdict.MET);
        assertThat(goals.get(4).verdict()).isEqualTo(Goal.Verdict.NOT_MET);
        assertThat(goals.get(4).derivation()).contains("range 22.0–41.0 ms");
        // the platform's own boot is shown, but it is not held to the cold-start goal
        assertThat(goals.get(5).verdict()).isEqualTo(Goal.Verdict.NO_GOAL);
        assertThat(goals.get(5).target()).isEqualTo("—");
    }

    @Test
    @DisplayName("the HTTP goal is the ratio of the two throughputs")
    void httpGoalIsRatio() {
        Map<String, Score> scores = scores(
                new Score(Goals.GATEWAY, "thrpt", 8500, 850, "ops/s", 2, 1, List.of()),
                new Score(Goals.BARE, "thrpt", 10, 0, "ops/ms", 2, 1, List.of()));

        Goal http = new Goals(scores).evaluate().get(6);

        assertThat(http.figure()).isEqualTo("0.85 ± 0.09×");
        assertThat(http.verdict()).isEqualTo(Goal.Verdict.MET);
    }

    private static Score avgt(String name, double score, double error, String unit) {
        return new Score(name, "avgt", score, error, unit, 1, 1, List.of());
    }

    private static Map<String, Score> scores(Score... scores) {
        Map<String, Score> byName = new LinkedHashMap<>();
        for (Score score : scores) byName.put(score.benchmark(), score);
        return byName;
    }
}
