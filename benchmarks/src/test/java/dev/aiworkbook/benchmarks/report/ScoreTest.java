package dev.aiworkbook.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.runtime.function.Json;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    @DisplayName("a JMH result is read with its short name, unit and samples")
    void readsJmhResult() throws Exception {
        String json = "[{\"benchmark\":\"dev.aiworkbook.benchmarks.ColdStartBenchmark.coldStart\","
                + "\"mode\":\"ss\",\"threads\":1,\"forks\":2,\"primaryMetric\":{\"score\":2.5,"
                + "\"scoreError\":\"NaN\",\"scoreUnit\":\"ms/op\",\"rawData\":[[2.0],[3.0]]}}]";

        List<Score> scores = Score.readAll(Json.mapper().readTree(json));

        Score score = scores.get(0);
        assertThat(score.benchmark()).isEqualTo("ColdStartBenchmark.coldStart");
        assertThat(score.error()).isNaN();
        assertThat(score.samples()).containsExactly(2.0, 3.0);
        assertThat(score.nanos(score.score())).isEqualTo(2.5e6);
    }

    @Test
    @DisplayName("anything but an array of JMH results is refused")
    void refusesOtherJson() throws Exception {
        assertThatThrownBy(() -> Score.readAll(Json.mapper().readTree("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("array");
    }
}
