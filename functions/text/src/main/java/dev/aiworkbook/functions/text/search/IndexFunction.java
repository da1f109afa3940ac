package dev.aiworkbook.functions.text.search;

import dev.aiworkbook.functions.text.http.JsonFunction;
import dev.aiworkbook.functions.text.model.Embedders;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the index and query functions share (chapter 06): the models, loaded once per
 * instance, and one open {@link SearchIndex} per folder of indexes, kept between invocations
 * and closed with the instance.
 */
abstract class IndexFunction extends JsonFunction {

    /** The models, by name. */
    protected final Embedders embedders;
    private final Map<IndexRoot, SearchIndex> indexes = new LinkedHashMap<>();

    /** @param embedders the models to use */
    protected IndexFunction(Embedders embedders) {
        this.embedders = embedders;
    }

    /**
     * @param root a folder of indexes
     * @return its indexes, opened on first use
     */
    protected SearchIndex indexesIn(IndexRoot root) {
        return indexes.computeIfAbsent(root, SearchIndex::new);
    }

    @Override
    public void close() {
        indexes.values().forEach(SearchIndex::close);
        indexes.clear();
        embedders.close();
    }
}
