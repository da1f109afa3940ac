package dev.aiworkbook.functions.text.search;

import com.amazonaws.services.lambda.runtime.Context;
import dev.aiworkbook.functions.text.http.BadRequestException;
import dev.aiworkbook.functions.text.http.Fields;
import dev.aiworkbook.functions.text.model.Embedders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query function of semantic search (chapter 06): the top k documents of a named index
 * for a query, by meaning, by words (BM25), or both.
 *
 * <p>Request: {@code index}, {@code query} (1..1,000 characters; needed for bm25 and hybrid),
 * or {@code vector} (the index's dimensions; semantic or hybrid), {@code k} (1..50, default
 * 5), {@code mode} ("semantic", "bm25" or "hybrid", the default), {@code model} (optional: if
 * given, it must be the index's), {@code directory} (optional, see {@link IndexRoot}). It
 * only reads: it never takes the index's write lock, and sees each new commit of the index
 * function on its next invocation.
 */
public class QueryHandler extends IndexFunction {

    /** The longest query text, in characters. */
    public static final int MAX_QUERY = 1_000;

    /** Loads both models from the store {@code ModelStore.locate()} finds. */
    public QueryHandler() {
        this(Embedders.load());
    }

    /** @param embedders the models to use */
    public QueryHandler(Embedders embedders) {
        super(embedders);
    }

    @Override
    protected Map<String, Object> answer(Map<String, Object> request, Context context) {
        Fields in = Fields.of(request);
        String name = Requests.indexName(in);
        int k = in.integer("k", 5, 1, 50);
        SearchMode mode = mode(in);
        IndexRoot root = IndexRoot.locate(in.text("directory", null, "a folder"));
        SearchIndex index = indexesIn(root);
        IndexSettings settings = index.settings(name).orElseThrow(() -> unknown(root, name));
        requireModel(in, name, settings);
        String text = text(in, mode);

        long started = System.nanoTime();
        float[] vector = in.has("vector")
                ? Requests.vector(in.raw("vector"), "vector", settings.dimensions())
                : mode == SearchMode.BM25 ? null : embedders.model(settings.model()).embed(text);
        List<Hit> hits = index.search(name, mode, text, vector, k);
        return answer(name, mode, settings, hits, (System.nanoTime() - started) / 1e6);
    }

    private static SearchMode mode(Fields in) {
        try {
            return SearchMode.of(in.text("mode", "hybrid", "semantic, bm25 or hybrid"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, "mode", e.getMessage());
        }
    }

    private static String text(Fields in, SearchMode mode) {
        if (!in.has("query")) {
            if (mode == SearchMode.SEMANTIC && in.has("vector")) return "";
            throw new BadRequestException(400, "query", "query is required: the text to search"
                    + " for, 1.." + MAX_QUERY + " characters (or, in semantic mode, a vector)");
        }
        String text = in.text("query", "the text to search for");
        if (text.isBlank() || text.length() > MAX_QUERY) {
            throw new BadRequestException(text.isBlank() ? 400 : 413, "query", "query must be"
                    + " 1.." + MAX_QUERY + " characters, was: " + (text.isBlank() ? "empty"
                    : text.length() + " characters"));
        }
        return text;
    }

    private static void requireModel(Fields in, String name, IndexSettings settings) {
        if (!in.has("model") || settings.model().equals(in.raw("model"))) return;
        throw new BadRequestException(409, "model", "index \"" + name + "\" was built with model "
                + settings.model() + " (" + settings.dimensions() + " dimensions); a query"
                + " must use the same model, was: \"" + in.raw("model") + "\"");
    }

    private static BadRequestException unknown(IndexRoot root, String name) {
        return new BadRequestException(404, "index", "no index \"" + name + "\" in "
                + root.folder() + "; the indexes there are " + root.names()
                + ". Create it by indexing documents first");
    }

    private static Map<String, Object> answer(String name, SearchMode mode,
            IndexSettings settings, List<Hit> hits, double millis) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int rank = 0; rank < hits.size(); rank++) {
            Hit hit = hits.get(rank);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("rank", rank + 1);
            h.put("id", hit.id());
            h.put("score", Math.round(hit.score() * 1e6) / 1e6);
            h.put("text", hit.text());
            h.put("metadata", hit.metadata());
            list.add(h);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("index", name);
        answer.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        answer.put("model", settings.model());
        answer.put("hits", list);
        answer.put("millis", Math.round(millis * 10) / 10.0);
        return answer;
    }
}
