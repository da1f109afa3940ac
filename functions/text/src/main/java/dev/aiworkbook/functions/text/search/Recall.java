package dev.aiworkbook.functions.text.search;

import dev.aiworkbook.functions.text.rank.ExactSearch;
import dev.aiworkbook.functions.text.rank.Scored;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recall@k of the HNSW index against exact search (chapter 06): for each query, the share of
 * the exact top k that the approximate top k also found, averaged over the queries.
 */
public final class Recall {

    private Recall() {
    }

    /**
     * @param index the index
     * @param name the index's name
     * @param queries the query vectors
     * @param k the k of recall@k
     * @param asked how many neighbours HNSW is asked for (at least k; the rest are dropped)
     * @return the mean recall, in 0..1
     */
    public static double atK(SearchIndex index, String name, List<float[]> queries, int k,
            int asked) {
        Map<String, float[]> stored = index.vectors(name);
        List<String> ids = new ArrayList<>(stored.keySet());
        List<float[]> vectors = new ArrayList<>(stored.values());
        ExactSearch exact = new ExactSearch();

        double sum = 0;
        for (float[] query : queries) {
            Set<String> truth = new HashSet<>();
            for (Scored s : exact.nearest(query, vectors, k)) truth.add(ids.get(s.index()));
            List<String> found = index.approximateNearest(name, query, k, asked);
            sum += found.stream().filter(truth::contains).count() / (double) truth.size();
        }
        return sum / queries.size();
    }
}
