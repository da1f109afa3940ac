package dev.aiworkbook.functions.image.training;

/**
 * Where training stands (chapter 05): the next batch to train, and how many optimizer steps
 * have been taken. Together with the recipe's seed this is all a resumed run needs to pick up
 * exactly where the last one stopped, since the shuffle of an epoch and the learning rate of a
 * step are functions of (seed, epoch) and (step) alone.
 *
 * @param epoch the epoch being trained, 0-based; equal to the recipe's epochs once done
 * @param batch the next batch of that epoch, 0-based
 * @param step optimizer steps taken so far, over all epochs
 */
public record TrainingPosition(int epoch, int batch, long step) {

    /** Before the first batch. */
    public static final TrainingPosition START = new TrainingPosition(0, 0, 0);

    public TrainingPosition {
        if (epoch < 0 || batch < 0 || step < 0) {
            throw new IllegalArgumentException("epoch, batch and step must be 0 or more, was: "
                    + "epoch=" + epoch + " batch=" + batch + " step=" + step);
        }
    }
}
