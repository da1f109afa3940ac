package dev.aiworkbook.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.aiworkbook.runtime.experiment.AutoscalingExperiment.Load;
import dev.aiworkbook.runtime.experiment.AutoscalingExperiment.Result;
import dev.aiworkbook.runtime.experiment.AutoscalingExperiment.Settings;
import dev.aiworkbook.runtime.experiment.AutoscalingExperiment.Stage;
import dev.aiworkbook.runtime.experiment.AutoscalingExperiment.Tick;
import dev.aiworkbook.runtime.function.AutoscalingSpec.Scaler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Chapter 03's run on the real HTTP gateway: a staged load scales a KPA function up step by
 * step, queues invocations in the activator while instances start, and silence brings it back
 * to zero; the same load in Lambda mode throttles instead of queueing. The knobs are short
 * (ticks of 100 ms, the shortest stable window Knative accepts, 6 s), so each run takes
 * seconds; nothing here depends on exact timings, only on the order of events.
 */
class AutoscalingExperimentTest {

    /** Takes 100 ms to initialise, then works as long as it is told. */
    public static class SlowStart implements RequestHandler<Map<String, Integer>, String> {
        static {
            pause(100);
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

    private static Load steps(Stage... stages) {
        return new Load(List.of(stages), 50, Duration.ofMillis(50), 200);
    }

    private static Stage stage(int clients, long millis) {
        return new Stage(clients, Duration.ofMillis(millis));
    }

    @Test
    @DisplayName("a load must step up, and each knob is checked with its value")
    void badLoadsAreRefused() {
        assertThatThrownBy(() -> steps(stage(4, 100), stage(2, 100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage 2").hasMessageContaining("2 client(s)");
        assertThatThrownBy(() -> stage(0, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clients")
                .hasMessageContaining("was: 0");
        assertThatThrownBy(() -> new Load(List.of(stage(1, 100)), 0, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workMillis")
                .hasMessageContaining("was: 0");
    }

    @Test
    @DisplayName("the load knows its clients at each moment, and when each client joins")
    void loadSteps() {
        Load load = steps(stage(2, 1000), stage(5, 500));

        assertThat(load.clientsAt(Duration.ofMillis(999))).as("clients at 0.999 s").isEqualTo(2);
        assertThat(load.clientsAt(Duration.ofMillis(1000))).as("clients at 1 s").isEqualTo(5);
        assertThat(load.clientsAt(Duration.ofMillis(1500))).as("clients at the end").isZero();
        assertThat(load.joinOffset(1)).as("client 1 joins").isEqualTo(Duration.ZERO);
        assertThat(load.joinOffset(2)).as("client 2 joins").isEqualTo(Duration.ofSeconds(1));
        assertThat(load.length()).as("length").isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    @DisplayName("KPA: instances follow the steps up, invocations queue, silence brings zero")
    void kpaFollowsTheStepsQueuesAndReturnsToZero() throws Exception {
        // 1, 3 then 8 clients against at most 4 instances, 2 of which may wait
        Settings settings = new Settings(Scaler.KPA, steps(stage(1, 800), stage(3, 800),
                stage(8, 1200)), 4, 2, Duration.ofSeconds(2), Duration.ofSeconds(6),
                Duration.ofMillis(300), Duration.ofMillis(100), 1000);

        Result result = AutoscalingExperiment.run(SlowStart.class, settings);

        assertThat(result.calls()).as("answers of " + result.statuses())
                .isEqualTo(result.count(200) + result.count(429) + result.count(503));
        assertThat(result.count(200)).as("served").isPositive();
        // ceil(1 / 0.7) = 2 for one client; 8 clients ask for more than maxInstances
        assertThat(maxDesired(result, 1)).as("desired with 1 client").isBetween(1, 2);
        assertThat(maxDesired(result, 8)).as("desired with 8 clients").isGreaterThanOrEqualTo(4);
        assertThat(result.maxInstances()).as("most instances at once").isBetween(2, 4);
        assertThat(result.coldStarts()).as("instances started").isGreaterThanOrEqualTo(2);
        assertThat(result.ticks()).as("ticks that saw invocations waiting in the activator")
                .anyMatch(t -> t.waiting() > 0);
        assertThat(result.queued()).as("invocations that waited before running").isPositive();
        assertThat(result.backToZero()).as("time back to zero").isPresent();
        Tick last = result.ticks().get(result.ticks().size() - 1);
        assertThat(last.ready() + last.starting()).as("instances at the last tick").isZero();
    }

    @Test
    @DisplayName("Lambda: an instance per concurrent invocation, past the burst limit a 429")
    void lambdaThrottlesInsteadOfQueueing() throws Exception {
        // the bucket holds 2 new instances and refills 2 per 10 s: 6 clients cannot all start
        Settings settings = new Settings(Scaler.LAMBDA, steps(stage(2, 500), stage(6, 800)),
                3, 2, Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofMillis(300),
                Duration.ofMillis(100), 2);

        Result result = AutoscalingExperiment.run(SlowStart.class, settings);

        assertThat(result.count(200)).as("served of " + result.statuses()).isPositive();
        assertThat(result.count(429)).as("throttled").isPositive();
        assertThat(result.count(503)).as("timed out waiting: there is no activator").isZero();
        assertThat(result.refusedBy()).as("knobs the refusals named")
                .containsKey("burstLimit").doesNotContainKey("activatorCapacity");
        assertThat(result.maxInstances()).as("most instances at once").isBetween(2, 3);
        assertThat(result.ticks()).as("ticks: Lambda mode has no scaling loop").isEmpty();
        assertThat(result.backToZero()).as("idle instances wait for their keep-alive").isEmpty();
    }

    @Test
    @DisplayName("the timeline shows about one row a second and folds rows that repeat")
    void timelineIsShort() {
        // 10 s of load, then 10 s of silence in which panic ends at 14 s
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean quiet = i >= 50;
            ticks.add(new Tick(i * 200L, quiet ? 0 : 4, 6, i < 70, 6, 0, quiet ? 0 : 4, 0,
                    quiet ? 250 : i * 5, 0, 0));
        }

        String table = AutoscalingReport.timeline(ticks, Duration.ofSeconds(1));

        List<String> lines = table.lines().toList();
        assertThat(lines.size()).as("lines of\n" + table).isBetween(12, 25);
        assertThat(table).as("table").contains("...").contains("19.8");
    }

    private static int maxDesired(Result result, int clients) {
        return result.ticks().stream().filter(t -> t.clients() == clients)
                .mapToInt(Tick::desired).max().orElse(0);
    }
}
