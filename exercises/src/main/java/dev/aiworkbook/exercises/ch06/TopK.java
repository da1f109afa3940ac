// Exercise ex06a. You edit this file: replace each `throw` with your answer, keeping the
// signatures, then run `scripts/grade 06`. The graded tests are read-only.
package dev.aiworkbook.exercises.ch06;

import dev.aiworkbook.functions.text.rank.NearestNeighbours;
import dev.aiworkbook.functions.text.rank.Scored;
import java.util.List;

/**
 * Chapter 06, exercise ex06a: cosine similarity and the exact top k.
 *
 * <p>Semantic search compares a query's vector with each document's. The cosine of two
 * vectors is their dot product divided by the product of their lengths. Worked example: for
 * a = (1, 0) and b = (1, 1), the dot product is 1 and the lengths are 1 and &radic;2, so the
 * cosine is 1 / &radic;2 &asymp; 0.7071. The exact top k scores every candidate and keeps the
 * k best: the baseline the HNSW index of chapter 06 is measured against.
 *
 * <p>No argument is ever null. An error message names the parameter and shows its value.
 */
public final class TopK implements NearestNeighbours {

    /**
     * The cosine similarity of two vectors.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return their cosine, in -1..1; 0 if either vector is all zeros
     * @throws IllegalArgumentException if the lengths differ, naming both lengths
     */
    public static double cosine(float[] a, float[] b) {
        throw new UnsupportedOperationException("ex06a: implement TopK.cosine");
    }

    /**
     * The {@code k} candidates most similar to the query, best first.
     *
     * @param query the query vector
     * @param candidates the vectors to search, each as long as the query
     * @param k how many to return; more than zero
     * @return at most {@code k} entries (fewer if there are fewer candidates), each the
     *     candidate's index in {@code candidates} and its cosine to the query, by descending
     *     cosine; equal cosines by ascending index
     * @throws IllegalArgumentException if {@code k} is zero or negative (naming k and its
     *     value), or a candidate's length differs from the query's
     */
    @Override
    public List<Scored> nearest(float[] query, List<float[]> candidates, int k) {
        throw new UnsupportedOperationException("ex06a: implement TopK.nearest");
    }
}
