package dev.aiworkbook.benchmarks;

import dev.aiworkbook.functions.image.model.ColdStart;
import dev.aiworkbook.functions.image.model.FashionClassifier;
import dev.aiworkbook.functions.image.model.ModelLocation;
import dev.aiworkbook.functions.image.model.ModelManifest;
import dev.aiworkbook.functions.image.model.PyTorchEngine;
import java.nio.file.Path;
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
 * Chapter 05: the prediction function's cold start, one shot per fresh JVM, phase by phase:
 * the engine's start, the model's load (manifest, sha256, parameters, predictor), the first
 * prediction, and all three together, plus the same whole with C1 only
 * ({@code -XX:TieredStopAtLevel=1}), and the sha256 check alone, to see what skipping it
 * would save. Each shot's earlier phases run in its setup, outside the measured time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = ForkOptions.QUIET_LOGS)
public class FashionColdStartBenchmark {

    private Path folder;
    private float[] image;

    @Setup(Level.Trial)
    public void locate() throws Exception {
        folder = ModelLocation.resolve(getClass().getClassLoader());
        image = FashionImages.testSet().inputs(0, 1)[0];
    }

    /** A shot that starts with the engine started. */
    @State(Scope.Benchmark)
    public static class Started {
        @Setup(Level.Trial)
        public void start() {
            PyTorchEngine.start();
        }
    }

    /** A shot that starts with the model loaded; closed with the JVM. */
    @State(Scope.Benchmark)
    public static class Loaded {
        FashionClassifier model;

        @Setup(Level.Trial)
        public void load() {
            model = ModelLocation.load(getClass().getClassLoader());
        }
    }

    @Benchmark
    public Object engineInit() {
        return PyTorchEngine.start();
    }

    @Benchmark
    public Object modelLoad(Started started) {
        return FashionClassifier.load(folder);
    }

    @Benchmark
    public Object firstInference(Loaded loaded) {
        return loaded.model.probabilities(new float[][] {image});
    }

    @Benchmark
    public Object sha256OfParameters(Started started) {
        return FashionClassifier.sha256(folder.resolve(ModelManifest.read(folder).file()));
    }

    @Benchmark
    public Object wholeColdStart() {
        return ColdStart.measure(folder, image);
    }

    @Benchmark
    @Fork(value = 5, jvmArgsAppend = {ForkOptions.QUIET_LOGS, "-XX:TieredStopAtLevel=1"})
    public Object wholeColdStartC1Only() {
        return ColdStart.measure(folder, image);
    }
}
