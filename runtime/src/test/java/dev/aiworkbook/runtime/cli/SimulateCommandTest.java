package dev.aiworkbook.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exitCode, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cmd = new CommandLine(new SimulateCommand());
            cmd.setOut(new PrintWriter(out));
            cmd.setErr(new PrintWriter(err));
            int exitCode = cmd.execute(args);
            return new Run(exitCode, out.toString(), err.toString());
        }
    }

    @Test
    @DisplayName("a Poisson hour prints a report with cold starts, latency, waste and cost")
    void printsAReport() {
        Run run = Run.of("--load", "poisson", "--rate", "5", "--duration", "1h", "--seed", "1");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("invocations", "cold starts", "latency", "wasted memory",
                "cost (aws-lambda-x86");
        assertThat(run.err).contains("100% done");
    }

    @Test
    @DisplayName("--json has the named fields, and the same seed gives the same JSON")
    void jsonIsRepeatable() throws Exception {
        String[] args = {"--load", "bursty", "--rate", "3", "--duration", "30m",
            "--functions", "20", "--seed", "7", "--json"};

        Run first = Run.of(args);
        Run again = Run.of(args);

        assertThat(first.exitCode).as(first.err).isZero();
        JsonNode report = JSON.readTree(first.out);
        for (String field : List.of("invocations", "coldStarts", "coldStartRatio",
                "p50LatencyMs", "p99LatencyMs", "wastedGbSeconds", "throttled", "cost")) {
            assertThat(report.has(field)).as(field).isTrue();
        }
        assertThat(report.get("invocations").asLong()).isBetween(4_500L, 6_300L);
        assertThat(again.out).isEqualTo(first.out);
    }

    @Test
    @DisplayName("several policies print one comparison row each on the same load")
    void comparesPolicies() {
        Run run = Run.of("--rate", "0.02", "--duration", "6h", "--functions", "10",
                "--policy", "fixed,hybrid,none", "--seed", "3");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("policy", "p75 app cold", "wasted GB-s", "fixed 10m",
                "hybrid", "none");
        assertThat(run.out.lines().count()).isEqualTo(4);
    }

    @Test
    @DisplayName("never unloading wastes more memory and starts cold no more often than 1 min")
    void neverUnloadTradesMemoryForColdStarts() throws Exception {
        String[] common = {"--rate", "0.05", "--duration", "3h", "--functions", "5",
            "--seed", "2", "--json"};

        JsonNode none = JSON.readTree(Run.of(concat(common, "--policy", "none")).out);
        JsonNode short1m = JSON.readTree(Run.of(concat(common, "--keep-alive", "1m")).out);

        assertThat(none.get("coldStarts").asLong())
                .isLessThan(short1m.get("coldStarts").asLong());
        assertThat(none.get("wastedGbSeconds").asDouble())
                .isGreaterThan(short1m.get("wastedGbSeconds").asDouble());
    }

    @Test
    @DisplayName("--sweep prints a row per keep-alive plus hybrid and writes the trade-off PNG")
    void sweepDrawsTheTradeOff(@TempDir Path dir) {
        Path png = dir.resolve("tradeoff.png");

        Run run = Run.of("--rate", "0.05", "--duration", "2h", "--functions", "8",
                "--sweep", "1m,10m,1h", "--chart", png.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("fixed 1m", "fixed 10m", "fixed 1h", "hybrid");
        assertThat(png).isNotEmptyFile();
    }

    @Test
    @DisplayName("--chart writes the timeline PNG; KPA mode runs the same load")
    void chartAndKpa(@TempDir Path dir) {
        Path png = dir.resolve("run.png");

        Run run = Run.of("--rate", "20", "--duration", "10m", "--scaler", "kpa",
                "--chart", png.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(png).isNotEmptyFile();
    }

    @Test
    @DisplayName("a synthetic trace written by --write-trace replays with --trace")
    void writesAndReplaysATrace(@TempDir Path dir) throws Exception {
        Run write = Run.of("--write-trace", dir.toString(), "--functions", "30");
        Run replay = Run.of("--trace", dir.toString(), "--duration", "2h", "--json");

        assertThat(write.exitCode).as(write.err).isZero();
        assertThat(replay.exitCode).as(replay.err).isZero();
        assertThat(JSON.readTree(replay.out).get("invocations").asLong()).isPositive();
    }

    @Test
    @DisplayName("an unreadable trace line names file, line and column; no report is printed")
    void badTraceLineStopsTheRun(@TempDir Path dir) throws Exception {
        Run.of("--write-trace", dir.toString(), "--functions", "5");
        Path file = dir.resolve("invocations_per_function_md.anon.d01.csv");
        List<String> lines = Files.readAllLines(file);
        String[] third = lines.get(2).split(",", -1);
        third[7] = "7x";
        lines.set(2, String.join(",", third));
        Files.write(file, lines);

        Run run = Run.of("--trace", dir.toString(), "--json");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("invocations_per_function_md.anon.d01.csv", "line 3",
                "column 8", "\"7x\"", "no report was printed");
    }

    @Test
    @DisplayName("bad options are refused with the option, the rule and the value")
    void badOptionsAreRefused() {
        Run rate = Run.of("--rate", "0");
        Run length = Run.of("--duration", "5 weeks");
        Run policy = Run.of("--policy", "fixed,sometimes");
        Run scaler = Run.of("--scaler", "hpa");

        assertThat(rate.exitCode).isEqualTo(2);
        assertThat(rate.err).contains("--rate", "more than zero", "0.0");
        assertThat(length.err).contains("--duration", "10m, 1h, 1d", "\"5 weeks\"");
        assertThat(policy.err).contains("policy", "hybrid", "\"sometimes\"");
        assertThat(scaler.err).contains("scaler", "kpa or lambda", "\"hpa\"");
        assertThat(rate.out + length.out + policy.out + scaler.out).isEmpty();
    }

    @Test
    @DisplayName("Lambda mode's limits are options, and the JSON counts throttles by reason")
    void lambdaLimitsCountThrottlesByReason() throws Exception {
        String[] args = {"--load", "poisson", "--rate", "200", "--duration", "2m",
            "--functions", "5", "--duration-ms", "200", "--seed", "3", "--json"};

        JsonNode account = JSON.readTree(Run.of(concat(args, "--account-concurrency", "5")).out);
        JsonNode burst = JSON.readTree(Run.of(concat(args, "--burst-limit", "2")).out);

        // About 40 invocations run at once; an account of 5 refuses most of them.
        assertThat(account.get("throttledBy").get("accountConcurrency").asLong())
                .isGreaterThan(1000).isEqualTo(account.get("throttled").asLong());
        // Two new instances per 10 s per function cannot keep up with the first seconds.
        assertThat(burst.get("throttledBy").get("burstLimit").asLong()).isPositive()
                .isEqualTo(burst.get("throttled").asLong());
        assertThat(burst.get("throttledBy").get("accountConcurrency").asLong()).isZero();
    }

    @Test
    @DisplayName("the number of threads does not change the JSON")
    void threadsDoNotChangeTheResult() {
        String[] args = {"--load", "poisson", "--rate", "10", "--duration", "1d",
            "--functions", "30", "--seed", "5", "--json"};

        Run one = Run.of(concat(args, "--threads", "1"));
        Run two = Run.of(concat(args, "--threads", "2"));

        assertThat(one.exitCode).as(one.err).isZero();
        assertThat(two.out).isEqualTo(one.out);
    }

    @Test
    @DisplayName("bad Lambda limits and thread counts are refused with the option and value")
    void badLimitsAreRefused() {
        Run burst = Run.of("--burst-limit", "-1");
        Run account = Run.of("--account-concurrency", "-5");
        Run threads = Run.of("--threads", "100");

        assertThat(burst.exitCode).isEqualTo(2);
        assertThat(burst.err).contains("--burst-limit", "0 (each function's own) or more",
                "was: -1");
        assertThat(account.err).contains("--account-concurrency", "was: -5");
        assertThat(threads.err).contains("--threads", "0 (one per core) to 64", "was: 100");
        assertThat(burst.out + account.out + threads.out).isEmpty();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
