package dev.aiworkbook.runtime.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.sim.DurationDistribution;
import dev.aiworkbook.runtime.sim.Loads;
import dev.aiworkbook.runtime.sim.SimulatedFunction;
import dev.aiworkbook.runtime.sim.SimulationReport;
import dev.aiworkbook.runtime.sim.SimulationSettings;
import dev.aiworkbook.runtime.sim.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The keep-alive policies by name, compared by the simulator on the same load. */
class HybridHistogramPolicySimulatedTest {

    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    @DisplayName("a timer every 10.5 min: hybrid is as warm as azure with a fraction of the"
            + " idle memory, and aws is always cold")
    void timerFunction() {
        SimulationReport aws = simulate("aws");
        SimulationReport azure = simulate("azure");
        SimulationReport hybrid = simulate("hybrid");

        // 10 min is shorter than every gap; 20 min longer than all of them
        assertThat(aws.coldStartRatio()).isEqualTo(1.0);
        assertThat(azure.coldStarts()).isEqualTo(1);

        // after the first call the hybrid policy learns, then pre-warms 1.5 min early
        assertThat(hybrid.coldStarts()).isEqualTo(1);
        assertThat(hybrid.wastedGbSeconds()).isLessThan(azure.wastedGbSeconds() / 4);
    }

    private static SimulationReport simulate(String policy) {
        SimulationSettings settings = new SimulationSettings(WEEK, 1,
                SimulationSettings.KeepAlive.named(policy, Duration.ofMinutes(10)),
                PriceCatalog.load("aws-lambda-x86"));
        var arrivals = Loads.constant(1 / 630.0, WEEK, new SplittableRandom(1));
        var function = new SimulatedFunction(FunctionSpec.of("timer", "sim.Timer"), arrivals,
                DurationDistribution.constant(100_000_000),
                DurationDistribution.constant(250_000_000));
        return new Simulator(settings).run(List.of(function));
    }
}
