package dev.aiworkbook.functions.image.training;

/**
 * The learning-rate schedule (chapter 05): a linear warm-up, then a cosine decay. A pure
 * function of the step, so a resumed run needs only its step count to continue the schedule.
 *
 * <p>With peak 0.003, 200 warm-up steps and 4,690 steps in all: step 0 trains at 0.0003,
 * step 200 at 0.003, step 2,445 (half-way down) at about 0.0015, the last step at 0.00003.
 */
public final class LearningRate {

    private LearningRate() {
    }

    /**
     * @param recipe the peak and the warm-up
     * @param step the step about to be taken, 0-based
     * @param totalSteps steps in the whole run
     * @return the learning rate of that step
     */
    public static float at(TrainingRecipe recipe, long step, long totalSteps) {
        float peak = recipe.peakLearningRate();
        int warmup = recipe.warmupSteps();
        if (step < warmup) {
            return peak * (0.1f + 0.9f * step / warmup);
        }
        long decaySteps = Math.max(1, totalSteps - 1 - warmup);
        double progress = Math.min(1.0, (double) (step - warmup) / decaySteps);
        double floor = peak * 0.01;
        return (float) (floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
