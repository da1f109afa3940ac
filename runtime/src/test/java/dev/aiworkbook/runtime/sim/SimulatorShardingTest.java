package dev.aiworkbook.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.function.AutoscalingSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Functions run alone on any number of threads, or all on one clock: the same report. */
class SimulatorShardingTest {

    private static final long MS = 1_000_000L;
    private static final Duration LENGTH = Duration.ofHours(2);
    private static final PriceCatalog AWS = PriceCatalog.load("aws-lambda-x86");

    private static SimulationSettings settings(SimulationSettings.KeepAlive keepAlive) {
        return new SimulationSettings(LENGTH, 11, keepAlive, AWS);
    }

    private static List<SimulatedFunction> workload(Workloads.Load load) {
        return Workloads.synthetic(load, 40, 200, LENGTH,
                DurationDistribution.exponential(150 * MS),
                DurationDistribution.constant(400 * MS), 1024, 1000, 21);
    }

    private static SimulationReport run(SimulationSettings settings, Workloads.Load load) {
        return new Simulator(settings).run(workload(load));
    }

    @Test
    @DisplayName("a run on one thread and a run on three give the same report")
    void threadsGiveTheSameReport() {
        SimulationSettings base = settings(
                SimulationSettings.KeepAlive.fixed(Duration.ofMinutes(5)));

        SimulationReport one = run(base.withThreads(1), Workloads.Load.POISSON);
        SimulationReport three = run(base.withThreads(3), Workloads.Load.POISSON);

        assertThat(one.invocations()).isGreaterThan(200_000);
        assertThat(three).isEqualTo(one);
        assertThat(three.toJson()).isEqualTo(one.toJson());
    }

    @Test
    @DisplayName("functions alone and all on one clock (an account limit nobody reaches) agree")
    void aloneAndTogetherAgree() {
        SimulationSettings base = settings(
                SimulationSettings.KeepAlive.fixed(Duration.ofMinutes(5)));
        SimulationSettings together = base.withAccountConcurrency(Integer.MAX_VALUE);

        SimulationReport alone = run(base.withThreads(2), Workloads.Load.BURSTY);
        SimulationReport shared = run(together, Workloads.Load.BURSTY);

        assertThat(new Simulator(together).threadsFor(200)).isEqualTo(1);
        assertThat(new Simulator(base.withThreads(2)).threadsFor(200)).isEqualTo(2);
        assertThat(shared).isEqualTo(alone);
    }

    @Test
    @DisplayName("the hybrid policy and KPA mode agree alone and together too")
    void hybridKpaAgree() {
        SimulationSettings base = settings(SimulationSettings.KeepAlive.named("hybrid",
                Duration.ofMinutes(10))).withScaler(AutoscalingSpec.Scaler.KPA);

        SimulationReport alone = run(base.withThreads(2), Workloads.Load.DIURNAL);
        SimulationReport shared = new Simulator(base).addListener(new SimulationListener() { })
                .run(workload(Workloads.Load.DIURNAL));

        assertThat(alone.invocations()).isPositive();
        assertThat(shared).isEqualTo(alone);
    }
}
