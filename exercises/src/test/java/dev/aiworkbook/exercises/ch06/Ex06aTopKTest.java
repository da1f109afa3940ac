// Graded test of exercise ex06a: read-only. Change TopK, not this file.
package dev.aiworkbook.exercises.ch06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiworkbook.functions.text.rank.Scored;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades exercise ex06a of chapter 06, {@link TopK}; the tests run easiest first. */
@Tag("ex06a")
@DisplayName("ex06a: cosine similarity and the exact top k")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex06aTopKTest {

    private final TopK topK = new TopK();

    @Test
    @Order(1)
    @DisplayName("a vector's cosine with itself is 1")
    void sameVectorIsOne() {
        assertThat(TopK.cosine(new float[] {3, 4}, new float[] {3, 4})).isCloseTo(1.0, within(1e-9));
    }

    @Test
    @Order(2)
    @DisplayName("the worked example: (1, 0) and (1, 1) give 1/sqrt(2)")
    void workedExample() {
        assertThat(TopK.cosine(new float[] {1, 0}, new float[] {1, 1}))
                .isCloseTo(1 / Math.sqrt(2), within(1e-9));
    }

    @Test
    @Order(3)
    @DisplayName("length does not matter, direction does: opposite vectors give -1")
    void directionOnly() {
        assertThat(TopK.cosine(new float[] {2, 0}, new float[] {7, 0})).isCloseTo(1.0, within(1e-9));
        assertThat(TopK.cosine(new float[] {1, 2}, new float[] {-1, -2})).isCloseTo(-1.0, within(1e-9));
        assertThat(TopK.cosine(new float[] {0, 0}, new float[] {1, 2})).isEqualTo(0.0);
    }

    @Test
    @Order(4)
    @DisplayName("the top k come best first, with their indexes and cosines")
    void bestFirst() {
        List<float[]> candidates = List.of(new float[] {0, 1}, new float[] {1, 0},
                new float[] {1, 1}, new float[] {-1, 0});

        List<Scored> top = topK.nearest(new float[] {1, 0}, candidates, 2);

        assertThat(top).extracting(Scored::index).containsExactly(1, 2);
        assertThat(top.get(1).score()).isCloseTo(1 / Math.sqrt(2), within(1e-9));
    }

    @Test
    @Order(5)
    @DisplayName("equal cosines are ordered by index; k past the list returns them all")
    void tiesAndShortLists() {
        List<float[]> candidates = List.of(new float[] {0, 1}, new float[] {2, 0},
                new float[] {1, 0});

        List<Scored> top = topK.nearest(new float[] {1, 0}, candidates, 10);

        assertThat(top).extracting(Scored::index).containsExactly(1, 2, 0);
    }

    @Test
    @Order(6)
    @DisplayName("on 500 random vectors, the same top 10 as scoring and sorting them all")
    void matchesBruteForceOnRandomVectors() {
        Random random = new Random(6);
        List<float[]> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) candidates.add(randomVector(random));
        float[] query = randomVector(random);

        List<Scored> top = topK.nearest(query, candidates, 10);

        List<Integer> expected = java.util.stream.IntStream.range(0, 500).boxed()
                .sorted((a, b) -> Double.compare(dot(query, candidates.get(b)),
                        dot(query, candidates.get(a))))
                .limit(10).toList();
        assertThat(top).extracting(Scored::index).containsExactlyElementsOf(expected);
    }

    @Test
    @Order(7)
    @DisplayName("k of zero is refused, naming k and its value")
    void refusesZeroK() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> topK.nearest(new float[] {1}, List.of(new float[] {1}), 0));

        assertThat(error).hasMessageContaining("k").hasMessageContaining("0");
    }

    @Test
    @Order(8)
    @DisplayName("vectors of different lengths are refused, naming both lengths")
    void refusesMismatchedLengths() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> TopK.cosine(new float[] {1, 2, 3}, new float[] {1, 2}));
        var inSearch = assertThrows(IllegalArgumentException.class,
                () -> topK.nearest(new float[] {1, 2}, List.of(new float[] {1, 2, 3}), 1));

        assertThat(error).hasMessageContaining("3").hasMessageContaining("2");
        assertThat(inSearch).hasMessageContaining("3").hasMessageContaining("2");
    }

    // Unit vectors, so the dot product is the cosine.
    private static float[] randomVector(Random random) {
        float[] v = new float[16];
        double length = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            length += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(length);
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += (double) a[i] * b[i];
        return sum;
    }
}
