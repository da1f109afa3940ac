package dev.aiworkbook.benchmarks;

import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.training.FashionTrainer;
import dev.aiworkbook.functions.image.training.GlibcHeap;
import dev.aiworkbook.functions.image.training.SliceResult;
import dev.aiworkbook.functions.image.training.TrainingRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Chapter 05: one training slice of 10 batches of 256, the training function's own code
 * ({@code FashionTrainer.trainSlice}, checkpoint included), with glibc keeping freed memory
 * ({@code GlibcHeap}, the training's default) and without. The setting holds for a whole
 * process, so each side runs in its own fork. libtorch runs on 2 threads, as in the committed
 * training run; the images are the committed test set, and the slices that end an epoch test
 * on 256 of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.QUIET_LOGS, FashionTrainingBenchmark.TWO_THREADS})
public class FashionTrainingBenchmark {

    static final String TWO_THREADS = "-Dai.djl.pytorch.num_threads=2";
    private static final int SLICE_BATCHES = 10;

    private Path folder;
    private FashionTrainer trainer;
    private FashionMnist check;

    @Setup
    public void start() throws IOException {
        folder = Files.createTempDirectory("training-benchmark");
        FashionMnist images = FashionImages.testSet();
        check = new FashionMnist(Arrays.copyOf(images.images(), 256 * FashionMnist.PIXELS),
                Arrays.copyOf(images.labels(), 256));
        // Enough epochs that the measurement never reaches the end of the recipe.
        trainer = FashionTrainer.resumeOrStart(folder, TrainingRecipe.DEFAULT.withEpochs(1000),
                SLICE_BATCHES, images);
    }

    @TearDown
    public void close() throws IOException {
        trainer.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
        }
    }

    @Benchmark
    public SliceResult sliceKeepingFreedMemory() throws Exception {
        return trainer.trainSlice(folder, check, step -> { });
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {ForkOptions.QUIET_LOGS, TWO_THREADS,
            "-D" + GlibcHeap.PROPERTY + "=false"})
    public SliceResult sliceReturningFreedMemory() throws Exception {
        return trainer.trainSlice(folder, check, step -> { });
    }
}
