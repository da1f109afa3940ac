package dev.aiworkbook.functions.text.rank;

/**
 * Arithmetic on embedding vectors (chapter 06): dot products, lengths, cosine similarity.
 *
 * <p>The sentence embedders return unit vectors, for which the cosine is just the dot product;
 * {@link #cosine} still divides by the lengths, so it is right for any vector.
 */
public final class Vectors {

    private Vectors() {
    }

    /**
     * The dot product of two vectors of the same length.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return the sum of the products of their components
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double dot(float[] a, float[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += (double) a[i] * b[i];
        return sum;
    }

    /**
     * The cosine of the angle between two vectors: 1 for the same direction, 0 for orthogonal.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return their cosine similarity, in -1..1; 0 if either is all zeros
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double cosine(float[] a, float[] b) {
        double lengths = Math.sqrt(dot(a, a)) * Math.sqrt(dot(b, b));
        return lengths == 0 ? 0 : dot(a, b) / lengths;
    }

    /**
     * Scales a vector in place to length 1 (L2 normalisation); an all-zero vector stays so.
     *
     * @param v the vector
     * @return {@code v}
     */
    public static float[] normalize(float[] v) {
        double length = 0;
        for (float x : v) length += (double) x * x;
        length = Math.sqrt(length);
        if (length == 0) return v;
        for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] / length);
        return v;
    }

    /**
     * The cosine similarity of every pair of vectors.
     *
     * @param vectors the vectors, all of one length
     * @return the symmetric matrix, 1 on the diagonal for non-zero vectors
     */
    public static double[][] similarities(java.util.List<float[]> vectors) {
        int n = vectors.size();
        double[][] similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double cos = cosine(vectors.get(i), vectors.get(j));
                similarity[i][j] = cos;
                similarity[j][i] = cos;
            }
        }
        return similarity;
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors must have the same length, were: "
                    + a.length + " and " + b.length);
        }
    }
}
