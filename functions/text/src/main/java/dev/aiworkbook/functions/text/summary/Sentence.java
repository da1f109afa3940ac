package dev.aiworkbook.functions.text.summary;

/**
 * One sentence of a text (chapter 06).
 *
 * @param index its position among the text's sentences, zero-based
 * @param paragraph the paragraph it is in, zero-based
 * @param text the sentence, trimmed
 */
public record Sentence(int index, int paragraph, String text) {
}
