package dev.aiworkbook.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.benchmarks.handlers.Hello;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.function.Json;
import dev.aiworkbook.runtime.instance.ClassLoaderInstance;
import dev.aiworkbook.runtime.instance.FunctionInstance;
import dev.aiworkbook.runtime.instance.InitException;
import dev.aiworkbook.runtime.instance.InvocationOutcome;
import dev.aiworkbook.runtime.instance.InvocationRequest;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * The class-loader cold start of the trivial {@link Hello} handler, in milliseconds: a new
 * instance is created and initialised (a new class loader, the handler class loaded and linked
 * anew, its static initialiser, its constructor, the binding of its handler method, and the
 * start of its lane thread), then closed.
 *
 * <p>Goal: at most 20 ms. {@link #coldStart} is the steady figure, once the platform's own code
 * is loaded and compiled, and {@link #coldStartFromPackage} the same from a one-class
 * deployment package instead of the classpath. {@link #firstColdStartInJvm} is the very first
 * cold start in a fresh JVM (one shot per fork, several forks): it also pays for the first use
 * of the platform's instance code, of Jackson and of the JDK's lambda and class-loading
 * machinery: the platform's boot. {@link #firstColdStartAfterPlatformStart} is the first cold
 * start once a {@code Dispatcher} exists, which warms Jackson and the instance code at start:
 * what the first function called on a running platform pays.
 *
 * <p>Nothing is cached between two measured operations: each makes its own class loader, which
 * defines the handler class again. The check after the run proves it on two instances.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.QUIET_LOGS, ForkOptions.QUIET_REPORTS,
        ForkOptions.MIN_HEAP, ForkOptions.MAX_HEAP})
public class ColdStartBenchmark {

    private static final FunctionSpec SPEC = FunctionSpec.of("hello", Hello.class.getName());

    /** The handler's code on the classpath, where it was compiled. */
    @State(Scope.Benchmark)
    public static class Classpath {
        private FunctionCode code;
        private int created;

        @Setup(Level.Trial)
        public void find() {
            code = FunctionCode.ofClasspath(Hello.class);
        }

        /** Proves, after the measurement, that each instance defined the class anew. */
        @TearDown(Level.Trial)
        public void checkFreshLoads() throws Exception {
            checkFresh(code, "check-" + (++created), "check-" + (++created));
        }

        String nextId() {
            return "cold-" + (++created);
        }
    }

    /** The handler alone in a jar, as a deployment package, isolated from the platform. */
    @State(Scope.Benchmark)
    public static class Package {
        private Path folder;
        private FunctionCode code;
        private int created;

        @Setup(Level.Trial)
        public void pack() throws IOException {
            folder = Files.createTempDirectory("cold-start-bench");
            code = FunctionCode.ofPackage(HandlerPackage.write(Hello.class, folder));
        }

        /** Proves, after the measurement, that each instance defined the class anew. */
        @TearDown(Level.Trial)
        public void checkFreshLoads() throws Exception {
            try {
                checkFresh(code, "check-" + (++created), "check-" + (++created));
            } finally {
                try (var files = Files.list(folder)) {
                    for (Path file : files.toList()) Files.delete(file);
                }
                Files.delete(folder);
            }
        }

        String nextId() {
            return "cold-" + (++created);
        }
    }

    /** Jackson, used once the way the platform uses it, before anything is measured. */
    @State(Scope.Benchmark)
    public static class PlatformStarted {
        @Setup(Level.Trial)
        public void start() {
            Dispatcher.on(VirtualClock.atEpoch()).close();
        }
    }

    /** @return the init duration the instance measured itself */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Duration coldStart(Classpath function) throws InitException {
        return startAndClose(function.code, function.nextId());
    }

    /** @return the init duration the instance measured itself */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Duration coldStartFromPackage(Package function) throws InitException {
        return startAndClose(function.code, function.nextId());
    }

    /** @return the init duration the instance measured itself */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgsAppend = {ForkOptions.QUIET_LOGS, ForkOptions.QUIET_REPORTS,
            ForkOptions.MIN_HEAP, ForkOptions.MAX_HEAP})
    public Duration firstColdStartInJvm(Classpath function) throws InitException {
        return startAndClose(function.code, function.nextId());
    }

    /** @return the init duration the instance measured itself */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgsAppend = {ForkOptions.QUIET_LOGS, ForkOptions.QUIET_REPORTS,
            ForkOptions.MIN_HEAP, ForkOptions.MAX_HEAP})
    public Duration firstColdStartAfterPlatformStart(Classpath function,
            PlatformStarted platform)
            throws InitException {
        return startAndClose(function.code, function.nextId());
    }

    /** What a deployment and the pool's cold start do: a factory, a new instance, its init. */
    private static Duration startAndClose(FunctionCode code, String id) throws InitException {
        try (FunctionInstance instance = ClassLoaderInstance.factory(SPEC, 1, code).create(id)) {
            return instance.initialize();
        }
    }

    private static void checkFresh(FunctionCode code, String firstId, String secondId)
            throws Exception {
        JsonNode first = loadAndAsk(code, firstId);
        JsonNode second = loadAndAsk(code, secondId);
        if (first.get("loadedAt").equals(second.get("loadedAt"))) {
            throw new IllegalStateException("two instances shared one loaded handler class: "
                    + first + " and " + second);
        }
    }

    private static JsonNode loadAndAsk(FunctionCode code, String id) throws Exception {
        try (FunctionInstance instance = ClassLoaderInstance.factory(SPEC, 1, code).create(id)) {
            instance.initialize();
            InvocationRequest ask = new InvocationRequest("check", SPEC.timeout(),
                    new StringBuilder());
            InvocationOutcome outcome = instance.invoke(ask,
                    "{}".getBytes(StandardCharsets.UTF_8));
            JsonNode answer = Json.mapper().readTree(outcome.payload());
            if (!answer.path("loader").asText().equals(SPEC.name() + "-" + id)) {
                throw new IllegalStateException("instance " + id
                        + " did not define the handler in a class loader of its own: " + answer);
            }
            return answer;
        }
    }
}
