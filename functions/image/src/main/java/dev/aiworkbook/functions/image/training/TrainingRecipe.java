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
 * @param seed the seed of every random choice: shuffles, augmentation, dropout
 */
public record TrainingRecipe(int epochs, int batchSize, float peakLearningRate,
        int warmupSteps, int maxShift, boolean flip, long seed) {

    /** The recipe the shipped model was trained with. */
    public static final TrainingRecipe DEFAULT = new TrainingRecipe(10, 128, 0.003f, 200, 1,
            true, 20240505L);

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
                flip, seed);
    }
}
