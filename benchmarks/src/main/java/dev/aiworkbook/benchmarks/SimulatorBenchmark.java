package dev.aiworkbook.benchmarks;

import dev.aiworkbook.runtime.sim.SimulationReport;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated invocations per second of the discrete-event simulator, at three numbers of
 * functions sharing the same 2,000 invocations per second of virtual load for 5 virtual
 * minutes (600,000 invocations per run).
 *
 * <p>Each benchmark call runs one whole simulation; the {@code invocations} counter makes JMH
 * report simulated invocations per second of wall time. Goal: at least 2 million per second on
 * 2 cores. With no account-wide limit each function runs alone on its own clock, and the
 * simulator spreads the functions over one thread per core ({@code threads} 0); the
 * {@code threads} parameter 1 measures one core alone.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.QUIET_LOGS, ForkOptions.QUIET_REPORTS,
        ForkOptions.MIN_HEAP, ForkOptions.MAX_HEAP})
@State(Scope.Benchmark)
public class SimulatorBenchmark {

    @Param({"10", "1000", "10000"})
    public int functions;

    @Param({"0", "1"})
    public int threads;

    private SimulatorWorkload workload;
    private long seed;

    /** Counts simulated invocations, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counted {
        public long invocations;

        @Setup(Level.Iteration)
        public void reset() {
            invocations = 0;
        }
    }

    @Setup
    public void setUp() {
        workload = new SimulatorWorkload(functions, 2000, Duration.ofMinutes(5));
    }

    @Benchmark
    public SimulationReport simulate(Counted counted) {
        SimulationReport report = workload.simulator(++seed, threads)
                .run(workload.functionsFor(seed));
        counted.invocations += report.invocations();
        return report;
    }
}
