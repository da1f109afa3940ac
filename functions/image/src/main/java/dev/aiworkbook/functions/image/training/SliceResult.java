package dev.aiworkbook.functions.image.training;

import java.util.Optional;

/**
 * What one slice of training did.
 *
 * @param slice the batches trained
 * @param next the position after them, as checkpointed
 * @param trainLoss the slice's mean cross-entropy
 * @param trainAccuracy the share of its training images classified right
 * @param seconds its training time
 * @param epoch the finished epoch's result, if the slice ended one
 */
public record SliceResult(SlicePlan.Slice slice, TrainingPosition next, double trainLoss,
        double trainAccuracy, double seconds, Optional<EpochResult> epoch) {
}
