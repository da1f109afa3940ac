package dev.aiworkbook.functions.text.search;

import java.util.Locale;

/** How a query is matched (chapter 06). */
public enum SearchMode {
    /** By meaning: the nearest vectors in the HNSW graph. */
    SEMANTIC,
    /** By words: BM25 over the analysed text. */
    BM25,
    /** Both, merged by reciprocal-rank fusion. */
    HYBRID;

    /**
     * @param code "semantic", "bm25" or "hybrid", any case
     * @return the mode
     * @throws IllegalArgumentException for any other code
     */
    public static SearchMode of(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be \"semantic\", \"bm25\" or \"hybrid\","
                    + " was: \"" + code + "\"", e);
        }
    }
}
