package dev.aiworkbook.functions.image.training;

/**
 * What one epoch achieved.
 *
 * @param epoch the epoch, 1-based as people count them
 * @param trainLoss mean cross-entropy over its batches
 * @param trainAccuracy share of its (augmented) training images classified right
 * @param testAccuracy share of the 10,000 test images classified right after it
 * @param seconds training time of the epoch, without the test
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy,
        double testAccuracy, double seconds) {
}
