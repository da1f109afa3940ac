package dev.aiworkbook.functions.image.training;

import java.util.Optional;

/**
 * How training is cut into slices that each fit in one invocation (chapter 05, exercise
 * ex05b). A slice is at most {@code sliceBatches} batches and never crosses the end of an
 * epoch, so every epoch ends on a slice boundary, where its test accuracy is measured.
 *
 * <p>Example: 469 batches an epoch, slices of 200. From (epoch 0, batch 0): batches 0..199,
 * then 200..399, then 400..468 (69 batches), then epoch 1 from batch 0. After the last epoch's
 * last slice the position is (epochs, 0) and training is done.
 *
 * @param sliceBatches the most batches one slice trains, at least 1
 * @param batchesPerEpoch batches in one epoch, at least 1
 * @param epochs epochs in the whole run, at least 1
 */
public record SlicePlan(int sliceBatches, int batchesPerEpoch, int epochs) {

    /**
     * One slice: batches {@code fromBatch} (inclusive) to {@code toBatch} (exclusive) of one
     * epoch.
     *
     * @param epoch the epoch, 0-based
     * @param fromBatch the first batch
     * @param toBatch one past the last batch
     */
    public record Slice(int epoch, int fromBatch, int toBatch) {

        /** @return how many batches it trains */
        public int batches() {
            return toBatch - fromBatch;
        }
    }

    public SlicePlan {
        if (sliceBatches < 1 || batchesPerEpoch < 1 || epochs < 1) {
            throw new IllegalArgumentException("sliceBatches, batchesPerEpoch and epochs must"
                    + " be at least 1, was: sliceBatches=" + sliceBatches + " batchesPerEpoch="
                    + batchesPerEpoch + " epochs=" + epochs);
        }
    }

    /**
     * @param at where training stands
     * @return the slice to train next, or empty when training is done
     * @throws IllegalArgumentException if {@code at} lies outside this plan
     */
    public Optional<Slice> next(TrainingPosition at) {
        check(at);
        if (isDone(at)) return Optional.empty();
        int to = Math.min(at.batch() + sliceBatches, batchesPerEpoch);
        return Optional.of(new Slice(at.epoch(), at.batch(), to));
    }

    /**
     * @param at where the slice started
     * @param slice the slice just trained, as {@link #next} gave it
     * @return the position after it: the next epoch's start if it ended the epoch
     */
    public TrainingPosition after(TrainingPosition at, Slice slice) {
        long step = at.step() + slice.batches();
        if (slice.toBatch() == batchesPerEpoch) {
            return new TrainingPosition(slice.epoch() + 1, 0, step);
        }
        return new TrainingPosition(slice.epoch(), slice.toBatch(), step);
    }

    /**
     * @param at a position
     * @return true once every epoch is trained
     */
    public boolean isDone(TrainingPosition at) {
        return at.epoch() >= epochs;
    }

    /** @return optimizer steps in the whole run */
    public long totalSteps() {
        return (long) batchesPerEpoch * epochs;
    }

    private void check(TrainingPosition at) {
        boolean inside = at.epoch() < epochs ? at.batch() < batchesPerEpoch
                : at.epoch() == epochs && at.batch() == 0;
        if (!inside) {
            throw new IllegalArgumentException("position must lie inside the plan ("
                    + epochs + " epochs of " + batchesPerEpoch + " batches), was: epoch="
                    + at.epoch() + " batch=" + at.batch());
        }
    }
}
