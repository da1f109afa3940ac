package dev.aiworkbook.functions.text.rank;

/**
 * One candidate and its score, such as a document's position in a list and its cosine to a
 * query (chapter 06).
 *
 * @param index the candidate's position in the list it came from, zero-based
 * @param score its score; higher is better
 */
public record Scored(int index, double score) {
}
