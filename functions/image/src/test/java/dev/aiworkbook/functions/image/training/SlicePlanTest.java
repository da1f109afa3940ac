package dev.aiworkbook.functions.image.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlicePlanTest {

    private final SlicePlan plan = new SlicePlan(200, 469, 2);

    @Test
    @DisplayName("slices of 200 cut an epoch of 469 batches into 200, 200 and 69")
    void cutsAnEpoch() {
        TrainingPosition at = TrainingPosition.START;

        SlicePlan.Slice first = plan.next(at).orElseThrow();
        TrainingPosition second = plan.after(at, first);
        SlicePlan.Slice last = plan.next(new TrainingPosition(0, 400, 400)).orElseThrow();

        assertThat(first).isEqualTo(new SlicePlan.Slice(0, 0, 200));
        assertThat(second).isEqualTo(new TrainingPosition(0, 200, 200));
        assertThat(last).isEqualTo(new SlicePlan.Slice(0, 400, 469));
        assertThat(plan.after(new TrainingPosition(0, 400, 400), last))
                .as("the epoch's last slice moves to the next epoch's start")
                .isEqualTo(new TrainingPosition(1, 0, 469));
    }

    @Test
    @DisplayName("after the last epoch training is done and there is no next slice")
    void endsWhenDone() {
        TrainingPosition end = plan.after(new TrainingPosition(1, 400, 869),
                new SlicePlan.Slice(1, 400, 469));

        assertThat(end).isEqualTo(new TrainingPosition(2, 0, 938));
        assertThat(plan.isDone(end)).isTrue();
        assertThat(plan.next(end)).isEmpty();
    }

    @Test
    @DisplayName("a position outside the plan is refused with its values")
    void refusesPositionsOutside() {
        assertThatThrownBy(() -> plan.next(new TrainingPosition(0, 469, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch=469");
    }

    @Test
    @DisplayName("the learning rate warms up, peaks, and decays to a hundredth")
    void learningRateSchedule() {
        TrainingRecipe recipe = TrainingRecipe.DEFAULT;

        assertThat(LearningRate.at(recipe, 0, 4690)).isEqualTo(0.0003f);
        assertThat(LearningRate.at(recipe, 200, 4690)).isEqualTo(0.003f);
        assertThat(LearningRate.at(recipe, 4689, 4690)).isCloseTo(0.00003f,
                org.assertj.core.data.Offset.offset(1e-7f));
    }

    @Test
    @DisplayName("an epoch's shuffle is a permutation, the same for the same seed and epoch")
    void shuffleIsReproducible() {
        int[] a = Shuffle.order(7, 3, 1000);
        int[] b = Shuffle.order(7, 3, 1000);
        int[] other = Shuffle.order(7, 4, 1000);

        assertThat(a).isEqualTo(b).isNotEqualTo(other);
        assertThat(java.util.Arrays.stream(a).sorted().toArray())
                .isEqualTo(java.util.stream.IntStream.range(0, 1000).toArray());
    }
}
