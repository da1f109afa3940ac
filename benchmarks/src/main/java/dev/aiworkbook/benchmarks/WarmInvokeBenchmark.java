package dev.aiworkbook.benchmarks;

import dev.aiworkbook.benchmarks.handlers.Greeting;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.dispatch.InvocationResult;
import dev.aiworkbook.runtime.dispatch.InvocationType;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.ClassLoaderInstance;
import dev.aiworkbook.runtime.instance.FunctionInstance;
import dev.aiworkbook.runtime.instance.InitException;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.InvocationOutcome;
import dev.aiworkbook.runtime.instance.InvocationRequest;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.time.SystemClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the platform adds to a warm invocation, in nanoseconds per call.
 *
 * <p>Four measurements, side by side in one run: {@link #dispatcherInvoke()} is a warm
 * in-process invocation of the {@link Greeting} handler through the {@link Dispatcher} (a new
 * invocation id, placement on the warm instance, the hand-off to the instance's lane thread,
 * the JSON read and write, the record); {@link #instanceInvoke()} calls the warm instance
 * itself, which leaves out the dispatcher's bookkeeping but keeps the hand-off;
 * {@link #directCallWithJson()} calls the same handler on the caller's thread with the same
 * JSON work; {@link #directCall()} calls it bare.
 *
 * <p>Goal: the platform adds at most 2 µs per warm call. The fair comparison is against
 * {@code directCallWithJson}, since a platform must read and write JSON; the difference from
 * {@code directCall} is reported as well. Note that the platform call keeps a second core busy:
 * the lane thread spins briefly between calls.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.QUIET_LOGS, ForkOptions.QUIET_REPORTS,
        ForkOptions.MIN_HEAP, ForkOptions.MAX_HEAP})
@State(Scope.Benchmark)
public class WarmInvokeBenchmark {

    private static final String FUNCTION = "greeting";
    private static final byte[] EVENT = "{\"name\":\"Ada Lovelace\"}"
            .getBytes(StandardCharsets.UTF_8);

    private SystemClock clock;
    private Dispatcher platform;
    private DirectCall direct;
    private Map<String, Object> readEvent;
    private FunctionInstance instance;
    private Duration timeout;
    private final AtomicInteger coldStarts = new AtomicInteger();

    /**
     * Deploys the handler and makes its instance warm: the first call is the cold start, and
     * every measured call after it is warm on that same instance.
     */
    @Setup(Level.Trial)
    public void deployWarm() throws IOException, InitException {
        FunctionSpec spec = FunctionSpec.of(FUNCTION, Greeting.class.getName());
        clock = new SystemClock();
        platform = Dispatcher.on(clock);
        platform.addPoolListener(new PoolListener() {
            @Override
            public void started(String function, InstanceView instance, Duration init) {
                coldStarts.incrementAndGet();
            }
        });
        platform.deploy(spec, FunctionCode.ofClasspath(Greeting.class));
        instance = ClassLoaderInstance.factory(spec, 1, FunctionCode.ofClasspath(Greeting.class))
                .create("bench-1");
        instance.initialize();
        timeout = spec.timeout();
        direct = new DirectCall(spec);
        readEvent = direct.read(EVENT);

        byte[] viaPlatform = dispatcherInvoke();
        byte[] viaDirect = direct.withJson(EVENT);
        if (!Arrays.equals(viaPlatform, viaDirect)) {
            throw new IllegalStateException("platform and direct call disagree: "
                    + new String(viaPlatform, StandardCharsets.UTF_8) + " vs "
                    + new String(viaDirect, StandardCharsets.UTF_8));
        }
    }

    /** Fails the run if any measured call was not warm: only the first call may start one. */
    @TearDown(Level.Trial)
    public void checkStayedWarm() {
        platform.close();
        clock.close();
        instance.close();
        if (coldStarts.get() != 1) {
            throw new IllegalStateException("expected one cold start and every other call warm,"
                    + " but " + coldStarts.get() + " instances were started");
        }
    }

    /** @return the result of a warm invocation through the dispatcher */
    @Benchmark
    public byte[] dispatcherInvoke() {
        InvocationResult result = platform.invoke(
                Invocation.of(FUNCTION, EVENT, InvocationType.REQUEST_RESPONSE, "bench"));
        if (result.status() != InvocationResult.Status.SUCCESS) {
            throw new IllegalStateException("invocation failed: " + result.payloadText());
        }
        return result.payload();
    }

    /** @return the result of a call of the warm instance itself, without the dispatcher */
    @Benchmark
    public byte[] instanceInvoke() {
        InvocationOutcome outcome = instance.invoke(
                new InvocationRequest("bench", timeout, new StringBuilder()), EVENT);
        if (outcome.kind() != InvocationOutcome.Kind.SUCCESS) {
            throw new IllegalStateException("invocation failed: " + outcome.kind());
        }
        return outcome.payload();
    }

    /** @return the result of the handler called directly, with the JSON read and write */
    @Benchmark
    public byte[] directCallWithJson() throws IOException {
        return direct.withJson(EVENT);
    }

    /** @return the result of the handler called directly on an event already read */
    @Benchmark
    public Map<String, String> directCall() {
        return direct.bare(readEvent);
    }
}
