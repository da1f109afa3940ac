///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Chapter 03: the autoscaling loop on a live burst: instances, queueing, throttling, zero
//JAVA 17+
//DEPS dev.aiworkbook:runtime:1.0-SNAPSHOT
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.aiworkbook.runtime.experiment.AutoscalingChart;
import dev.aiworkbook.runtime.experiment.AutoscalingExperiment;
import java.nio.file.Path;
import java.util.Map;

public class AlgorithmSteps {

    /** Works as long as it is told, as if waiting on a database. */
    public static class Work implements RequestHandler<Map<String, Integer>, String> {
        @Override
        public String handleRequest(Map<String, Integer> event, Context context) {
            try {
                Thread.sleep(event.get("millis"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        }
    }

    public static void main(String[] args) throws Exception {
        var settings = AutoscalingExperiment.Settings.chapter();
        var result = AutoscalingExperiment.run(Work.class, settings);

        System.out.printf("Burst: %d invocations at once, %d ms each; maxInstances %d,"
                + " activator %d waiting, %d ms timeout%n", settings.burst(),
                settings.workMillis(), settings.maxInstances(), settings.activatorCapacity(),
                settings.activatorTimeout().toMillis());
        System.out.println("  t (ms)  desired  ready  starting  in flight  waiting  panic");
        int shown = 0;
        for (var t : result.ticks()) {
            if (shown++ % 3 != 0 && t.inFlight() + t.waiting() == 0 && t.ready() > 0) continue;
            System.out.printf("  %6d  %7d  %5d  %8d  %9d  %7d  %s%n", t.atMillis(),
                    t.desired(), t.ready(), t.starting(), t.inFlight(), t.waiting(),
                    t.panicking() ? "yes" : "");
        }
        System.out.printf("Answers: %d x 200, %d x 429 (activator full), %d x 503 (waited too"
                + " long)%n", result.count(200), result.count(429), result.count(503));
        System.out.printf("Cold starts: %d; most instances ready at once: %d%n",
                result.coldStarts(), result.maxReady());
        System.out.printf("Latency of the 200s, queueing and init included: p50 %.0f ms,"
                + " p90 %.0f ms, max %.0f ms%n", result.served().p50(), result.served().p90(),
                result.served().max());
        System.out.printf("Back to zero instances %.1f s after the burst%n",
                result.zeroAfterMillis() / 1000.0);
        try {
            Path chart = AutoscalingChart.write(result.ticks(), Path.of("autoscaling.png"));
            System.out.println("Chart: " + chart);
        } catch (IllegalStateException noFonts) {
            System.out.println("No chart: " + noFonts.getMessage());
        }
    }
}
