///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Chapter 03: the autoscaling loop on a live, staged load: scale up, queue, zero
//JAVA 17+
//DEPS dev.aiworkbook:runtime:1.0-SNAPSHOT
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.aiworkbook.runtime.experiment.AutoscalingChart;
import dev.aiworkbook.runtime.experiment.AutoscalingExperiment;
import dev.aiworkbook.runtime.experiment.AutoscalingReport;
import dev.aiworkbook.runtime.function.AutoscalingSpec.Scaler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

public class AlgorithmSteps {

    /** Loads its "model" for 400 ms at init, then works as long as it is told. */
    public static class Work implements RequestHandler<Map<String, Integer>, String> {
        static {
            pause(400);
        }

        @Override
        public String handleRequest(Map<String, Integer> event, Context context) {
            pause(event.get("millis"));
            return "done";
        }

        private static void pause(int millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run());
    }

    static String run() throws InterruptedException {
        var settings = AutoscalingExperiment.Settings.chapter();
        var load = settings.load();
        StringBuilder out = new StringBuilder(String.format("Load: %s; each client a closed"
                + " loop of %d ms calls, then silence; init 400 ms%nKPA: maxInstances %d,"
                + " activator %d waiting for up to %d ms; stable window %d s, tick %d ms%n",
                load.stages().stream().map(s -> s.clients() + " clients for "
                        + s.length().toSeconds() + " s").collect(Collectors.joining(", then ")),
                load.workMillis(),
                settings.maxInstances(), settings.activatorCapacity(),
                settings.activatorTimeout().toMillis(), settings.stableWindow().toSeconds(),
                settings.tick().toMillis()));

        var kpa = AutoscalingExperiment.run(Work.class, settings);
        out.append(AutoscalingReport.timeline(kpa.ticks(), Duration.ofSeconds(1)))
                .append(AutoscalingReport.summary(kpa)).append(chart(kpa)).append("\n\n");

        var lambda = AutoscalingExperiment.run(Work.class, settings.withScaler(Scaler.LAMBDA));
        return out.append(String.format("Lambda mode: maxInstances %d, burstLimit %d per 10 s%n",
                settings.maxInstances(), settings.burstLimit()))
                .append(AutoscalingReport.contrast(lambda)).toString();
    }

    private static String chart(AutoscalingExperiment.Result kpa) {
        try {
            return "Chart: " + AutoscalingChart.write(kpa.ticks(),
                    Path.of("target", "autoscaling.png")).toAbsolutePath();
        } catch (IllegalStateException e) {
            return "Chart not drawn: " + e.getMessage();
        }
    }
}
