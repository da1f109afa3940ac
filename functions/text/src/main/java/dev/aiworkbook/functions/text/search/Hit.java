package dev.aiworkbook.functions.text.search;

import java.util.Map;

/**
 * One search result (chapter 06).
 *
 * @param id the document's id
 * @param text its text
 * @param metadata its stored fields
 * @param score the mode's score: (1 + cosine) / 2 for semantic, BM25 for bm25, the
 *     reciprocal-rank sum for hybrid
 */
public record Hit(String id, String text, Map<String, Object> metadata, double score) {
}
