package dev.aiworkbook.functions.text.summary;

import dev.aiworkbook.functions.text.model.Embedder;
import dev.aiworkbook.functions.text.rank.LexRank;
import dev.aiworkbook.functions.text.rank.Mmr;
import dev.aiworkbook.functions.text.rank.RedundancyFilter;
import dev.aiworkbook.functions.text.rank.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Extractive summary (chapter 06): the sentences that are most central to the text and
 * least alike, in the order the text has them.
 *
 * <p>Steps: split into sentences; embed each; LexRank over their cosine similarities gives
 * each sentence's centrality; MMR picks sentences by centrality, penalising the ones like
 * those already picked; the picked ones are put back in document order.
 */
public final class Summarizer {

    /** The longest text accepted, in characters. */
    public static final int MAX_CHARACTERS = 20_000;
    /** The most sentences a text may have. */
    public static final int MAX_SENTENCES = 400;

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final LexRank lexRank = new LexRank(0.85);
    private final RedundancyFilter redundancy = new Mmr();

    /**
     * One sentence picked, with its centrality.
     *
     * @param sentence the sentence
     * @param centrality its LexRank score, scaled so the text's most central sentence has 1
     */
    public record Pick(Sentence sentence, double centrality) {
    }

    /**
     * The summary of one text.
     *
     * @param sentences how many sentences the text had
     * @param picks the sentences picked, in document order
     */
    public record Summary(int sentences, List<Pick> picks) {
    }

    /**
     * Summarises a text.
     *
     * @param text the text; not blank, at most {@link #MAX_CHARACTERS} characters
     * @param embedder the model of the text's language
     * @param count how many sentences to keep; more than zero
     * @param lambda MMR's weight of centrality against novelty, in 0..1
     * @return the summary; a text of {@code count} sentences or fewer is kept whole
     * @throws IllegalArgumentException if the text is blank, too long, or has too many sentences
     */
    public Summary summarize(String text, Embedder embedder, int count, double lambda) {
        List<Sentence> sentences = sentencesOf(text);

        // One at a time: bge's int8 vectors shift with the other texts of a padded batch.
        List<float[]> vectors = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) vectors.add(embedder.embed(s.text()));

        double[][] similarity = Vectors.similarities(vectors);
        double[] centrality = scaledToTop(lexRank.centrality(similarity));
        List<Integer> picked = redundancy.select(centrality, similarity, count, lambda);

        List<Pick> picks = new ArrayList<>();
        for (int i : picked) picks.add(new Pick(sentences.get(i), centrality[i]));
        picks.sort(Comparator.comparingInt(p -> p.sentence().index()));
        return new Summary(sentences.size(), picks);
    }

    /**
     * Splits a text, checking the limits.
     *
     * @param text the text
     * @return its sentences
     * @throws IllegalArgumentException if the text is blank, too long, or has too many sentences
     */
    public List<Sentence> sentencesOf(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must have at least one sentence, was empty");
        }
        if (text.length() > MAX_CHARACTERS) {
            throw new IllegalArgumentException("text must be at most " + MAX_CHARACTERS
                    + " characters, was: " + text.length() + "; summarise it in parts");
        }
        List<Sentence> sentences = splitter.split(text);
        if (sentences.size() > MAX_SENTENCES) {
            throw new IllegalArgumentException("text must have at most " + MAX_SENTENCES
                    + " sentences, had: " + sentences.size() + "; summarise it in parts");
        }
        return sentences;
    }

    private static double[] scaledToTop(double[] scores) {
        double top = 0;
        for (double s : scores) top = Math.max(top, s);
        double[] scaled = new double[scores.length];
        for (int i = 0; i < scores.length; i++) scaled[i] = top == 0 ? 0 : scores[i] / top;
        return scaled;
    }
}
