package dev.aiworkbook.functions.image.training;

import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.preprocess.Normalisation;
import java.util.SplittableRandom;

/**
 * Turns a range of an epoch's shuffled order into one batch of model inputs, augmented
 * (chapter 05): each training image is moved by up to {@code maxShift} pixels in x and y (the
 * border filled with black, the dataset's background) and, if the recipe says so, mirrored
 * left to right half of the time. A garment shifted or mirrored is still the same garment, so
 * the model learns from more varied pictures than the 60,000 it has.
 *
 * <p>The random choices of a batch are seeded by the recipe's seed and the step, so a resumed
 * run augments exactly as an uninterrupted one.
 */
final class BatchMaker {

    private static final float[] LOOKUP = new float[256];

    static {
        for (int p = 0; p < 256; p++) LOOKUP[p] = Normalisation.normalise(p);
    }

    private BatchMaker() {
    }

    /**
     * @param data the training set
     * @param order the epoch's shuffle
     * @param from the first position in {@code order}
     * @param size images in the batch
     * @param recipe the augmentation settings and seed
     * @param step the batch's step, which seeds its random choices
     * @param inputs filled with {@code size × 784} normalised pixels
     * @param labels filled with {@code size} class indices
     */
    static void fill(FashionMnist data, int[] order, int from, int size, TrainingRecipe recipe,
            long step, float[] inputs, float[] labels) {
        SplittableRandom random = new SplittableRandom(recipe.seed() ^ (step * 0x9E3779B97F4A7C15L));
        int side = FashionMnist.SIDE;
        byte[] images = data.images();
        for (int i = 0; i < size; i++) {
            int image = order[from + i];
            labels[i] = data.label(image);
            int dx = shift(random, recipe.maxShift());
            int dy = shift(random, recipe.maxShift());
            boolean mirror = recipe.flip() && random.nextBoolean();
            int base = image * FashionMnist.PIXELS;
            int out = i * FashionMnist.PIXELS;
            for (int y = 0; y < side; y++) {
                int sy = y - dy;
                for (int x = 0; x < side; x++) {
                    int sx = (mirror ? side - 1 - x : x) - dx;
                    boolean inside = sy >= 0 && sy < side && sx >= 0 && sx < side;
                    int pixel = inside ? images[base + sy * side + sx] & 0xFF : 0;
                    inputs[out + y * side + x] = LOOKUP[pixel];
                }
            }
        }
    }

    /** Normalised pixels of images {@code from..from+size-1}, in order, not augmented. */
    static void plain(FashionMnist data, int from, int size, float[] inputs) {
        byte[] images = data.images();
        int base = from * FashionMnist.PIXELS;
        for (int i = 0; i < size * FashionMnist.PIXELS; i++) {
            inputs[i] = LOOKUP[images[base + i] & 0xFF];
        }
    }

    private static int shift(SplittableRandom random, int max) {
        return max == 0 ? 0 : random.nextInt(2 * max + 1) - max;
    }
}
