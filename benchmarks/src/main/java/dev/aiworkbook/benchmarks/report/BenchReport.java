package dev.aiworkbook.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.runtime.function.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file into the Markdown results table: every score, then each goal
 * computed from scores measured side by side in the same run, with the machine and date.
 *
 * <p>Usage: {@code BenchReport RESULTS_JSON OUTPUT_MD [--run TEXT] [--cpu TEXT]
 * [--load-before TEXT] [--load-after TEXT]}. It writes the table and prints it; it exits 0
 * whatever the figures, 2 on bad arguments and 1 if the results cannot be read.
 */
public final class BenchReport {

    private static final String USAGE = "usage: BenchReport RESULTS_JSON OUTPUT_MD"
            + " [--run TEXT] [--cpu TEXT] [--load-before TEXT] [--load-after TEXT]";

    private static final int WIDTH = 100;
    private static final List<String> GROUPS =
            List.of("WarmInvokeBenchmark", "ColdStartBenchmark", "HttpTriggerBenchmark");

    private final List<Score> scores;
    private final Map<String, String> context;

    BenchReport(List<Score> scores, Map<String, String> context) {
        this.scores = scores;
        this.context = context;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length % 2 != 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Map<String, String> context = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                System.err.println("unknown argument \"" + args[i] + "\"; " + USAGE);
                System.exit(2);
            }
            context.put(args[i].substring(2), args[i + 1]);
        }

        List<Score> scores;
        try {
            scores = Score.readAll(Json.mapper().readTree(Path.of(args[0]).toFile()));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot read JMH results from " + args[0] + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Instant finished = Files.getLastModifiedTime(Path.of(args[0])).toInstant();
        String table = new BenchReport(scores, context).render(jvm(args[0]), finished);
        Files.writeString(Path.of(args[1]), table, StandardCharsets.UTF_8);
        System.out.print(table);
    }

    /**
     * Renders the results as Markdown.
     *
     * @param jvm the JVM the benchmarks ran on, as JMH recorded it
     * @param finished when the run ended: when JMH wrote its results
     * @return the whole document
     */
    String render(String jvm, Instant finished) {
        StringBuilder out = new StringBuilder("# Benchmark results\n\n");
        String run = context.getOrDefault("run", "A run of `scripts/bench`.");
        out.append(wrap(run)).append("\n\n");
        out.append("- Date: ").append(finished.atZone(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append('\n');
        out.append("- Machine: ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(context.getOrDefault("cpu", "CPU unknown"))
                .append('\n');
        if (context.containsKey("load-before")) {
            out.append("- Load average (1, 5, 15 min) before the run: ")
                    .append(context.get("load-before")).append("; after: ")
                    .append(context.getOrDefault("load-after", "unknown")).append('\n');
        }
        out.append("- Java: ").append(jvm).append("\n\n");
        goals(out);
        breakdown(out);
        scores(out);
        return out.toString();
    }

    private void goals(StringBuilder out) {
        out.append("## Goals\n\n| Goal | Figure | Computed from | Target | Verdict |\n")
                .append("|---|---|---|---|---|\n");
        for (Goal goal : new Goals(byName()).evaluate()) {
            out.append("| ").append(goal.name()).append(" | ").append(goal.figure())
                    .append(" | ").append(goal.derivation()).append(" | ").append(goal.target())
                    .append(" | **").append(goal.verdict()).append("** |\n");
        }
        out.append('\n').append(wrap("A difference carries the two scores' errors added in"
                + " quadrature, a ratio their relative errors; a verdict compares the central"
                + " figure only.")).append("\n\n");
    }

    private void breakdown(StringBuilder out) {
        List<String[]> rows = new Goals(byName()).warmBreakdown();
        if (rows.isEmpty()) return;
        out.append("## Where a warm call's time goes\n\n| Part | Time per call | Computed from |\n")
                .append("|---|---|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        out.append('\n');
    }

    private Map<String, Score> byName() {
        Map<String, Score> byName = new LinkedHashMap<>();
        for (Score score : scores) byName.put(score.benchmark(), score);
        return byName;
    }

    private void scores(StringBuilder out) {
        out.append("## Scores\n\n| Benchmark | Mode | Threads | Forks | Score | Error (99.9%) |"
                + " Units |\n|---|---|---|---|---:|---:|---|\n");
        for (Score s : inGoalOrder()) {
            String error = Double.isNaN(s.error()) ? "n/a" : Goals.format(s.error());
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s |%n",
                    s.benchmark(), s.mode(), s.threads(), s.forks(), Goals.format(s.score()),
                    error, s.unit()));
        }
    }

    /** @return the scores grouped as the goals are: warm calls, cold starts, HTTP, others */
    private List<Score> inGoalOrder() {
        return scores.stream().sorted(Comparator.comparingInt(BenchReport::group)
                .thenComparing(Score::benchmark)).toList();
    }

    private static int group(Score score) {
        String type = score.benchmark().substring(0, score.benchmark().indexOf('.'));
        int group = GROUPS.indexOf(type);
        return group < 0 ? GROUPS.size() : group;
    }

    /** @return the text with its lines broken at spaces, at most 100 characters each */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() > lineStart) {
                boolean full = out.length() - lineStart + 1 + word.length() > WIDTH;
                out.append(full ? '\n' : ' ');
                if (full) lineStart = out.length();
            }
            out.append(word);
        }
        return out.toString();
    }

    private static String jvm(String resultsFile) throws IOException {
        JsonNode results = Json.mapper().readTree(Path.of(resultsFile).toFile());
        if (results.isEmpty()) return "unknown (no results)";
        JsonNode first = results.get(0);
        return first.path("vmName").asText() + " " + first.path("vmVersion").asText()
                + ", JMH " + first.path("jmhVersion").asText();
    }
}
