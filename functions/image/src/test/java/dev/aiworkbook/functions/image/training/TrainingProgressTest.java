package dev.aiworkbook.functions.image.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

    @Test
    void anEpochsEndPrintsItsAccuracyAndTheBarCountsTheRecipesSteps() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        SlicePlan plan = new SlicePlan(50, 469, 10);

        try (TrainingProgress progress = TrainingProgress.start(plan,
                Checkpoint.start(TrainingRecipe.DEFAULT), out)) {
            for (int step = 1; step <= 469; step++) {
                progress.accept(step);
            }
            progress.epochDone(new EpochResult(1, 0.512, 0.8101, 0.8633, 104.6));
        }

        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("epoch 1: test accuracy 0.8633, train accuracy 0.8101,"
                + " loss 0.512, 105 s");
        assertThat(drawn).contains("469/4690").contains("epoch 1: test 0.8633");
    }
}
