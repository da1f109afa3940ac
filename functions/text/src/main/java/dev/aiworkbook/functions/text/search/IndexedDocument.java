package dev.aiworkbook.functions.text.search;

import java.util.Map;

/**
 * One document to index (chapter 06).
 *
 * @param id its id, unique in the index: indexing the same id again replaces it
 * @param text its text, embedded and also indexed for BM25
 * @param metadata any fields to hand back with it, stored as JSON
 * @param vector its embedding, computed by the index function unless the client gave it
 */
public record IndexedDocument(String id, String text, Map<String, Object> metadata,
        float[] vector) {
}
