package dev.aiworkbook.functions.text.rank;

import java.util.List;

/**
 * Exact nearest-neighbour search by cosine similarity (chapter 06, exercise ex06a): the
 * brute-force baseline that an approximate index such as HNSW is measured against.
 */
public interface NearestNeighbours {

    /**
     * The {@code k} candidates most similar to the query, best first.
     *
     * @param query the query vector
     * @param candidates the vectors to search, each as long as the query
     * @param k how many to return; more than zero
     * @return at most {@code k} entries, by descending cosine; equal scores by ascending index
     * @throws IllegalArgumentException if {@code k} is not positive or a candidate's length
     *     differs from the query's
     */
    List<Scored> nearest(float[] query, List<float[]> candidates, int k);
}
