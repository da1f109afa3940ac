package dev.aiworkbook.functions.image.training;

/**
 * Everything that decides how the model is trained (chapter 05). Two runs with the same recipe
 * and data shuffle and augment identically, however they are cut into slices.
 *
 * @param epochs passes over the 60,000 training images
 * @param batchSize images per optimizer step
 * @param peakLearningRate Adam's learning rate at the top of the schedule
 * @param warmupSteps steps over which the rate climbs from a tenth of the peak to the peak,
 *     before it falls along a cosine to a hundredth of it at the last step
 * @param maxShift the largest random shift of a training image, in pixels, in each direction
 * @param flip whether training images are mirrored left to right at random, half of them
 * @param labelSmoothing the share of each target spread evenly over all ten classes (0: plain
 *     cross-entropy); it keeps the model from chasing certainty on the training images
 * @param seed the seed of every random choice: shuffles, augmentation, dropout
 */
public record TrainingRecipe(int epochs, int batchSize, float peakLearningRate,
        int warmupSteps, int maxShift, boolean flip, float labelSmoothing, long seed) {

    /**
     * The recipe the shipped model was trained with: 8 epochs of 235 batches of 256, the rate
     * up to 0.005 over 100 steps, mirroring only, label smoothing 0.1. Batches of 256 train
     * about 1.4 times as many images a second as 128 on 2 cores; without the shifts (and with
     * the higher peak, changed together) a run ended higher. Chapter 05's README lists the
     * runs.
     */
    public static final TrainingRecipe DEFAULT = new TrainingRecipe(8, 256, 0.005f, 100, 0,
            true, 0.1f, 20240505L);

    public TrainingRecipe {
        if (epochs < 1 || epochs > 1000) {
            throw new IllegalArgumentException("epochs must be 1..1000, was: " + epochs);
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batchSize must be 1..4096, was: " + batchSize);
        }
        if (!(peakLearningRate > 0 && peakLearningRate < 1)) {
            throw new IllegalArgumentException("peakLearningRate must be in (0, 1), was: "
                    + peakLearningRate);
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("labelSmoothing must be in [0, 1), was: "
                    + labelSmoothing);
        }
        if (warmupSteps < 0 || maxShift < 0 || maxShift > 8) {
            throw new IllegalArgumentException("warmupSteps must be 0 or more and maxShift 0..8,"
                    + " was: warmupSteps=" + warmupSteps + " maxShift=" + maxShift);
        }
    }

    /**
     * @param images training images
     * @return optimizer steps per epoch; the last batch may be smaller
     */
    public int batchesPerEpoch(int images) {
        return (images + batchSize - 1) / batchSize;
    }

    /** @return the same recipe with another number of epochs */
    public TrainingRecipe withEpochs(int epochs) {
        return new TrainingRecipe(epochs, batchSize, peakLearningRate, warmupSteps, maxShift,
                flip, labelSmoothing, seed);
    }
}
