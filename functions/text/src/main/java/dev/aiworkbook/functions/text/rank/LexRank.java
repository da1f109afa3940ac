package dev.aiworkbook.functions.text.rank;

/**
 * Continuous LexRank (Erkan and Radev, 2004), chapter 06: a sentence is central when it is
 * similar to other central sentences. The similarity matrix, with negative cosines cut to
 * zero and each row normalised, is a random walk; with a damping factor, its stationary
 * distribution found by power iteration is the centrality, as PageRank is for web pages.
 *
 * <p>Worked example (test {@code LexRankTest.theSentenceLikeTheOthersIsCentral}): three
 * sentences where 0 and 1 are alike, 1 and 2 are alike, 0 and 2 are not: sentence 1 gets the
 * highest score. Scores sum to 1.
 */
public final class LexRank {

    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-9;

    private final double damping;

    /**
     * @param damping the probability of following a similarity edge, in 0..1 (0.85 is usual)
     */
    public LexRank(double damping) {
        if (!(damping >= 0 && damping <= 1)) {
            throw new IllegalArgumentException("damping must be in 0..1, was: " + damping);
        }
        this.damping = damping;
    }

    /**
     * The centrality of each item.
     *
     * @param similarity a square matrix of similarities; the diagonal is ignored
     * @return one score per item, all positive, summing to 1
     */
    public double[] centrality(double[][] similarity) {
        int n = similarity.length;
        if (n == 0) return new double[0];
        double[][] walk = transitions(similarity);

        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0 / n);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = step(walk, score);
            double change = 0;
            for (int i = 0; i < n; i++) change += Math.abs(next[i] - score[i]);
            score = next;
            if (change < TOLERANCE) break;
        }
        return score;
    }

    /** Row i holds where a walker at i goes next; a row with no edge jumps anywhere. */
    private static double[][] transitions(double[][] similarity) {
        int n = similarity.length;
        double[][] walk = new double[n][n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                walk[i][j] = i == j ? 0 : Math.max(0, similarity[i][j]);
                sum += walk[i][j];
            }
            for (int j = 0; j < n; j++) walk[i][j] = sum == 0 ? 1.0 / n : walk[i][j] / sum;
        }
        return walk;
    }

    private double[] step(double[][] walk, double[] score) {
        int n = score.length;
        double[] next = new double[n];
        java.util.Arrays.fill(next, (1 - damping) / n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) next[j] += damping * score[i] * walk[i][j];
        }
        return next;
    }
}
