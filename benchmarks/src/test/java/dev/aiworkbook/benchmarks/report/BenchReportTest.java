package dev.aiworkbook.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    @DisplayName("long text is wrapped at spaces within 100 columns, every word kept")
    void wrapsAtHundredColumns() {
        String text = "word ".repeat(60).strip();

        String wrapped = BenchReport.wrap(text);

        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line.length())
                .as("length of \"%s\"", line).isLessThanOrEqualTo(100));
        assertThat(wrapped.replace('\n', ' ')).isEqualTo(text);
    }

    @Test
    @DisplayName("the table shows each goal's verdict and each score, warm calls first")
    void rendersGoalsAndScores() {
        List<Score> scores = List.of(
                new Score(Goals.COLD, "avgt", 1.5, 0.1, "ms/op", 1, 1, List.of()),
                new Score(Goals.DISPATCHER, "avgt", 1500, 100, "ns/op", 1, 1, List.of()));

        String table = new BenchReport(scores, Map.of("run", "A test run.")).render("a JVM",
                Instant.parse("2030-01-02T03:04:05Z"));

        assertThat(table).contains("A test run.", "Java: a JVM", "Date: 2030-01-02 03:04 UTC",
                "| Cold start, steady (classpath) | 1.50 ± 0.10 ms | coldStart | ≤ 20 ms"
                        + " | **MET** |",
                "| Warm call: added over a bare direct call | not run |");
        assertThat(table.indexOf("| " + Goals.DISPATCHER)).isLessThan(table.indexOf("| "
                + Goals.COLD));
    }
}
