package dev.aiworkbook.functions.image.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.model.FashionCnn;
import dev.aiworkbook.functions.image.model.PyTorchEngine;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Trains {@link FashionCnn} one slice at a time, from and to a checkpoint (chapter 05).
 *
 * <p>The loop is written out rather than left to DJL's {@code EasyTrain}, so that everything a
 * resumed run needs is visible: the shuffle (from the seed and epoch), the augmentation (from
 * the seed and step), the learning rate (from the step) and the optimizer's state (in the
 * checkpoint). The initial weights and dropout draw from the engine's generator, which is
 * seeded from the recipe's seed before the weights are drawn and reseeded before every batch
 * from the seed and step, so the run's result does not depend on where it was cut into slices.
 */
public final class FashionTrainer implements AutoCloseable {

    private static final int EVAL_BATCH = 500;

    private final Model model;
    private final Block block;
    private final FashionMnist train;
    private final SlicePlan plan;
    private AdamState optimizer;
    private Checkpoint checkpoint;

    private FashionTrainer(Model model, FashionMnist train, SlicePlan plan, AdamState optimizer,
            Checkpoint checkpoint) {
        this.model = model;
        this.block = model.getBlock();
        this.train = train;
        this.plan = plan;
        this.optimizer = optimizer;
        this.checkpoint = checkpoint;
    }

    /**
     * Resumes from the folder's checkpoint, or starts a new run there.
     *
     * @param folder the checkpoint folder
     * @param recipe the recipe of a new run; a resumed run keeps its own
     * @param sliceBatches the most batches a slice trains
     * @param train the training set
     * @return the trainer
     * @throws IOException if the checkpoint is damaged
     */
    public static FashionTrainer resumeOrStart(Path folder, TrainingRecipe recipe,
            int sliceBatches, FashionMnist train) throws IOException {
        PyTorchEngine.start();
        GlibcHeap.keepFreedMemory();
        Model model = Model.newInstance(FashionCnn.NAME, "PyTorch");
        try {
            model.setBlock(FashionCnn.newBlock());
            NDManager manager = model.getNDManager();
            // The initial weights are drawn from the engine's generator: seeded, two runs of
            // one recipe start alike (a resumed run then overwrites them from the checkpoint).
            Engine.getInstance().setRandomSeed((int) recipe.seed());
            model.getBlock().initialize(manager, DataType.FLOAT32, FashionCnn.INPUT_SHAPE);
            Optional<Checkpoint.Loaded> loaded = Checkpoint.read(folder, model.getBlock(),
                    manager);
            // DJL's Parameter.load gives back arrays that do not track gradients.
            if (loaded.isPresent()) trackGradients(model.getBlock());
            Checkpoint checkpoint = loaded.map(Checkpoint.Loaded::checkpoint)
                    .orElseGet(() -> Checkpoint.start(recipe));
            AdamState optimizer = loaded.map(Checkpoint.Loaded::optimizer)
                    .orElseGet(AdamState::new);
            TrainingRecipe kept = checkpoint.recipe();
            SlicePlan plan = new SlicePlan(sliceBatches,
                    kept.batchesPerEpoch(train.count()), kept.epochs());
            return new FashionTrainer(model, train, plan, optimizer, checkpoint);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** @return the checkpoint as of the last slice trained */
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /** @return how the run is cut into slices */
    public SlicePlan plan() {
        return plan;
    }

    /** @return true once every epoch is trained */
    public boolean isDone() {
        return plan.isDone(checkpoint.position());
    }

    /**
     * Trains the next slice, tests the model if the slice ended an epoch, and writes the
     * checkpoint.
     *
     * @param folder the checkpoint folder
     * @param test the test set, for the accuracy at each epoch's end
     * @param onBatch told the step of each batch trained, for a progress bar
     * @return what the slice achieved
     * @throws IOException if the checkpoint cannot be written
     * @throws IllegalStateException if training is done already
     * @throws InterruptedException if the thread is interrupted, say by the platform at the
     *     invocation's deadline; nothing of the slice is then saved
     */
    public SliceResult trainSlice(Path folder, FashionMnist test, IntConsumer onBatch)
            throws IOException, InterruptedException {
        TrainingPosition at = checkpoint.position();
        SlicePlan.Slice slice = plan.next(at).orElseThrow(() ->
                new IllegalStateException("training is done: all " + plan.epochs()
                        + " epochs are trained"));
        long started = System.nanoTime();

        // Train; the statistics are summed on the engine and read once at the end.
        double[] lossAndCorrect = trainBatches(slice, at.step(), onBatch);
        double seconds = (System.nanoTime() - started) / 1e9;
        TrainingPosition next = plan.after(at, slice);

        // An epoch ends on a slice boundary: test it there.
        EpochTotals totals = checkpoint.epochTotals().plus(lossAndCorrect[0], slice.batches(),
                (long) lossAndCorrect[1], imagesIn(slice), seconds);
        EpochResult finished = null;
        if (next.epoch() > at.epoch()) {
            finished = totals.result(slice.epoch() + 1, accuracy(test));
            totals = EpochTotals.NONE;
        }
        Checkpoint advanced = checkpoint.advance(next, totals, finished, seconds);
        advanced.write(folder, block, optimizer);
        checkpoint = advanced;
        return new SliceResult(slice, next, lossAndCorrect[0] / slice.batches(),
                lossAndCorrect[1] / imagesIn(slice), seconds, Optional.ofNullable(finished));
    }

    /**
     * @param test the test set
     * @return the share of it the current parameters classify right
     */
    public double accuracy(FashionMnist test) {
        return Evaluation.accuracy(block, model.getNDManager(), test, EVAL_BATCH);
    }

    /**
     * Saves the trained parameters as a DJL model, {@code fashion-mnist-cnn-00NN.params}.
     *
     * @param folder where to write it
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public Path saveModel(Path folder) throws IOException {
        model.setProperty("Epoch", Integer.toString(checkpoint.position().epoch()));
        model.save(folder, FashionCnn.NAME);
        return folder.resolve(String.format("%s-%04d.params", FashionCnn.NAME,
                checkpoint.position().epoch()));
    }

    @Override
    public void close() {
        model.close();
    }

    private double[] trainBatches(SlicePlan.Slice slice, long firstStep, IntConsumer onBatch)
            throws InterruptedException {
        TrainingRecipe recipe = checkpoint.recipe();
        int[] order = Shuffle.order(recipe.seed(), slice.epoch(), train.count());
        ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        Loss loss = new SmoothedCrossEntropy(recipe.labelSmoothing());
        float[] inputs = new float[recipe.batchSize() * FashionMnist.PIXELS];
        float[] labels = new float[recipe.batchSize()];
        NDArray lossSum = null;
        NDArray correctSum = null;
        try (NDManager sums = model.getNDManager().newSubManager()) {
            lossSum = sums.zeros(new Shape());
            correctSum = sums.zeros(new Shape(), DataType.INT64);
            for (int batch = slice.fromBatch(); batch < slice.toBatch(); batch++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interrupted at epoch " + slice.epoch()
                            + " batch " + batch + "; the last checkpoint stands");
                }
                long step = firstStep + batch - slice.fromBatch();
                // Dropout's draws depend on the step alone, however the run is sliced.
                Engine.getInstance().setRandomSeed((int) (recipe.seed() + step));
                int from = batch * recipe.batchSize();
                int size = Math.min(recipe.batchSize(), train.count() - from);
                BatchMaker.fill(train, order, from, size, recipe, step, inputs, labels);
                try (NDManager scratch = model.getNDManager().newSubManager()) {
                    NDArray x = scratch.create(FloatBuffer.wrap(inputs, 0,
                            size * FashionMnist.PIXELS), new Shape(size, 1, 28, 28));
                    NDArray y = scratch.create(FloatBuffer.wrap(labels, 0, size),
                            new Shape(size));
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = block.forward(parameters, new NDList(x), true)
                                .singletonOrThrow();
                        NDArray value = loss.evaluate(new NDList(y), new NDList(logits));
                        collector.backward(value);
                        lossSum.addi(value.stopGradient());
                        correctSum.addi(logits.argMax(1).eq(y.toType(DataType.INT64, false))
                                .toType(DataType.INT64, false).sum());
                    }
                    float rate = LearningRate.at(recipe, step, plan.totalSteps());
                    optimizer.step(block, rate, step + 1);
                }
                onBatch.accept((int) step + 1);
            }
            return new double[] {lossSum.getFloat(), correctSum.getLong()};
        }
    }

    private static void trackGradients(Block block) {
        for (Pair<String, Parameter> entry : block.getParameters()) {
            Parameter parameter = entry.getValue();
            if (parameter.requiresGradient()) parameter.getArray().setRequiresGradient(true);
        }
    }

    private int imagesIn(SlicePlan.Slice slice) {
        int batchSize = checkpoint.recipe().batchSize();
        int from = slice.fromBatch() * batchSize;
        int to = Math.min(slice.toBatch() * batchSize, train.count());
        return to - from;
    }
}
