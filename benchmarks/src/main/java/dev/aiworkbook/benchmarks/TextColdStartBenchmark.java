package dev.aiworkbook.benchmarks;

import ai.djl.engine.Engine;
import dev.aiworkbook.functions.text.model.Language;
import dev.aiworkbook.functions.text.model.ModelStore;
import dev.aiworkbook.functions.text.model.SentenceEmbedder;
import dev.aiworkbook.functions.text.summary.SummaryHandler;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chapter 06: the text functions' cold start, one shot per fresh JVM, phase by phase: ONNX
 * Runtime's start, each model's load (manifest, sha256, tokenizer, ONNX session), the sha256
 * check alone, the first inference, and the whole {@link SummaryHandler} constructor (both
 * models), plus two ways to cut it: C1 only ({@code -XX:TieredStopAtLevel=1}), and loading
 * only the English model. Each shot's earlier phases run in its setup, outside the measured
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

    /** The share of the handler's cold start that a verified stamp could skip. */
    @Benchmark
    public Object sha256OfBoth() {
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
