package dev.aiworkbook.functions.image.data;

import dev.aiworkbook.functions.image.preprocess.Normalisation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fashion-MNIST (chapter 05): 28 × 28 grayscale pictures of clothing, light on a dark
 * background, each labelled with one of ten classes. 60,000 for training, 10,000 for testing,
 * under the MIT licence (Zalando Research, 2017).
 *
 * <p>Held as raw bytes, 0 (black) to 255 (white), one image after another: 60,000 images take
 * 47 MB this way, a quarter of what floats would.
 *
 * @param images {@code count × 784} unsigned bytes, row-major
 * @param labels one class index 0..9 per image
 */
public record FashionMnist(byte[] images, byte[] labels) {

    /** The side of an image, in pixels. */
    public static final int SIDE = 28;
    /** Pixels per image. */
    public static final int PIXELS = SIDE * SIDE;
    /** The class names, by index. */
    public static final List<String> LABELS = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Which half of the dataset. */
    public enum Split {
        TRAIN("train"), TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }

        /** @return the images file's name, as the dataset ships it */
        public String imagesFile() {
            return prefix + "-images-idx3-ubyte.gz";
        }

        /** @return the labels file's name */
        public String labelsFile() {
            return prefix + "-labels-idx1-ubyte.gz";
        }
    }

    public FashionMnist {
        if (images.length != labels.length * PIXELS) {
            throw new IllegalArgumentException("images must hold 784 bytes per label: "
                    + labels.length + " labels need " + labels.length * PIXELS
                    + " bytes, was: " + images.length);
        }
    }

    /**
     * Reads one split from a folder holding the dataset's four {@code *-ubyte.gz} files (or
     * only the two of that split).
     *
     * @param folder the folder
     * @param split training or test half
     * @return the images and labels
     * @throws IOException if a file is missing or malformed, naming it and what to do
     */
    public static FashionMnist load(Path folder, Split split) throws IOException {
        Path imagesFile = folder.resolve(split.imagesFile());
        Path labelsFile = folder.resolve(split.labelsFile());
        for (Path file : List.of(imagesFile, labelsFile)) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("Fashion-MNIST file not found: " + file + ". Give the"
                        + " folder holding " + split.imagesFile() + " and " + split.labelsFile()
                        + "; on Debian or Ubuntu, `apt-get install dataset-fashion-mnist`"
                        + " puts all four under /usr/share/datasets/fashion-mnist, and the test"
                        + " files ship with the workbook in models/fashion-mnist-cnn/test-set.");
            }
        }
        return of(IdxFile.read(imagesFile), IdxFile.read(labelsFile));
    }

    /**
     * Pairs an images file with its labels file, checking that they fit.
     *
     * @param images a 3-dimensional IDX file of 28 × 28 images
     * @param labels a 1-dimensional IDX file of labels 0..9
     * @return the dataset
     * @throws IOException if the shapes or labels are wrong, naming the file
     */
    public static FashionMnist of(IdxFile images, IdxFile labels) throws IOException {
        int[] shape = images.dimensions();
        if (shape.length != 3 || shape[1] != SIDE || shape[2] != SIDE) {
            throw new IOException(images.file() + ": images must have dimensions [count, 28, 28],"
                    + " was: " + Arrays.toString(shape));
        }
        if (labels.dimensions().length != 1 || labels.count() != images.count()) {
            throw new IOException(labels.file() + ": labels must have dimensions ["
                    + images.count() + "] to match " + images.file() + ", was: "
                    + Arrays.toString(labels.dimensions()));
        }
        byte[] classes = labels.data();
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] >= LABELS.size()) {
                throw new IOException(labels.file() + " at offset " + (8 + i) + ": a label must"
                        + " be 0..9, was: " + (classes[i] & 0xFF));
            }
        }
        return new FashionMnist(images.data(), classes);
    }

    /** @return the number of images */
    public int count() {
        return labels.length;
    }

    /**
     * @param index which image, 0-based
     * @return its class index 0..9
     */
    public int label(int index) {
        return labels[index];
    }

    /**
     * @param index which image, 0-based
     * @return a copy of its 784 pixels, 0..255
     */
    public int[] pixels(int index) {
        int[] pixels = new int[PIXELS];
        int base = index * PIXELS;
        for (int i = 0; i < PIXELS; i++) pixels[i] = images[base + i] & 0xFF;
        return pixels;
    }

    /**
     * @param from the first image, 0-based
     * @param count how many images
     * @return their model inputs: 784 normalised values each, as {@code Normalisation} says
     * @throws IndexOutOfBoundsException if the range is not inside the set
     */
    public float[][] inputs(int from, int count) {
        Objects.checkFromIndexSize(from, count, count());
        float[][] inputs = new float[count][PIXELS];
        for (int n = 0; n < count; n++) {
            int base = (from + n) * PIXELS;
            for (int i = 0; i < PIXELS; i++) {
                inputs[n][i] = Normalisation.normalise(images[base + i] & 0xFF);
            }
        }
        return inputs;
    }
}
