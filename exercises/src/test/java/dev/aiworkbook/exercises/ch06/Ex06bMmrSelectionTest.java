// Graded test of exercise ex06b: read-only. Change MmrSelection, not this file.
package dev.aiworkbook.exercises.ch06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades exercise ex06b of chapter 06, {@link MmrSelection}; the tests run easiest first. */
@Tag("ex06b")
@DisplayName("ex06b: MMR, relevant and not repetitive")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex06bMmrSelectionTest {

    private static final double[] RELEVANCE = {0.9, 0.85, 0.5};
    private static final double[][] SIMILARITY = {{1, 0.95, 0.1}, {0.95, 1, 0.1}, {0.1, 0.1, 1}};

    private final MmrSelection mmr = new MmrSelection();

    @Test
    @Order(1)
    @DisplayName("k = 1 picks the most relevant item")
    void firstPickIsTheMostRelevant() {
        assertThat(mmr.select(RELEVANCE, SIMILARITY, 1, 0.5)).containsExactly(0);
    }

    @Test
    @Order(2)
    @DisplayName("lambda 1 is relevance only: items in order of relevance")
    void lambdaOneIsRelevanceOnly() {
        assertThat(mmr.select(RELEVANCE, SIMILARITY, 3, 1.0)).containsExactly(0, 1, 2);
    }

    @Test
    @Order(3)
    @DisplayName("the worked example: the unlike item comes before the near duplicate")
    void workedExample() {
        assertThat(mmr.select(RELEVANCE, SIMILARITY, 3, 0.5)).containsExactly(0, 2, 1);
    }

    @Test
    @Order(4)
    @DisplayName("k larger than the items picks each once")
    void kPastTheItems() {
        assertThat(mmr.select(RELEVANCE, SIMILARITY, 10, 0.5)).containsExactlyInAnyOrder(0, 1, 2)
                .hasSize(3);
    }

    @Test
    @Order(5)
    @DisplayName("equal scores go to the lower index")
    void tiesGoToTheLowerIndex() {
        double[] relevance = {0.5, 0.5, 0.5};
        double[][] unlike = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

        assertThat(mmr.select(relevance, unlike, 3, 0.7)).containsExactly(0, 1, 2);
    }

    @Test
    @Order(6)
    @DisplayName("the penalty is the most similar picked item, not the sum")
    void penaltyIsTheMaximum() {
        // lambda 0.5. Picks 0, then 1 (0.45, nothing like it). Then item 2 is 0.5 like both
        // picked: 0.4 - 0.5 * 0.5 = 0.15; item 3 is 0.6 like item 0: 0.35 - 0.3 = 0.05. With a
        // sum instead of the max, item 2 would score 0.4 - 0.5 = -0.1 and come last.
        double[] relevance = {1.0, 0.9, 0.8, 0.7};
        double[][] similarity = {
            {1, 0, 0.5, 0.6}, {0, 1, 0.5, 0}, {0.5, 0.5, 1, 0}, {0.6, 0, 0, 1}};

        assertThat(mmr.select(relevance, similarity, 4, 0.5)).containsExactly(0, 1, 2, 3);
    }

    @Test
    @Order(7)
    @DisplayName("k of zero and lambda outside 0..1 are refused, naming each and its value")
    void refusesBadArguments() {
        var k = assertThrows(IllegalArgumentException.class,
                () -> mmr.select(RELEVANCE, SIMILARITY, 0, 0.5));
        var lambda = assertThrows(IllegalArgumentException.class,
                () -> mmr.select(RELEVANCE, SIMILARITY, 2, 1.5));

        assertThat(k).hasMessageContaining("k").hasMessageContaining("0");
        assertThat(lambda).hasMessageContaining("lambda").hasMessageContaining("1.5");
    }

    @Test
    @Order(8)
    @DisplayName("a similarity matrix of the wrong size is refused")
    void refusesAWrongMatrix() {
        double[][] twoByTwo = {{1, 0}, {0, 1}};

        assertThrows(IllegalArgumentException.class, () -> mmr.select(RELEVANCE, twoByTwo, 2, 0.5));
    }
}
