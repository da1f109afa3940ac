package dev.aiworkbook.functions.image.training;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over the whole recipe's steps, for a person watching training (chapter 05):
 * it starts at the checkpoint's step, moves with each batch, and shows the last finished
 * epoch's test accuracy; each finished epoch also gets a line of its own.
 *
 * <p>It writes to a stream it is given (the chapter gives {@code System.err}, so the lesson's
 * result on {@code System.out} stays clean). Without a terminal the bar is redrawn on the same
 * line with carriage returns.
 */
public final class TrainingProgress implements IntConsumer, AutoCloseable {

    private final ProgressBar bar;
    private final PrintStream out;

    private TrainingProgress(ProgressBar bar, PrintStream out) {
        this.bar = bar;
        this.out = out;
    }

    /**
     * @param plan the run's slices, for the total number of steps
     * @param checkpoint where the run stands
     * @param out where to draw
     * @return a bar already showing the steps done
     */
    public static TrainingProgress start(SlicePlan plan, Checkpoint checkpoint, PrintStream out) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("training")
                .setInitialMax(plan.totalSteps())
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" steps", 1)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(out, 100))
                .startsFrom(checkpoint.position().step(), Duration.ZERO)
                .build();
        TrainingProgress progress = new TrainingProgress(bar, out);
        checkpoint.history().stream().reduce((a, b) -> b).ifPresent(progress::showLast);
        return progress;
    }

    /** @param step the step just trained, counted from 1 */
    @Override
    public void accept(int step) {
        bar.stepTo(step);
    }

    /** @param epoch an epoch just finished: printed on a line of its own */
    public void epochDone(EpochResult epoch) {
        bar.refresh();
        out.printf("%nepoch %d: test accuracy %.4f, train accuracy %.4f, loss %.3f, %.0f s%n",
                epoch.epoch(), epoch.testAccuracy(), epoch.trainAccuracy(), epoch.trainLoss(),
                epoch.seconds());
        showLast(epoch);
    }

    private void showLast(EpochResult epoch) {
        bar.setExtraMessage(String.format(" epoch %d: test %.4f", epoch.epoch(),
                epoch.testAccuracy()));
    }

    @Override
    public void close() {
        bar.close();
    }
}
