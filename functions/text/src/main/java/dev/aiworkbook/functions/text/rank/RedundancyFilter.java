package dev.aiworkbook.functions.text.rank;

import java.util.List;

/**
 * Chooses a few items that are relevant and unlike each other (chapter 06, exercise ex06b),
 * such as the sentences of a summary: maximal marginal relevance (MMR) is one rule.
 */
public interface RedundancyFilter {

    /**
     * Picks up to {@code k} items, one at a time.
     *
     * @param relevance how relevant each item is; higher is better
     * @param similarity how alike items i and j are, {@code similarity[i][j]}, a square matrix
     *     as large as {@code relevance}
     * @param k how many to pick; more than zero
     * @param lambda the weight of relevance against novelty, in 0..1: 1 is relevance only
     * @return the indexes picked, in the order they were picked
     * @throws IllegalArgumentException if {@code k} is not positive, {@code lambda} is outside
     *     0..1, or the matrix's size differs from the relevance's
     */
    List<Integer> select(double[] relevance, double[][] similarity, int k, double lambda);
}
