package dev.aiworkbook.functions.image.model;

import java.time.Duration;
import java.util.Arrays;

/**
 * The median time of a warm prediction, for the chapter's table (chapter 05). A quick figure:
 * the JMH benchmark {@code FashionPredictionBenchmark} is the careful one.
 */
public final class Latency {

    private Latency() {
    }

    /**
     * Predicts the same images {@code runs} times after as many warm-up runs, and returns the
     * median.
     *
     * @param classifier a loaded model
     * @param images the batch, each 784 values
     * @param runs how many timed runs, at least 1
     * @return the median duration of one prediction of the whole batch
     * @throws IllegalArgumentException if runs is less than 1
     */
    public static Duration median(FashionClassifier classifier, float[][] images, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was: " + runs);
        }
        for (int i = 0; i < runs; i++) classifier.probabilities(images);
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            classifier.probabilities(images);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return Duration.ofNanos(nanos[runs / 2]);
    }
}
