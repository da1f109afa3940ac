package dev.aiworkbook.functions.image.training;

import java.util.SplittableRandom;

/**
 * The order in which one epoch visits the training images: a Fisher–Yates shuffle seeded by
 * the recipe's seed and the epoch, so any slice of any epoch can be recomputed after a restart
 * without storing the order or the random generator's state.
 */
public final class Shuffle {

    private Shuffle() {
    }

    /**
     * @param seed the recipe's seed
     * @param epoch the epoch, 0-based
     * @param count how many images
     * @return a permutation of 0..count-1, the same for the same arguments
     */
    public static int[] order(long seed, int epoch, int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
