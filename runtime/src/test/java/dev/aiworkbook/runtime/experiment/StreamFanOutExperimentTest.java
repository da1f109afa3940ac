package dev.aiworkbook.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.runtime.experiment.StreamFanOutExperiment.Outcome;
import dev.aiworkbook.runtime.experiment.StreamFanOutExperiment.Result;
import dev.aiworkbook.runtime.experiment.StreamFanOutExperiment.Settings;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.testfunctions.Sleeper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamFanOutExperimentTest {

    private static final String ROUTE = "/2015-03-31/functions/slow/invocations";

    private static Result stream(int maxInstances, int millis, double fps, int frames,
            int maxInFlight) throws InterruptedException {
        FunctionSpec spec = FunctionSpec.of("slow", Sleeper.class.getName())
                .withMaxInstances(maxInstances).withTimeout(Duration.ofSeconds(5));
        Settings settings = Settings.of(ROUTE, "application/json", fps,
                Duration.ofMillis((long) (frames * 1000 / fps))).withMaxInFlight(maxInFlight);
        byte[] payload = ("{\"millis\":" + millis + "}").getBytes(StandardCharsets.UTF_8);
        return StreamFanOutExperiment.run(spec, FunctionCode.ofClasspath(Sleeper.class),
                settings, i -> payload);
    }

    @Test
    @DisplayName("a slow handler under a steady stream fans out to several instances")
    void slowHandlerFansOut() throws InterruptedException {
        // 20 frames a second, 400 ms each: about 8 run at once, so about 8 instances.
        Result result = stream(20, 400, 20, 30, 32);

        assertThat(result.frames()).hasSize(30);
        assertThat(result.count(Outcome.ANSWERED)).as(reasons(result)).isEqualTo(30);
        assertThat(result.maxInstances()).isGreaterThan(1);
        assertThat(result.coldStarts()).isGreaterThan(1).isLessThanOrEqualTo(20);
        assertThat(result.frames().stream().filter(f -> f.coldStart()).count())
                .as("each new instance was started by one frame").isEqualTo(result.coldStarts());
        assertThat(result.records()).hasSize(30);
        assertThat(result.latency().p50()).as("latency includes the 400 ms of work")
                .isGreaterThanOrEqualTo(400);
        assertThat(result.invoice().functions().get(0).requests()).isEqualTo(30);
        assertThat(result.costPer1000Frames()).isPositive();
    }

    @Test
    @DisplayName("at its instance limit, frames are refused with the platform's reason")
    void atTheLimitFramesAreRefused() throws InterruptedException {
        Result result = stream(1, 300, 20, 20, 32);

        int answered = result.count(Outcome.ANSWERED);
        int refused = result.count(Outcome.REFUSED);
        assertThat(answered + refused + result.count(Outcome.FAILED)
                + result.count(Outcome.DROPPED)).isEqualTo(20);
        assertThat(refused).as("one instance of 300 ms cannot take 20 frames a second")
                .isGreaterThan(0);
        assertThat(result.frames()).filteredOn(f -> f.outcome() == Outcome.REFUSED)
                .allSatisfy(f -> {
                    assertThat(f.status()).isEqualTo(429);
                    assertThat(f.reason()).contains("maxInstances");
                });
        assertThat(result.maxInstances()).isEqualTo(1);
        assertThat(result.invoice().functions().get(0).requests()).isEqualTo(answered);
    }

    @Test
    @DisplayName("with few frames allowed in flight, the late ones are dropped, saying so")
    void overMaxInFlightFramesAreDropped() throws InterruptedException {
        Result result = stream(10, 400, 20, 20, 2);

        assertThat(result.count(Outcome.DROPPED)).isGreaterThan(0);
        assertThat(result.count(Outcome.ANSWERED) + result.count(Outcome.DROPPED)
                + result.count(Outcome.REFUSED) + result.count(Outcome.FAILED)).isEqualTo(20);
        assertThat(result.frames()).filteredOn(f -> f.outcome() == Outcome.DROPPED)
                .allSatisfy(f -> assertThat(f.reason()).contains("maxInFlight"));
        assertThat(result.samples()).allSatisfy(s -> assertThat(s.unanswered())
                .isLessThanOrEqualTo(2));
        assertThat(result.maxInstances()).isLessThanOrEqualTo(2);
    }

    @Test
    @DisplayName("the timeline adds up to the frames, and memory scales the GB-seconds")
    void timelineAndMemoryAddUp() throws InterruptedException {
        Result result = stream(10, 100, 20, 20, 32);

        var timeline = result.timeline(Duration.ofMillis(500));
        assertThat(timeline.stream().mapToInt(StreamFanOutExperiment.Interval::due).sum())
                .isEqualTo(20);
        assertThat(timeline.stream().mapToInt(StreamFanOutExperiment.Interval::coldStarts)
                .sum()).isEqualTo(result.coldStarts());
        BigDecimal at1024 = result.billAt(1024).functions().get(0).gbSeconds();
        BigDecimal at2048 = result.billAt(2048).functions().get(0).gbSeconds();
        assertThat(at2048).isEqualByComparingTo(at1024.multiply(BigDecimal.valueOf(2)));
        assertThat(result.costPer1000FramesAt(2048))
                .isGreaterThan(result.costPer1000FramesAt(1024));
    }

    @Test
    @DisplayName("bad settings are refused, naming the field and the value")
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> Settings.of("fn/x", "image/jpeg", 10, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("route")
                .hasMessageContaining("\"fn/x\"");
        assertThatThrownBy(() -> Settings.of("/fn/x", "image/jpeg", 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fps");
        assertThatThrownBy(() -> Settings.of("/fn/x", "image/jpeg", 10, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDuration");
        assertThatThrownBy(() -> Settings.of("/fn/x", "image/jpeg", 10, Duration.ofSeconds(1))
                .withMaxInFlight(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInFlight");
    }

    private static String reasons(Result result) {
        return result.frames().stream().filter(f -> f.outcome() != Outcome.ANSWERED)
                .map(f -> f.index() + " " + f.outcome() + " " + f.reason())
                .collect(Collectors.joining("; "));
    }
}
