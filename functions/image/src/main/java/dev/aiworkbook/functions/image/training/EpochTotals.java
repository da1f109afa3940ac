package dev.aiworkbook.functions.image.training;

/**
 * The running sums of the epoch in progress, kept in the checkpoint so an epoch trained over
 * several invocations still reports its true mean loss, accuracy and time.
 *
 * @param lossSum the sum of the batches' mean losses
 * @param batches batches trained
 * @param correct training images classified right
 * @param images training images seen
 * @param seconds training time
 */
public record EpochTotals(double lossSum, int batches, long correct, long images,
        double seconds) {

    /** Nothing trained yet. */
    public static final EpochTotals NONE = new EpochTotals(0, 0, 0, 0, 0);

    EpochTotals plus(double moreLoss, int moreBatches, long moreCorrect, long moreImages,
            double moreSeconds) {
        return new EpochTotals(lossSum + moreLoss, batches + moreBatches, correct + moreCorrect,
                images + moreImages, seconds + moreSeconds);
    }

    EpochResult result(int epoch, double testAccuracy) {
        return new EpochResult(epoch, lossSum / batches, (double) correct / images, testAccuracy,
                seconds);
    }
}
