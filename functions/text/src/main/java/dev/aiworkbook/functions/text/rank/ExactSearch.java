package dev.aiworkbook.functions.text.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact top-k by cosine, comparing the query with every candidate (chapter 06): O(n·d) per
 * query, about 2 ms for 2,000 vectors of 384 numbers, so a fair baseline for recall.
 */
public final class ExactSearch implements NearestNeighbours {

    // Worst first, so the heap's head is the one to drop; a later index counts as worse.
    private static final Comparator<Scored> WORST_FIRST = Comparator
            .comparingDouble(Scored::score).thenComparing(Scored::index, Comparator.reverseOrder());

    @Override
    public List<Scored> nearest(float[] query, List<float[]> candidates, int k) {
        if (k <= 0) throw new IllegalArgumentException("k must be more than zero, was: " + k);

        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, WORST_FIRST);
        for (int i = 0; i < candidates.size(); i++) {
            float[] candidate = candidates.get(i);
            if (candidate.length != query.length) {
                throw new IllegalArgumentException("candidate " + i + " must have the query's "
                        + query.length + " dimensions, had: " + candidate.length);
            }
            best.add(new Scored(i, Vectors.cosine(query, candidate)));
            if (best.size() > k) best.poll();
        }

        List<Scored> ranked = new ArrayList<>(best);
        ranked.sort(WORST_FIRST.reversed());
        return ranked;
    }
}
