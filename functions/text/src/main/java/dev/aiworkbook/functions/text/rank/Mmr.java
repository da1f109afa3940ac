package dev.aiworkbook.functions.text.rank;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, 1998), chapter 06: each step picks the
 * item with the best {@code lambda · relevance − (1 − lambda) · max similarity to the items
 * already picked}. Ties go to the lower index, so the choice is reproducible.
 *
 * <p>Worked example (test {@code MmrTest.skipsANearDuplicate}): relevance 0.9, 0.85, 0.5,
 * items 0 and 1 alike (0.95), item 2 unlike both (0.1), lambda 0.5. Step 1 picks 0. Step 2:
 * item 1 scores 0.425 − 0.475 = −0.05, item 2 scores 0.25 − 0.05 = 0.2, so 2 comes before 1.
 */
public final class Mmr implements RedundancyFilter {

    @Override
    public List<Integer> select(double[] relevance, double[][] similarity, int k,
            double lambda) {
        requireValid(relevance, similarity, k, lambda);

        int n = relevance.length;
        List<Integer> picked = new ArrayList<>();
        boolean[] taken = new boolean[n];
        double[] closest = new double[n];
        java.util.Arrays.fill(closest, Double.NEGATIVE_INFINITY);
        while (picked.size() < Math.min(k, n)) {
            int next = best(relevance, closest, taken, lambda);
            picked.add(next);
            taken[next] = true;
            // Only the new item can raise anyone's similarity to the picked set.
            for (int i = 0; i < n; i++) closest[i] = Math.max(closest[i], similarity[i][next]);
        }
        return picked;
    }

    private static int best(double[] relevance, double[] closest, boolean[] taken,
            double lambda) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < relevance.length; i++) {
            if (taken[i]) continue;
            double redundancy = closest[i] == Double.NEGATIVE_INFINITY ? 0 : closest[i];
            double score = lambda * relevance[i] - (1 - lambda) * redundancy;
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    private static void requireValid(double[] relevance, double[][] similarity, int k,
            double lambda) {
        if (k <= 0) throw new IllegalArgumentException("k must be more than zero, was: " + k);
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must be in 0..1, was: " + lambda);
        }
        if (similarity.length != relevance.length) {
            throw new IllegalArgumentException("similarity must be " + relevance.length + " by "
                    + relevance.length + " like relevance, had " + similarity.length + " rows");
        }
        for (double[] row : similarity) {
            if (row.length != relevance.length) {
                throw new IllegalArgumentException("similarity must be square, "
                        + relevance.length + " by " + relevance.length + ", had a row of "
                        + row.length);
            }
        }
    }
}
