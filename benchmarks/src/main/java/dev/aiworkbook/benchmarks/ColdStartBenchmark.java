package dev.aiworkbook.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.benchmarks.handlers.Hello;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.function.Json;
import dev.aiworkbook.runtime.instance.ClassLoaderInstance;
import dev.aiworkbook.runtime.instance.FunctionInstance;
import dev.aiworkbook.runtime.instance.InitException;
import dev.aiworkbook.runtime.instance.InstanceFactory;
import dev.aiworkbook.runtime.instance.InvocationOutcome;
import dev.aiworkbook.runtime.instance.InvocationRequest;
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
 * <p>Goal: at most 20 ms. {@link #coldStart()} is the steady figure, once the platform's own
 * code is loaded and compiled; {@link #firstColdStartInJvm()} is the very first cold start in a
 * fresh JVM (one shot per fork, several forks), which also pays for loading the platform's and
 * Jackson's classes on first use. {@link #coldStartFromPackage()} loads the handler from a
 * one-class deployment package instead of the classpath.
 *
 * <p>Nothing is cached between two measured operations: each makes its own class loader, which
 * defines the handler class again. The check after the run proves it on two instances.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.QUIET_LOGS, ForkOptions.QUIET_REPORTS,
        ForkOptions.MIN_HEAP, ForkOptions.MAX_HEAP})
public class ColdStartBenchmark {

    /** The deployed function, as the platform holds it once deployed: nothing initialised. */
    @State(Scope.Benchmark)
    public static class Function {
        private final FunctionSpec spec = FunctionSpec.of("hello", Hello.class.getName());
        private Path folder;
        private InstanceFactory fromClasspath;
        private InstanceFactory fromPackage;
        private int created;

        @Setup(Level.Trial)
        public void deploy() throws IOException {
            folder = Files.createTempDirectory("cold-start-bench");
            fromClasspath = ClassLoaderInstance.factory(spec, 1,
                    FunctionCode.ofClasspath(Hello.class));
            fromPackage = ClassLoaderInstance.factory(spec, 1,
                    FunctionCode.ofPackage(HandlerPackage.write(Hello.class, folder)));
        }

        /** Proves, after the measurement, that each instance defined the class anew. */
        @TearDown(Level.Trial)
        public void checkFreshLoads() throws Exception {
            try {
                checkFresh(fromClasspath);
                checkFresh(fromPackage);
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

        private void checkFresh(InstanceFactory factory) throws Exception {
            JsonNode first = loadAndAsk(factory);
            JsonNode second = loadAndAsk(factory);
            if (first.get("loader").equals(second.get("loader"))
                    || first.get("loadedAt").equals(second.get("loadedAt"))) {
                throw new IllegalStateException("two instances shared one loaded handler class: "
                        + first + " and " + second);
            }
        }

        private JsonNode loadAndAsk(InstanceFactory factory) throws Exception {
            String id = nextId();
            try (FunctionInstance instance = factory.create(id)) {
                instance.initialize();
                InvocationRequest ask = new InvocationRequest("check", spec.timeout(),
                        new StringBuilder());
                InvocationOutcome outcome = instance.invoke(ask,
                        "{}".getBytes(StandardCharsets.UTF_8));
                JsonNode answer = Json.mapper().readTree(outcome.payload());
                if (!answer.path("loader").asText().equals(spec.name() + "-" + id)) {
                    throw new IllegalStateException("instance " + id
                            + " did not define the handler in its own loader: " + answer);
                }
                return answer;
            }
        }
    }

    /** @return the init duration the instance measured itself */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Duration coldStart(Function function) throws InitException {
        return startAndClose(function.fromClasspath, function.nextId());
    }

    /** @return the init duration the instance measured itself */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Duration coldStartFromPackage(Function function) throws InitException {
        return startAndClose(function.fromPackage, function.nextId());
    }

    /** @return the init duration the instance measured itself */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgsAppend = {ForkOptions.QUIET_LOGS, ForkOptions.QUIET_REPORTS,
            ForkOptions.MIN_HEAP, ForkOptions.MAX_HEAP})
    public Duration firstColdStartInJvm(Function function) throws InitException {
        return startAndClose(function.fromClasspath, function.nextId());
    }

    private static Duration startAndClose(InstanceFactory factory, String id)
            throws InitException {
        try (FunctionInstance instance = factory.create(id)) {
            return instance.initialize();
        }
    }
}
