package dev.aiworkbook.functions.text.model;

import java.util.List;

/** Turns text into unit vectors whose dot product is their similarity of meaning (chapter 06). */
public interface Embedder extends AutoCloseable {

    /** @return the model's name, as its manifest gives it */
    String modelName();

    /** @return the length of every vector */
    int dimensions();

    /**
     * @param text any text; past the model's token limit it is embedded in pieces, averaged
     * @return its unit vector
     */
    float[] embed(String text);

    /**
     * @param texts the texts, embedded together in one padded batch where they fit
     * @return one unit vector per text, in order
     */
    List<float[]> embedAll(List<String> texts);

    /**
     * @param text any text
     * @return how many tokens the model sees, [CLS] and [SEP] included, before any cut
     */
    int countTokens(String text);

    @Override
    void close();
}
