package dev.aiworkbook.benchmarks;

import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.data.Photos;
import dev.aiworkbook.functions.image.model.FashionClassifier;
import dev.aiworkbook.functions.image.model.ModelLocation;
import dev.aiworkbook.functions.image.preprocess.ImagePreprocessor;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chapter 05: a warm prediction of the Fashion-MNIST model, for one image and for a batch of
 * 32, and the preprocessing of one 112x112 photo that comes before it in the function. libtorch
 * runs on one thread, the function's default ({@code PyTorchEngine}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = ForkOptions.QUIET_LOGS)
public class FashionPredictionBenchmark {

    private FashionClassifier model;
    private float[][] one;
    private float[][] batch;
    private BufferedImage photo;
    private final ImagePreprocessor preprocessor = new ImagePreprocessor();

    @Setup
    public void load() throws Exception {
        model = ModelLocation.load(getClass().getClassLoader());
        FashionMnist images = FashionImages.testSet();
        one = images.inputs(0, 1);
        batch = images.inputs(0, 32);
        photo = Photos.darkOnWhite(images, 0, 4);
    }

    @TearDown
    public void close() {
        model.close();
    }

    @Benchmark
    public float[][] oneImage() {
        return model.probabilities(one);
    }

    @Benchmark
    public float[][] batchOf32() {
        return model.probabilities(batch);
    }

    @Benchmark
    public float[] preprocessPhoto() {
        return preprocessor.toModelInput(photo);
    }
}
