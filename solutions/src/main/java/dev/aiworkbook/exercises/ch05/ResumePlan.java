package dev.aiworkbook.exercises.ch05;

import java.util.Optional;

/**
 * Chapter 05, exercise ex05b: the bookkeeping that lets training stop and resume.
 *
 * <p>A function may run for a minute; training takes longer. So the training function trains
 * one slice at a time and writes a checkpoint holding its {@link Position}. The next
 * invocation reads it and asks: what is the next slice, and am I done? A slice is at most
 * {@code sliceBatches} batches of one epoch and never crosses an epoch's end, so every epoch
 * ends on a slice boundary (where its test accuracy is measured).
 *
 * <p>Worked example: 469 batches an epoch, slices of 200, 2 epochs. From (epoch 0, batch 0,
 * step 0) the slices are batches 0..199, 200..399 and 400..468 (69 batches, the end of the
 * epoch), and the position after that last one is (epoch 1, batch 0, step 469). After epoch
 * 1's last slice the position is (epoch 2, batch 0, step 938): done, and there is no next
 * slice. In code, a slice's {@code toBatch} is exclusive: the first slice is {@code Slice(0, 0,
 * 200)}.
 *
 * <p>No argument is ever null. An error message names the parameter and shows its value.
 */
public final class ResumePlan {

    /**
     * Where training stands: the next batch to train and the optimizer steps taken.
     *
     * @param epoch the epoch being trained, 0-based; equal to the number of epochs once done
     * @param batch the next batch of that epoch, 0-based
     * @param step the batches trained so far, over all epochs
     */
    public record Position(int epoch, int batch, long step) {
    }

    /**
     * One slice: batches {@code fromBatch} (inclusive) to {@code toBatch} (exclusive).
     *
     * @param epoch the epoch, 0-based
     * @param fromBatch the first batch
     * @param toBatch one past the last batch
     */
    public record Slice(int epoch, int fromBatch, int toBatch) {
    }

    private ResumePlan() {
    }

    /**
     * The slice to train next.
     *
     * @param at where training stands
     * @param sliceBatches the most batches one slice trains, at least 1
     * @param batchesPerEpoch batches in one epoch, at least 1
     * @param epochs epochs in the whole run, at least 1
     * @return the next slice, or empty once training is done
     * @throws IllegalArgumentException if {@code sliceBatches}, {@code batchesPerEpoch} or
     *     {@code epochs} is below 1 (naming it and its value), or if {@code at} lies outside
     *     the run: its batch must be below {@code batchesPerEpoch} while epochs remain, and 0
     *     once done; its epoch at most {@code epochs} (naming the position's fields)
     */
    public static Optional<Slice> next(Position at, int sliceBatches, int batchesPerEpoch,
            int epochs) {
        atLeastOne("sliceBatches", sliceBatches);
        atLeastOne("batchesPerEpoch", batchesPerEpoch);
        atLeastOne("epochs", epochs);
        boolean inside = at.epoch() < epochs ? at.batch() >= 0 && at.batch() < batchesPerEpoch
                : at.epoch() == epochs && at.batch() == 0;
        if (!inside || at.epoch() < 0 || at.step() < 0) {
            throw new IllegalArgumentException("at must lie inside the run (" + epochs
                    + " epochs of " + batchesPerEpoch + " batches), was: epoch=" + at.epoch()
                    + " batch=" + at.batch() + " step=" + at.step());
        }
        if (isDone(at, epochs)) {
            return Optional.empty();
        }
        int to = Math.min(at.batch() + sliceBatches, batchesPerEpoch);
        return Optional.of(new Slice(at.epoch(), at.batch(), to));
    }

    /**
     * Where training stands once a slice is trained.
     *
     * @param at where the slice started
     * @param slice the slice just trained, as {@link #next} gave it for {@code at}
     * @param batchesPerEpoch batches in one epoch, at least 1
     * @return the position after it: the same epoch at {@code toBatch}, or the next epoch's
     *     batch 0 if the slice ended its epoch; the step grows by the slice's batches
     */
    public static Position after(Position at, Slice slice, int batchesPerEpoch) {
        long step = at.step() + slice.toBatch() - slice.fromBatch();
        if (slice.toBatch() == batchesPerEpoch) {
            return new Position(slice.epoch() + 1, 0, step);
        }
        return new Position(slice.epoch(), slice.toBatch(), step);
    }

    /**
     * @param at a position
     * @param epochs epochs in the whole run
     * @return true once every epoch is trained
     */
    public static boolean isDone(Position at, int epochs) {
        return at.epoch() >= epochs;
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was: " + value);
        }
    }
}
