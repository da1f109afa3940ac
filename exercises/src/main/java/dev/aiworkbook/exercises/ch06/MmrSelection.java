// Exercise ex06b. You edit this file: replace the `throw` with your answer, keeping the
// signature, then run `scripts/grade 06`. The graded tests are read-only.
package dev.aiworkbook.exercises.ch06;

import dev.aiworkbook.functions.text.rank.RedundancyFilter;
import java.util.List;

/**
 * Chapter 06, exercise ex06b: maximal marginal relevance (MMR), which keeps a summary from
 * repeating itself.
 *
 * <p>Pick items one at a time. Each step takes the item not yet picked with the highest
 * {@code lambda * relevance[i] - (1 - lambda) * max(similarity[i][j] for j already picked)};
 * before anything is picked, that maximum counts as 0. Ties go to the lower index. Worked
 * example: relevance 0.9, 0.85, 0.5; items 0 and 1 alike (similarity 0.95), item 2 unlike
 * both (0.1); lambda 0.5. Step 1 picks 0 (0.45 is the best). Step 2: item 1 scores 0.425 -
 * 0.475 = -0.05, item 2 scores 0.25 - 0.05 = 0.2, so 2 comes next, then 1.
 *
 * <p>No argument is ever null. An error message names the parameter and shows its value.
 */
public final class MmrSelection implements RedundancyFilter {

    /**
     * Picks up to {@code k} items by MMR.
     *
     * @param relevance how relevant each item is; higher is better
     * @param similarity {@code similarity[i][j]}, how alike items i and j are; square, as
     *     large as {@code relevance}
     * @param k how many to pick; more than zero
     * @param lambda the weight of relevance against novelty, in 0..1: 1 is relevance only
     * @return the indexes picked, in the order they were picked: {@code min(k, n)} of them
     * @throws IllegalArgumentException if {@code k} is zero or negative, {@code lambda} is
     *     outside 0..1 (each naming the parameter and its value), or the matrix is not
     *     square or not as large as {@code relevance}
     */
    @Override
    public List<Integer> select(double[] relevance, double[][] similarity, int k,
            double lambda) {
        throw new UnsupportedOperationException("ex06b: implement MmrSelection.select");
    }
}
