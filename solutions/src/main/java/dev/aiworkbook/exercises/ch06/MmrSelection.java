package dev.aiworkbook.exercises.ch06;

import dev.aiworkbook.functions.text.rank.RedundancyFilter;
import java.util.ArrayList;
import java.util.List;

/** Chapter 06, exercise ex06b, reference answer: maximal marginal relevance, step by step. */
public final class MmrSelection implements RedundancyFilter {

    @Override
    public List<Integer> select(double[] relevance, double[][] similarity, int k,
            double lambda) {
        if (k <= 0) throw new IllegalArgumentException("k must be more than zero, was: " + k);
        if (lambda < 0 || lambda > 1) {
            throw new IllegalArgumentException("lambda must be in 0..1, was: " + lambda);
        }
        int n = relevance.length;
        if (similarity.length != n) {
            throw new IllegalArgumentException("similarity must have " + n + " rows, had: "
                    + similarity.length);
        }
        for (double[] row : similarity) {
            if (row.length != n) {
                throw new IllegalArgumentException("similarity must be " + n + " by " + n
                        + ", had a row of " + row.length);
            }
        }
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < Math.min(k, n)) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (picked.contains(i)) continue;
                double closest = picked.isEmpty() ? 0 : Double.NEGATIVE_INFINITY;
                for (int j : picked) closest = Math.max(closest, similarity[i][j]);
                double score = lambda * relevance[i] - (1 - lambda) * closest;
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            picked.add(best);
        }
        return picked;
    }
}
