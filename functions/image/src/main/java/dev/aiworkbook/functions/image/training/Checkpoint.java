package dev.aiworkbook.functions.image.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.util.JsonUtils;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One training checkpoint (chapter 05): the position, the recipe and history, the network's
 * parameters and the optimizer's state, all in one file, so they can never disagree.
 *
 * <p>It is written to a temporary file in the same folder, forced to disk, then moved over the
 * old one in one atomic rename: a process killed at any moment leaves either the old
 * checkpoint or the new one, never half of one.
 *
 * @param recipe how the run trains
 * @param position where it stands
 * @param epochTotals the sums of the epoch in progress
 * @param history one result per finished epoch
 * @param trainingSeconds time spent training so far, over all invocations
 */
public record Checkpoint(TrainingRecipe recipe, TrainingPosition position,
        EpochTotals epochTotals, List<EpochResult> history, double trainingSeconds) {

    /** The file's name in the checkpoint folder. */
    public static final String FILE = "checkpoint.bin";
    private static final String MAGIC = "WORKBOOK-CKPT-1";

    public Checkpoint {
        history = List.copyOf(history);
    }

    /** @return a checkpoint before any training */
    static Checkpoint start(TrainingRecipe recipe) {
        return new Checkpoint(recipe, TrainingPosition.START, EpochTotals.NONE, List.of(), 0);
    }

    /** @return this checkpoint moved on */
    Checkpoint advance(TrainingPosition to, EpochTotals totals, EpochResult finished,
            double seconds) {
        List<EpochResult> more = new ArrayList<>(history);
        if (finished != null) more.add(finished);
        return new Checkpoint(recipe, to, totals, more, trainingSeconds + seconds);
    }

    /**
     * Writes the checkpoint atomically.
     *
     * @param folder the checkpoint folder, created if missing
     * @param block the network
     * @param optimizer the optimizer's state
     * @throws IOException if it cannot be written; the old checkpoint is then untouched
     */
    void write(Path folder, Block block, AdamState optimizer) throws IOException {
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, FILE + ".", ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temporary);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file))) {
                out.writeUTF(MAGIC);
                byte[] json = JsonUtils.GSON.toJson(this).getBytes(StandardCharsets.UTF_8);
                out.writeInt(json.length);
                out.write(json);
                block.saveParameters(out);
                ByteArrayOutputStream state = new ByteArrayOutputStream();
                optimizer.toList().encode(state);
                out.writeInt(state.size());
                state.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            move(temporary, folder.resolve(FILE));
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads the checkpoint of a folder into a network built by {@link
     * dev.aiworkbook.functions.image.model.FashionCnn} and initialised.
     *
     * @param folder the checkpoint folder
     * @param block the network, whose parameters are replaced
     * @param manager where the optimizer's arrays go
     * @return the checkpoint and optimizer, or empty if the folder holds none
     * @throws IOException if the file is there but unreadable, naming it
     */
    static Optional<Loaded> read(Path folder, Block block, NDManager manager) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) return Optional.empty();
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException(file + ": not a training checkpoint of this workbook");
            }
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            Checkpoint checkpoint = JsonUtils.GSON.fromJson(
                    new String(json, StandardCharsets.UTF_8), Checkpoint.class);
            block.loadParameters(manager, in);
            byte[] state = new byte[in.readInt()];
            in.readFully(state);
            AdamState optimizer = AdamState.of(NDList.decode(manager, state), manager);
            return Optional.of(new Loaded(checkpoint, optimizer));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new IOException(file + ": the checkpoint is damaged (" + e.getMessage()
                    + "); delete the folder's " + FILE + " to train from the start", e);
        }
    }

    /** A checkpoint with its optimizer state, as read back. */
    record Loaded(Checkpoint checkpoint, AdamState optimizer) {
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the checkpoint folder " + to.getParent() + " cannot rename"
                    + " files atomically; give a folder on a local file system", e);
        }
    }
}
