///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Chapter 02: cold and warm starts, keep-alive, concurrency and the GB-second, measured
//JAVA 17+
//DEPS dev.aiworkbook:runtime:1.0-SNAPSHOT
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.aiworkbook.runtime.experiment.ConcurrencyExperiment;
import dev.aiworkbook.runtime.experiment.CostExperiment;
import dev.aiworkbook.runtime.experiment.KeepAliveChart;
import dev.aiworkbook.runtime.experiment.KeepAliveExperiment;
import dev.aiworkbook.runtime.experiment.StartupExperiment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class CoreConcepts {

    /** Counts known words; its vocabulary is built at init, like a small model. */
    public static class WordCounter implements RequestHandler<Map<String, String>, Integer> {
        private static final Map<String, Integer> VOCABULARY = new HashMap<>();

        static {
            for (int i = 0; i < 200_000; i++) VOCABULARY.put(Integer.toString(i, 36), i);
        }

        @Override
        public Integer handleRequest(Map<String, String> event, Context context) {
            int known = 0;
            for (String word : event.get("text").split("\\s+")) {
                if (VOCABULARY.containsKey(word)) known++;
            }
            return known;
        }
    }

    /** Answers at once: for counting starts, where the work does not matter. */
    public static class Ping implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            return "pong";
        }
    }

    /** Waits as if on a database call. */
    public static class Lookup implements RequestHandler<Map<String, Integer>, String> {
        @Override
        public String handleRequest(Map<String, Integer> event, Context context) {
            try {
                Thread.sleep(event.get("millis"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "found";
        }
    }

    public static void main(String[] args) {
        System.out.println(run());
    }

    static String run() {
        StringBuilder out = new StringBuilder();
        String text = "{\"text\":\"serverless 1a 2b zz top 9k\"}";
        out.append("== 1. Cold and warm starts (20 cold, 400 warm) ==\n")
                .append(StartupExperiment.measure(WordCounter.class, text, 20, 400).render());

        out.append("\n== 2. Keep-alive and scale to zero: calls at 0, 3 and 20 min,")
                .append(" keep-alive 10 min ==\n");
        KeepAliveExperiment.compare(Ping.class, 512, List.of(Duration.ZERO,
                Duration.ofMinutes(3), Duration.ofMinutes(20)), List.of(Duration.ofMinutes(10)))
                .get(0).timeline().forEach(line -> out.append(line).append('\n'));

        List<Duration> arrivals = KeepAliveExperiment.poissonArrivals(
                Duration.ofMinutes(8), Duration.ofHours(12), 42);
        var rows = KeepAliveExperiment.compare(Ping.class, 512, arrivals,
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10),
                        Duration.ofMinutes(30), Duration.ofMinutes(60)));
        out.append("\n== 3. The keep-alive trade-off: 12 h of Poisson arrivals,")
                .append(" mean gap 8 min, 512 MB, on a virtual clock ==\n")
                .append(KeepAliveExperiment.render(rows)).append(chart(rows)).append('\n');

        out.append("\n== 4. Concurrency per instance: 8 calls at once, 200 ms each ==\n")
                .append(ConcurrencyExperiment.render(ConcurrencyExperiment.compare(
                        Lookup.class, "{\"millis\":200}", 8, List.of(1, 8))));

        out.append("\n== 5. The GB-second: one 120 ms invocation at several memory sizes ==\n")
                .append(CostExperiment.render(CostExperiment.perInvocation(Duration.ofMillis(120),
                        List.of(128, 512, 1024, 1769, 3008, 10240))));
        return out.toString();
    }

    private static String chart(List<KeepAliveExperiment.Row> rows) {
        try {
            return "chart: " + KeepAliveChart.write(rows, Path.of("target", "keep-alive.png"))
                    .toAbsolutePath();
        } catch (IllegalStateException e) {
            return "chart not drawn: " + e.getMessage();
        }
    }
}
