package dev.aiworkbook.functions.image.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.model.FashionClassifier;
import dev.aiworkbook.functions.image.model.PyTorchEngine;
import dev.aiworkbook.functions.image.training.Checkpoint;
import dev.aiworkbook.functions.image.training.EpochResult;
import dev.aiworkbook.functions.image.training.FashionTrainer;
import dev.aiworkbook.functions.image.training.SliceResult;
import dev.aiworkbook.functions.image.training.TrainingPosition;
import dev.aiworkbook.functions.image.training.TrainingProgress;
import dev.aiworkbook.functions.image.training.TrainingRecipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training function (chapter 05): trains the Fashion-MNIST model in slices that fit in one
 * invocation, and answers "not done, invoke again" until the recipe is complete.
 *
 * <p>Each invocation resumes from the checkpoint in the checkpoint folder, trains slice after
 * slice while the time left allows one more (judged by the last slice's duration, plus a
 * margin for the checkpoint), and writes the checkpoint atomically after each. An invocation
 * stopped at its deadline loses only the slice in progress. Once done, it saves the model as
 * {@code model/fashion-mnist-cnn-00NN.params} in the checkpoint folder.
 *
 * <p>The event (every key optional but the folder):
 * <pre>{@code
 * {"checkpointDir": "...",   // or the environment variable TRAINING_CHECKPOINT_DIR
 *  "dataDir": "...",         // the four Fashion-MNIST files; or FASHION_MNIST_DIR
 *  "testDir": "...",         // the two t10k files, if not in dataDir
 *  "sliceBatches": 100, "maxSlices": 1, "epochs": 10,   // epochs: for a new run only
 *  "progress": false}        // true: a progress bar on standard error, for a person watching
 * }</pre>
 */
public class TrainFashionMnist implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** Where Debian's dataset-fashion-mnist package puts the files. */
    public static final String DEBIAN_DATA = "/usr/share/datasets/fashion-mnist";
    private static final long SAVE_MARGIN_MS = 2_000;

    private FashionMnist train;
    private FashionMnist test;
    private Path loadedFrom;

    /** Starts the engine: the cold start. The data is read on the first invocation. */
    public TrainFashionMnist() {
        PyTorchEngine.start();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> in = event == null ? Map.of() : event;
        Path checkpoints = Path.of(setting(in, "checkpointDir", "TRAINING_CHECKPOINT_DIR", null));
        Path data = Path.of(setting(in, "dataDir", "FASHION_MNIST_DIR", DEBIAN_DATA));
        Path testData = Path.of(setting(in, "testDir", "FASHION_MNIST_TEST_DIR", data.toString()));
        int sliceBatches = number(in, "sliceBatches", 100, 1, 100_000);
        int maxSlices = number(in, "maxSlices", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        boolean progress = Boolean.parseBoolean(String.valueOf(in.get("progress")));
        TrainingRecipe recipe = TrainingRecipe.DEFAULT.withEpochs(
                number(in, "epochs", TrainingRecipe.DEFAULT.epochs(), 1, 1000));
        try {
            loadData(data, testData);
            return train(checkpoints, recipe, sliceBatches, maxSlices, progress, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Map<String, Object> train(Path checkpoints, TrainingRecipe recipe, int sliceBatches,
            int maxSlices, boolean progress, Context context)
            throws IOException, InterruptedException {
        try (FashionTrainer trainer = FashionTrainer.resumeOrStart(checkpoints, recipe,
                sliceBatches, train);
                TrainingProgress bar = progress ? TrainingProgress.start(trainer.plan(),
                        trainer.checkpoint(), System.err) : null) {
            TrainingPosition resumedAt = trainer.checkpoint().position();
            long lastSliceMs = 0;
            int slices = 0;
            while (!trainer.isDone() && slices < maxSlices
                    && timeLeftMs(context) > 2 * lastSliceMs + SAVE_MARGIN_MS) {
                SliceResult slice = trainer.trainSlice(checkpoints, test,
                        bar == null ? step -> { } : bar);
                if (bar != null) slice.epoch().ifPresent(bar::epochDone);
                lastSliceMs = Math.round(slice.seconds() * 1000);
                slices++;
                log(context, slice);
            }
            Map<String, Object> out = describe(trainer.checkpoint(), resumedAt, slices);
            if (trainer.isDone()) {
                Path model = trainer.saveModel(checkpoints.resolve("model"));
                out.put("modelFile", model.toString());
                out.put("sha256", FashionClassifier.sha256(model));
                out.put("sizeBytes", Files.size(model));
            }
            return out;
        }
    }

    private void loadData(Path data, Path testData) throws IOException {
        if (data.equals(loadedFrom)) return;
        train = FashionMnist.load(data, FashionMnist.Split.TRAIN);
        test = FashionMnist.load(testData, FashionMnist.Split.TEST);
        loadedFrom = data;
    }

    private static Map<String, Object> describe(Checkpoint checkpoint, TrainingPosition from,
            int slices) {
        TrainingPosition at = checkpoint.position();
        boolean done = at.epoch() >= checkpoint.recipe().epochs();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("done", done);
        out.put("message", done ? "training is done: " + checkpoint.recipe().epochs()
                + " epochs" : "not done: invoke again to continue from epoch " + (at.epoch() + 1)
                + ", batch " + at.batch());
        out.put("resumedFrom", Map.of("epoch", from.epoch(), "batch", from.batch(),
                "step", from.step()));
        out.put("position", Map.of("epoch", at.epoch(), "batch", at.batch(), "step", at.step()));
        out.put("slicesThisInvocation", slices);
        out.put("epochs", checkpoint.recipe().epochs());
        out.put("trainingSeconds", checkpoint.trainingSeconds());
        List<EpochResult> history = checkpoint.history();
        out.put("history", history);
        if (!history.isEmpty()) out.put("testAccuracy", history.get(history.size() - 1).testAccuracy());
        return out;
    }

    private static long timeLeftMs(Context context) {
        return context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis();
    }

    private static void log(Context context, SliceResult slice) {
        if (context == null) return;
        context.getLogger().log(String.format("trained epoch %d batches %d..%d in %.1f s, loss"
                + " %.3f%s", slice.slice().epoch() + 1, slice.slice().fromBatch(),
                slice.slice().toBatch() - 1, slice.seconds(), slice.trainLoss(),
                slice.epoch().map(e -> String.format(", test accuracy %.4f", e.testAccuracy()))
                        .orElse("")));
    }

    private static String setting(Map<String, Object> event, String key, String env,
            String fallback) {
        Object value = event.get(key);
        if (value != null && !value.toString().isBlank()) return value.toString();
        String fromEnv = System.getenv(env);
        if (fromEnv != null && !fromEnv.isBlank()) return fromEnv;
        if (fallback != null) return fallback;
        throw new IllegalArgumentException("\"" + key + "\" must name a folder for the"
                + " checkpoints (in the event, or the environment variable " + env + "), was:"
                + " missing");
    }

    private static int number(Map<String, Object> event, String key, int fallback, int min,
            int max) {
        Object value = event.get(key);
        if (value == null) return fallback;
        double number;
        try {
            number = Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (number != Math.rint(number) || number < min || number > max) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number " + min
                    + ".." + max + ", was: \"" + value + "\"");
        }
        return (int) number;
    }
}
