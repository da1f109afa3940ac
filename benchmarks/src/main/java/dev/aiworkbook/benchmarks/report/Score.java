package dev.aiworkbook.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark's primary result, as JMH writes it in its JSON output.
 *
 * @param benchmark the benchmark's short name, {@code WarmInvokeBenchmark.directCall}
 * @param mode JMH's mode: avgt, thrpt, ss
 * @param score the mean over all measured iterations and forks
 * @param error the half-width of JMH's 99.9% confidence interval; NaN with too few samples
 * @param unit JMH's unit, such as {@code ns/op} or {@code ops/s}
 * @param threads how many threads ran it
 * @param forks how many JVM forks ran it
 * @param samples every measured value, so a single-shot figure can show its range
 */
record Score(String benchmark, String mode, double score, double error, String unit,
        int threads, int forks, List<Double> samples) {

    /**
     * Reads every result of a JMH JSON file.
     *
     * @param results the parsed JSON array
     * @return one score per benchmark, in file order
     * @throws IllegalArgumentException if the JSON is not an array of JMH results
     */
    static List<Score> readAll(JsonNode results) {
        if (!results.isArray()) {
            throw new IllegalArgumentException("JMH results must be a JSON array, was: "
                    + results.getNodeType());
        }
        List<Score> scores = new ArrayList<>();
        for (JsonNode result : results) scores.add(read(result));
        return scores;
    }

    private static Score read(JsonNode result) {
        JsonNode metric = result.path("primaryMetric");
        String name = result.path("benchmark").asText();
        if (name.isEmpty() || metric.isMissingNode()) {
            throw new IllegalArgumentException("not a JMH result: " + result);
        }
        List<Double> samples = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode value : fork) samples.add(number(value));
        }
        return new Score(shortName(name), result.path("mode").asText(),
                number(metric.path("score")), number(metric.path("scoreError")),
                metric.path("scoreUnit").asText(), result.path("threads").asInt(1),
                result.path("forks").asInt(1), List.copyOf(samples));
    }

    /** JMH writes NaN as the string "NaN"; every other number as a number. */
    private static double number(JsonNode value) {
        return value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText("NaN"));
    }

    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /**
     * Converts a time per operation into nanoseconds.
     *
     * @param value a value in this score's unit
     * @return the value in nanoseconds per operation
     * @throws IllegalStateException if the unit is not a time per operation
     */
    double nanos(double value) {
        return switch (unit) {
            case "ns/op" -> value;
            case "us/op" -> value * 1e3;
            case "ms/op" -> value * 1e6;
            case "s/op" -> value * 1e9;
            default -> throw new IllegalStateException(benchmark + " is in " + unit
                    + ", not a time per operation");
        };
    }

    /**
     * Converts a throughput into operations per second.
     *
     * @param value a value in this score's unit
     * @return the value in operations per second
     * @throws IllegalStateException if the unit is not a throughput
     */
    double perSecond(double value) {
        return switch (unit) {
            case "ops/s" -> value;
            case "ops/ms" -> value * 1e3;
            case "ops/us" -> value * 1e6;
            default -> throw new IllegalStateException(benchmark + " is in " + unit
                    + ", not operations per time");
        };
    }
}
