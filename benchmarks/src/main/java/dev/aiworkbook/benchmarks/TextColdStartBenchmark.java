package dev.aiworkbook.benchmarks;

import ai.djl.engine.Engine;
import dev.aiworkbook.functions.text.model.Language;
import dev.aiworkbook.functions.text.model.ModelStore;
import dev.aiworkbook.functions.text.model.SentenceEmbedder;
import dev.aiworkbook.functions.text.summary.SummaryHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chapter 06: the text functions' cold start, one shot per fresh JVM, phase by phase: ONNX
 * Runtime's start, each model's load (manifest, sha256 or its stamp, tokenizer, ONNX
 * session), the sha256 check alone, the first inference, and the whole {@link SummaryHandler}
 * constructor (both models), plus three ways to cut it: the verified stamps (the plain
 * benchmarks run with the stamps earlier forks wrote, the {@code Unstamped} ones without), C1
 * only ({@code -XX:TieredStopAtLevel=1}), and loading only the English model. Each shot's earlier phases run in its setup, outside the measured
 * time. The forks get DJL's settings of the text functions, so ONNX Runtime can start alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {ForkOptions.QUIET_LOGS, TextColdStartBenchmark.OFFLINE,
        TextColdStartBenchmark.ONE_ENGINE})
public class TextColdStartBenchmark {

    static final String OFFLINE = "-Dai.djl.offline=true";
    static final String ONE_ENGINE = "-Dai.djl.onnx.disable_alternative=true";
    private static final String ENGLISH = Language.EN.model();
    private static final String CHINESE = Language.ZH.model();

    /** A shot that starts with ONNX Runtime started. */
    @State(Scope.Benchmark)
    public static class Started {
        @Setup(Level.Trial)
        public void start() {
            Engine.getEngine("OnnxRuntime");
        }
    }

    /** A shot that starts with no stamp beside the model files: every file is hashed. */
    @State(Scope.Benchmark)
    public static class Unstamped {
        @Setup(Level.Trial)
        public void removeStamps() throws IOException {
            ModelStore store = ModelStore.locate();
            for (String model : List.of(ENGLISH, CHINESE)) {
                try (Stream<Path> files = Files.list(store.folder(model))) {
                    for (Path stamp : files.filter(f -> f.toString().endsWith(".verified"))
                            .toList()) {
                        Files.delete(stamp);
                    }
                }
            }
        }
    }

    /** A shot that starts with both models loaded; closed with the JVM. */
    @State(Scope.Benchmark)
    public static class Loaded {
        SentenceEmbedder english;
        SentenceEmbedder chinese;

        @Setup(Level.Trial)
        public void load() {
            english = SentenceEmbedder.load(ModelStore.locate(), ENGLISH);
            chinese = SentenceEmbedder.load(ModelStore.locate(), CHINESE);
        }
    }

    @Benchmark
    public Object engineInit() {
        return Engine.getEngine("OnnxRuntime");
    }

    @Benchmark
    public Object modelLoadMiniLm(Started started) {
        return SentenceEmbedder.load(ModelStore.locate(), ENGLISH);
    }

    @Benchmark
    public Object modelLoadBge(Started started) {
        return SentenceEmbedder.load(ModelStore.locate(), CHINESE);
    }

    @Benchmark
    public Object sha256OfMiniLm() {
        return ModelStore.locate().verified(ENGLISH);
    }

    @Benchmark
    public Object sha256OfBge() {
        return ModelStore.locate().verified(CHINESE);
    }

    /** Both models' checks as a cold start makes them, with the stamps of earlier forks. */
    @Benchmark
    public Object sha256OfBoth() {
        ModelStore store = ModelStore.locate();
        return store.verified(ENGLISH).equals(store.verified(CHINESE));
    }

    /** The same without stamps: the share of the handler's cold start a stamp saves. */
    @Benchmark
    public Object sha256OfBothUnstamped(Unstamped unstamped) {
        ModelStore store = ModelStore.locate();
        return store.verified(ENGLISH).equals(store.verified(CHINESE));
    }

    @Benchmark
    public float[] firstInferenceMiniLm(Loaded loaded) {
        return loaded.english.embed("Functions start cold when no instance is idle.");
    }

    @Benchmark
    public float[] firstInferenceBge(Loaded loaded) {
        return loaded.chinese.embed("没有空闲实例时，函数会冷启动。");
    }

    @Benchmark
    public Object summaryHandler() {
        return new SummaryHandler();
    }

    /** The handler's cold start the first time, or where no stamp can be written. */
    @Benchmark
    public Object summaryHandlerUnstamped(Unstamped unstamped) {
        return new SummaryHandler();
    }

    @Benchmark
    @Fork(value = 5, jvmArgsAppend = {ForkOptions.QUIET_LOGS, OFFLINE, ONE_ENGINE,
            "-XX:TieredStopAtLevel=1"})
    public Object summaryHandlerC1Only() {
        return new SummaryHandler();
    }

    /** What a handler that loads only the model its text needs would pay: engine and MiniLM. */
    @Benchmark
    public Object englishModelOnly() {
        return SentenceEmbedder.load(ModelStore.locate(), ENGLISH);
    }
}
