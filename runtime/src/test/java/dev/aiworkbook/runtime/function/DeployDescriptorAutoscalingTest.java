package dev.aiworkbook.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.runtime.testfunctions.Greeter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@code autoscaling:} knobs of a deploy descriptor, and their refusals. */
class DeployDescriptorAutoscalingTest {

    private static final String GREETER = Greeter.class.getName();
    private static final Path FILE = Path.of("serverless.yml");

    @Test
    @DisplayName("without autoscaling a function runs in Lambda mode with the documented defaults")
    void defaultsAreLambdaMode() {
        AutoscalingSpec a = spec("functions: {g: {handler: %s}}").autoscaling();

        assertThat(a).isEqualTo(AutoscalingSpec.defaults());
        assertThat(a.scaler()).isEqualTo(AutoscalingSpec.Scaler.LAMBDA);
        assertThat(a.stableWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(a.targetUtilization()).isEqualTo(0.7);
        assertThat(a.burstLimit()).isEqualTo(1000);
    }

    @Test
    @DisplayName("defaults set knobs for every function, and a function overrides them key by key")
    void defaultsThenOwnKnobs() {
        FunctionSpec spec = spec("""
                defaults: {autoscaling: {scaler: kpa, tick: 500ms, activatorCapacity: 7}}
                functions:
                  g:
                    handler: %s
                    maxConcurrency: 4
                    autoscaling: {activatorCapacity: 3, targetConcurrency: 2.5,
                      keepAlivePolicy: "fixed:20m"}
                """);
        AutoscalingSpec a = spec.autoscaling();

        assertThat(a.scaler()).isEqualTo(AutoscalingSpec.Scaler.KPA);
        assertThat(a.tick()).isEqualTo(Duration.ofMillis(500));
        assertThat(a.activatorCapacity()).isEqualTo(3);
        assertThat(a.targetFor(spec.maxConcurrency())).isEqualTo(2.5);
        assertThat(a.keepAlivePolicy()).isEqualTo("fixed:20m");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("a bad knob is refused with its field, rule and value")
    @CsvSource(delimiter = '|', value = {
        "scaler: hpa              | autoscaling.scaler             | \"hpa\"",
        "targetUtilization: 1.5   | autoscaling.targetUtilization  | 1.5",
        "stableWindow: 2s         | autoscaling.stableWindow       | PT2S",
        "panicWindowPercent: 0    | autoscaling.panicWindowPercent | 0.0",
        "panicThreshold: 1        | autoscaling.panicThreshold     | 1.0",
        "maxScaleDownRate: 0.5    | autoscaling.maxScaleDownRate   | 0.5",
        "tick: 5ms                | autoscaling.tick               | PT0.005S",
        "activatorCapacity: -1    | autoscaling.activatorCapacity  | -1",
        "activatorTimeout: 0s     | autoscaling.activatorTimeout   | PT0S",
        "burstLimit: 0            | autoscaling.burstLimit         | 0",
        "keepAlivePolicy: forever | autoscaling.keepAlivePolicy    | \"forever\"",
        "tick: 2                  | autoscaling.tick               | 2",
        "activatorCapacity: lots  | autoscaling.activatorCapacity  | \"lots\"",
        "stableWinow: 60s         | autoscaling.stableWinow        | stableWindow",
    })
    void badKnobIsRefused(String knob, String field, String shown) {
        String yaml = "functions: {g: {handler: %s, autoscaling: {" + knob + "}}}";

        assertThatThrownBy(() -> spec(yaml))
                .isInstanceOfSatisfying(InvalidDescriptorException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains("function \"g\"", field, shown);
                });
    }

    @Test
    @DisplayName("a bad policy name lists the accepted ones")
    void badPolicyListsAccepted() {
        assertThatThrownBy(() -> FunctionSpec.of("g", GREETER).withAutoscaling(
                AutoscalingSpec.defaults().withKeepAlivePolicy("lru")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("fixed:<duration>").hasMessageContaining("hybrid")
                .hasMessageContaining("\"lru\"");
    }

    @Test
    @DisplayName("a target above maxConcurrency is refused")
    void targetAboveMaxConcurrency() {
        AutoscalingSpec d = AutoscalingSpec.defaults();
        AutoscalingSpec three = new AutoscalingSpec(d.scaler(), 3, d.targetUtilization(),
                d.stableWindow(), d.panicWindowPercent(), d.panicThreshold(), d.maxScaleUpRate(),
                d.maxScaleDownRate(), d.scaleToZeroGrace(), d.tick(), d.activatorCapacity(),
                d.activatorTimeout(), d.burstLimit(), d.keepAlivePolicy());

        assertThatThrownBy(() -> FunctionSpec.of("g", GREETER).withAutoscaling(three))
                .isInstanceOfSatisfying(InvalidSpecException.class,
                        e -> assertThat(e.field()).isEqualTo("autoscaling"))
                .hasMessageContaining("maxConcurrency (1)").hasMessageContaining("3.0");
    }

    private static FunctionSpec spec(String yaml) {
        return DeployDescriptor.parse(FILE, yaml.formatted(GREETER)).functions().get(0).spec();
    }
}
