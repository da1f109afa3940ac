package dev.aiworkbook.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.function.AutoscalingSpec;
import dev.aiworkbook.runtime.function.FunctionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final long MS = 1_000_000L;
    private static final PriceCatalog AWS = PriceCatalog.load("aws-lambda-x86");

    private static Simulator simulator(Duration length, Duration keepAlive) {
        return new Simulator(new SimulationSettings(length, 1,
                SimulationSettings.KeepAlive.fixed(keepAlive), AWS));
    }

    private static SimulatedFunction function(String name, Arrivals arrivals, long runMs,
            long initMs) {
        return new SimulatedFunction(FunctionSpec.of(name, "sim.Fn").withMaxInstances(1000),
                arrivals, DurationDistribution.constant(runMs * MS),
                DurationDistribution.constant(initMs * MS));
    }

    private static Arrivals at(long... millis) {
        return new Arrivals() {
            private int i;

            @Override
            public long next() {
                return i < millis.length ? millis[i++] * MS : END;
            }
        };
    }

    @Test
    @DisplayName("the first invocation is cold; one within the keep-alive is warm")
    void firstIsColdSecondWarm() {
        SimulatedFunction f = function("f", at(0, 5_000), 100, 250);

        SimulationReport report = simulator(Duration.ofSeconds(60), Duration.ofMinutes(10))
                .run(List.of(f));

        assertThat(report.invocations()).isEqualTo(2);
        assertThat(report.coldStarts()).isEqualTo(1);
        assertThat(report.maxLatencyMs()).isCloseTo(350, within(2.0));
        assertThat(report.p50LatencyMs()).isCloseTo(100, within(1.0));
    }

    @Test
    @DisplayName("an invocation after the keep-alive has passed is cold again")
    void keepAliveExpiryMakesItCold() {
        SimulatedFunction f = function("f", at(0, 61_000), 100, 250);

        SimulationReport report = simulator(Duration.ofSeconds(120), Duration.ofSeconds(60))
                .run(List.of(f));

        assertThat(report.coldStarts()).isEqualTo(2);
        // Idle from 0.35 s to 60.35 s (reclaimed), then from 61.35 s to the end at 120 s.
        double idleSeconds = 60 + (120 - 61.35);
        assertThat(report.wastedGbSeconds()).isCloseTo(idleSeconds * 0.5, within(0.01));
    }

    @Test
    @DisplayName("two overlapping invocations need two instances")
    void overlapNeedsTwoInstances() {
        SimulatedFunction f = function("f", at(0, 10), 100, 250);

        SimulationReport report = simulator(Duration.ofSeconds(10), Duration.ofMinutes(10))
                .run(List.of(f));

        assertThat(report.instancesStarted()).isEqualTo(2);
        assertThat(report.coldStarts()).isEqualTo(2);
    }

    @Test
    @DisplayName("at maxInstances the pool throttles, as it does live")
    void throttlesAtMaxInstances() {
        SimulatedFunction f = new SimulatedFunction(
                FunctionSpec.of("f", "sim.Fn").withMaxInstances(1), at(0, 10, 20),
                DurationDistribution.constant(100 * MS), DurationDistribution.constant(0));

        SimulationReport report = simulator(Duration.ofSeconds(10), Duration.ofMinutes(10))
                .run(List.of(f));

        assertThat(report.invocations()).isEqualTo(1);
        assertThat(report.throttled()).isEqualTo(2);
    }

    @Test
    @DisplayName("the bill is the tally of every run's billed time")
    void billsEveryRun() {
        SimulatedFunction f = function("f", at(0, 1_000, 2_000), 100, 0);

        SimulationReport report = simulator(Duration.ofSeconds(10), Duration.ofMinutes(10))
                .run(List.of(f));

        // 3 × 0.1 s × 0.5 GB = 0.15 GB-s at $0.0000166667, plus 3 requests at $0.20 / 1M.
        double expected = 0.15 * 0.0000166667 + 3 * 0.20 / 1e6;
        assertThat(report.cost().doubleValue()).isCloseTo(expected, within(1e-6));
    }

    @Test
    @DisplayName("a busy Poisson load delivers its rate, within five standard deviations")
    void poissonDeliversItsRate() {
        SplittableRandom random = new SplittableRandom(3);
        List<SimulatedFunction> functions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            functions.add(function("f" + i, Loads.poisson(100, Duration.ofMinutes(1),
                    random.split()), 50, 200));
        }

        SimulationReport report = simulator(Duration.ofMinutes(1), Duration.ofMinutes(10))
                .run(functions);

        // 100 functions × 100/s × 60 s = 600,000; a Poisson count's deviation is √600,000.
        assertThat(report.invocations()).isCloseTo(600_000, within(5 * 775L));
        assertThat(report.throttled()).isZero();
    }

    @Test
    @DisplayName("the same seed gives the same report; another seed another one")
    void sameSeedSameReport() {
        SimulationSettings settings = new SimulationSettings(Duration.ofMinutes(30), 9,
                SimulationSettings.KeepAlive.fixed(Duration.ofMinutes(1)), AWS);

        SimulationReport first = new Simulator(settings).run(Workloads.synthetic(
                Workloads.Load.POISSON, 20, 50, Duration.ofMinutes(30),
                DurationDistribution.exponential(80 * MS), DurationDistribution.constant(300 * MS),
                512, 1000, 4));
        SimulationReport again = new Simulator(settings).run(Workloads.synthetic(
                Workloads.Load.POISSON, 20, 50, Duration.ofMinutes(30),
                DurationDistribution.exponential(80 * MS), DurationDistribution.constant(300 * MS),
                512, 1000, 4));
        SimulationReport other = new Simulator(settings).run(Workloads.synthetic(
                Workloads.Load.POISSON, 20, 50, Duration.ofMinutes(30),
                DurationDistribution.exponential(80 * MS), DurationDistribution.constant(300 * MS),
                512, 1000, 5));

        assertThat(again).isEqualTo(first);
        assertThat(other.invocations()).isNotEqualTo(first.invocations());
    }

    @Test
    @DisplayName("KPA mode: a burst scales up from zero, nothing is dropped, silence scales to 0")
    void kpaScalesUpAndBackToZero() {
        SimulationSettings settings = new SimulationSettings(Duration.ofMinutes(10), 1,
                SimulationSettings.KeepAlive.fixed(Duration.ofMinutes(10)), AWS)
                .withScaler(AutoscalingSpec.Scaler.KPA);
        // Two minutes of 4 invocations a second, then eight minutes of silence.
        SimulatedFunction f = function("burst", Loads.poisson(4, Duration.ofMinutes(2),
                new SplittableRandom(2)), 500, 1000);
        List<String> reasons = new ArrayList<>();
        Timeline timeline = new Timeline(Duration.ofMinutes(10).toNanos(), 60);

        SimulationReport report = new Simulator(settings).addListener(timeline)
                .addListener(new SimulationListener() {
                    @Override
                    public void instanceReclaimed(String function, long at, String reason,
                            long idle, int memoryMb) {
                        reasons.add(reason);
                    }
                }).run(List.of(f));

        assertThat(report.invocations()).isCloseTo(480, within(5 * 22L));
        assertThat(report.throttled()).isZero();
        assertThat(report.instancesStarted()).isGreaterThan(1);
        assertThat(reasons).contains("scale-down");
        double[] instances = timeline.instances();
        assertThat(instances[instances.length - 1]).isZero();
    }

    @Test
    @DisplayName("Lambda mode: the burst limit refuses cold starts past its tokens")
    void burstLimitRefusesColdStarts() {
        SimulationSettings settings = new SimulationSettings(Duration.ofSeconds(30), 1,
                SimulationSettings.KeepAlive.fixed(Duration.ofMinutes(10)), AWS)
                .withBurstLimit(3);
        // Ten invocations at once need ten instances; the bucket holds three.
        SimulatedFunction f = function("f", at(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 1000, 0);

        SimulationReport report = new Simulator(settings).run(List.of(f));

        assertThat(report.invocations()).isEqualTo(3);
        assertThat(report.throttled()).isEqualTo(7);
        assertThat(report.throttledBy()).containsEntry("burstLimit", 7L)
                .containsEntry("maxInstances", 0L);
    }

    @Test
    @DisplayName("Lambda mode: the account's concurrency is shared by all functions")
    void accountConcurrencyIsShared() {
        SimulationSettings settings = new SimulationSettings(Duration.ofSeconds(30), 1,
                SimulationSettings.KeepAlive.fixed(Duration.ofMinutes(10)), AWS)
                .withAccountConcurrency(3);
        // Two functions, two overlapping calls each: the fourth finds the account full.
        SimulatedFunction a = function("a", at(0, 10), 1000, 0);
        SimulatedFunction b = function("b", at(20, 30), 1000, 0);
        List<String> reasons = new ArrayList<>();

        SimulationReport report = new Simulator(settings).addListener(new SimulationListener() {
            @Override
            public void throttled(String function, long at, String reason) {
                reasons.add(function + " " + reason);
            }
        }).run(List.of(a, b));

        assertThat(report.invocations()).isEqualTo(3);
        assertThat(report.throttledBy()).containsEntry("accountConcurrency", 1L);
        assertThat(reasons).containsExactly("b accountConcurrency");
    }
}
