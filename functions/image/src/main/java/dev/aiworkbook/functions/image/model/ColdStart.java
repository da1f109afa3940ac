package dev.aiworkbook.functions.image.model;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The three phases of a prediction function's cold start, as this JVM lives them (chapter 05):
 * starting the engine (libtorch loaded, extracted first if the cache is empty), loading the
 * model (manifest, sha256, parameters) and the first prediction (libtorch's own warm-up).
 *
 * <p>Only the first measurement in a JVM sees the engine start: later ones find it started and
 * measure almost nothing for it. The benchmarks measure it in fresh JVMs.
 *
 * @param engineInit starting DJL's PyTorch engine
 * @param modelLoad reading and checking the model and creating its predictor
 * @param firstInference the first prediction of one image
 */
public record ColdStart(Duration engineInit, Duration modelLoad, Duration firstInference) {

    /** @return the three phases together */
    public Duration total() {
        return engineInit.plus(modelLoad).plus(firstInference);
    }

    /**
     * Starts the engine, loads the model and predicts one image, timing each step.
     *
     * @param folder the model's folder
     * @param image one preprocessed image, 784 values
     * @return the three durations
     * @throws ModelUnavailableException if the model cannot be loaded
     */
    public static ColdStart measure(Path folder, float[] image) {
        long started = System.nanoTime();
        PyTorchEngine.start();
        long engineReady = System.nanoTime();
        try (FashionClassifier classifier = FashionClassifier.load(folder)) {
            long loaded = System.nanoTime();
            classifier.probabilities(new float[][] {image});
            long predicted = System.nanoTime();
            return new ColdStart(Duration.ofNanos(engineReady - started),
                    Duration.ofNanos(loaded - engineReady), Duration.ofNanos(predicted - loaded));
        }
    }
}
