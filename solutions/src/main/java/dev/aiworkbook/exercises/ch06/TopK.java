package dev.aiworkbook.exercises.ch06;

import dev.aiworkbook.functions.text.rank.NearestNeighbours;
import dev.aiworkbook.functions.text.rank.Scored;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chapter 06, exercise ex06a, reference answer: cosine similarity and the exact top k, by
 * scoring every candidate and sorting (n log n; a heap of k would be n log k).
 */
public final class TopK implements NearestNeighbours {

    /**
     * The cosine similarity of two vectors.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return their cosine; 0 if either is all zeros
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors must have the same length, were: "
                    + a.length + " and " + b.length);
        }
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : dot / (Math.sqrt(aa) * Math.sqrt(bb));
    }

    @Override
    public List<Scored> nearest(float[] query, List<float[]> candidates, int k) {
        if (k <= 0) throw new IllegalArgumentException("k must be more than zero, was: " + k);
        List<Scored> all = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).length != query.length) {
                throw new IllegalArgumentException("candidate " + i + " must have "
                        + query.length + " dimensions, had: " + candidates.get(i).length);
            }
            all.add(new Scored(i, cosine(query, candidates.get(i))));
        }
        all.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(Scored::index));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
