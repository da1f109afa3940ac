package dev.aiworkbook.functions.text.search;

import dev.aiworkbook.functions.text.model.Language;
import java.util.Map;

/**
 * What an index was built with, stored in every Lucene commit (chapter 06): a query must use
 * the same model, since vectors of two models share no meaning, even at equal lengths.
 *
 * @param language the language, which picks the BM25 analyzer
 * @param model the embedding model
 * @param dimensions the length of its vectors
 */
public record IndexSettings(Language language, String model, int dimensions) {

    Map<String, String> toCommitData() {
        return Map.of("language", language.name(), "model", model,
                "dimensions", Integer.toString(dimensions));
    }

    static IndexSettings fromCommitData(Map<String, String> data) {
        return new IndexSettings(Language.valueOf(data.get("language")), data.get("model"),
                Integer.parseInt(data.get("dimensions")));
    }
}
