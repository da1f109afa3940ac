// Graded test of exercise ex05b: read-only. Change ResumePlan, not this file.
package dev.aiworkbook.exercises.ch05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiworkbook.exercises.ch05.ResumePlan.Position;
import dev.aiworkbook.exercises.ch05.ResumePlan.Slice;
import dev.aiworkbook.functions.image.training.SlicePlan;
import dev.aiworkbook.functions.image.training.TrainingPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades exercise ex05b of chapter 05, {@link ResumePlan}; the tests run easiest first. */
@Tag("ex05b")
@DisplayName("ex05b: checkpoint-and-resume bookkeeping")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex05bResumePlanTest {

    private static final Position START = new Position(0, 0, 0);

    @Test
    @Order(1)
    @DisplayName("from the start, the first slice is batches 0 to 200 (exclusive)")
    void firstSlice() {
        assertThat(ResumePlan.next(START, 200, 469, 2)).contains(new Slice(0, 0, 200));
    }

    @Test
    @Order(2)
    @DisplayName("a position before the last epoch's end is not done; one past it is")
    void done() {
        assertThat(ResumePlan.isDone(new Position(1, 468, 937), 2)).isFalse();
        assertThat(ResumePlan.isDone(new Position(2, 0, 938), 2)).isTrue();
    }

    @Test
    @Order(3)
    @DisplayName("within an epoch, the position moves to the slice's end and counts its steps")
    void afterAMiddleSlice() {
        Position at = new Position(0, 200, 200);

        Position next = ResumePlan.after(at, new Slice(0, 200, 400), 469);

        assertThat(next).isEqualTo(new Position(0, 400, 400));
    }

    @Test
    @Order(4)
    @DisplayName("the worked example: a slice never crosses the epoch's end, 400..469, and"
            + " then epoch 1 starts at step 469")
    void epochEnd() {
        Position at = new Position(0, 400, 400);

        Optional<Slice> slice = ResumePlan.next(at, 200, 469, 2);
        Position next = ResumePlan.after(at, slice.orElseThrow(), 469);

        assertThat(slice).contains(new Slice(0, 400, 469));
        assertThat(next).isEqualTo(new Position(1, 0, 469));
    }

    @Test
    @Order(5)
    @DisplayName("once done, there is no next slice")
    void nothingAfterDone() {
        assertThat(ResumePlan.next(new Position(2, 0, 938), 200, 469, 2)).isEmpty();
    }

    @Test
    @Order(6)
    @DisplayName("the chapter's numbers: slices of 50 make 10 an epoch and 100 for 10 epochs")
    void chapterNumbers() {
        List<Slice> slices = walk(START, 50, 469, 10);

        assertThat(slices).hasSize(100);
        assertThat(slices.get(9)).isEqualTo(new Slice(0, 450, 469));
        assertThat(slices.get(10)).isEqualTo(new Slice(1, 0, 50));
    }

    @Test
    @Order(7)
    @DisplayName("a bad plan or a position outside it is refused, naming what is wrong")
    void refusals() {
        IllegalArgumentException slice = assertThrows(IllegalArgumentException.class,
                () -> ResumePlan.next(START, 0, 469, 2));
        IllegalArgumentException epochs = assertThrows(IllegalArgumentException.class,
                () -> ResumePlan.next(START, 50, 469, 0));
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> ResumePlan.next(new Position(0, 469, 469), 50, 469, 2));
        IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class,
                () -> ResumePlan.next(new Position(3, 0, 1407), 50, 469, 2));

        assertThat(slice).hasMessageContaining("sliceBatches").hasMessageContaining("0");
        assertThat(epochs).hasMessageContaining("epochs").hasMessageContaining("0");
        assertThat(batch).hasMessageContaining("batch").hasMessageContaining("469");
        assertThat(beyond).hasMessageContaining("epoch").hasMessageContaining("3");
    }

    @Test
    @Order(8)
    @DisplayName("stopped and resumed anywhere, random plans train every batch once, as the"
            + " training function's own SlicePlan does")
    void resumeAnywhere() {
        Random random = new Random(505);
        for (int run = 0; run < 200; run++) {
            int sliceBatches = 1 + random.nextInt(30);
            int perEpoch = 1 + random.nextInt(60);
            int epochs = 1 + random.nextInt(4);
            SlicePlan reference = new SlicePlan(sliceBatches, perEpoch, epochs);
            Position at = START;
            TrainingPosition referenceAt = TrainingPosition.START;
            long trained = 0;

            // Each round is one invocation: it reads the checkpoint's position, trains one
            // slice, writes the new position, and the instance may then be reclaimed.
            while (!ResumePlan.isDone(at, epochs)) {
                Slice slice = ResumePlan.next(at, sliceBatches, perEpoch, epochs).orElseThrow();
                SlicePlan.Slice expected = reference.next(referenceAt).orElseThrow();
                assertThat(slice).as("plan " + reference + " at " + at)
                        .isEqualTo(new Slice(expected.epoch(), expected.fromBatch(),
                                expected.toBatch()));
                trained += slice.toBatch() - slice.fromBatch();
                at = ResumePlan.after(at, slice, perEpoch);
                referenceAt = reference.after(referenceAt, expected);
            }

            assertThat(at).as("plan " + reference).isEqualTo(new Position(epochs, 0,
                    (long) perEpoch * epochs));
            assertThat(trained).isEqualTo((long) perEpoch * epochs);
        }
    }

    private static List<Slice> walk(Position from, int sliceBatches, int perEpoch, int epochs) {
        List<Slice> slices = new ArrayList<>();
        Position at = from;
        for (Optional<Slice> s = ResumePlan.next(at, sliceBatches, perEpoch, epochs);
                s.isPresent(); s = ResumePlan.next(at, sliceBatches, perEpoch, epochs)) {
            slices.add(s.get());
            at = ResumePlan.after(at, s.get(), perEpoch);
        }
        return slices;
    }
}
