package dev.aiworkbook.functions.text.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RankTest {

    @Test
    @DisplayName("MMR: the worked example puts the unlike item before the near duplicate")
    void skipsANearDuplicate() {
        double[] relevance = {0.9, 0.85, 0.5};
        double[][] similarity = {{1, 0.95, 0.1}, {0.95, 1, 0.1}, {0.1, 0.1, 1}};

        assertThat(new Mmr().select(relevance, similarity, 3, 0.5)).containsExactly(0, 2, 1);
        assertThat(new Mmr().select(relevance, similarity, 3, 1.0)).containsExactly(0, 1, 2);
    }

    @Test
    @DisplayName("LexRank: the sentence like both others is the most central")
    void theSentenceLikeTheOthersIsCentral() {
        double[][] similarity = {{1, 0.8, 0.0}, {0.8, 1, 0.8}, {0.0, 0.8, 1}};

        double[] score = new LexRank(0.85).centrality(similarity);

        assertThat(score[1]).isGreaterThan(score[0]).isGreaterThan(score[2] - 1e-12);
        assertThat(score[0] + score[1] + score[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @DisplayName("exact search: best first, ties by index, at most k")
    void exactSearchRanks() {
        List<float[]> candidates = List.of(new float[] {0, 1}, new float[] {1, 0},
                new float[] {2, 0}, new float[] {1, 1});

        List<Scored> top = new ExactSearch().nearest(new float[] {1, 0}, candidates, 3);

        assertThat(top).extracting(Scored::index).containsExactly(1, 2, 3);
    }
}
