package dev.aiworkbook.functions.text.search;

import com.amazonaws.services.lambda.runtime.Context;
import dev.aiworkbook.functions.text.http.BadRequestException;
import dev.aiworkbook.functions.text.http.Fields;
import dev.aiworkbook.functions.text.model.Embedder;
import dev.aiworkbook.functions.text.model.Embedders;
import dev.aiworkbook.functions.text.model.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index function of semantic search (chapter 06): embeds documents and adds them to a
 * named Lucene index on disk, which the query function reads.
 *
 * <p>Request: {@code index} (a name, [a-z0-9_-], 1..64), {@code documents} (1..256 of
 * {@code {id, text, metadata}}, text 1..8,000 characters; a document may bring its own
 * {@code vector}), {@code language} ("en" or "zh", only to create an index; "auto" guesses it
 * from the first document), {@code directory} (optional, see {@link IndexRoot}). Every
 * document is checked and embedded before the index is opened, so a refused request writes
 * nothing. An instance holds the index's write lock only during its invocation.
 */
public class IndexHandler extends IndexFunction {

    /** The most documents one request may carry. */
    public static final int MAX_DOCUMENTS = 256;
    /** The longest document text, in characters. */
    public static final int MAX_TEXT = 8_000;

    /** Loads both models from the store {@code ModelStore.locate()} finds. */
    public IndexHandler() {
        this(Embedders.load());
    }

    /** @param embedders the models to use */
    public IndexHandler(Embedders embedders) {
        super(embedders);
    }

    @Override
    protected Map<String, Object> answer(Map<String, Object> request, Context context) {
        Fields in = Fields.of(request);
        String name = Requests.indexName(in);
        List<Map<String, Object>> given = documents(in);
        SearchIndex index = indexesIn(IndexRoot.locate(in.text("directory", null, "a folder")));
        IndexSettings settings = settings(index, name, in, given);

        long started = System.nanoTime();
        List<IndexedDocument> documents = embedded(given, settings);
        int total;
        try {
            total = index.write(name, settings, documents);
        } catch (IllegalArgumentException mismatch) {
            throw new BadRequestException(409, "documents", mismatch.getMessage());
        } catch (IndexWriterLock.IndexBusyException busy) {
            throw new BadRequestException(409, "index", busy.getMessage());
        }

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("index", name);
        answer.put("model", settings.model());
        answer.put("dimensions", settings.dimensions());
        answer.put("added", documents.size());
        answer.put("documents", total);
        answer.put("millis", Math.round((System.nanoTime() - started) / 1e5) / 10.0);
        return answer;
    }

    private IndexSettings settings(SearchIndex index, String name, Fields in,
            List<Map<String, Object>> given) {
        String code = in.text("language", "auto", "\"en\", \"zh\" or \"auto\"");
        Language language;
        try {
            language = Language.of(code, (String) given.get(0).get("text"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, "language", e.getMessage());
        }
        IndexSettings existing = index.settings(name).orElse(null);
        if (existing != null && (in.has("language") && !code.equalsIgnoreCase("auto")
                && existing.language() != language)) {
            throw new BadRequestException(409, "language", "index \"" + name + "\" is in "
                    + existing.language() + " (model " + existing.model() + "), was asked for "
                    + language + "; use another index name for " + language);
        }
        if (existing != null) return existing;
        Embedder embedder = embedders.of(language);
        return new IndexSettings(language, embedder.modelName(), embedder.dimensions());
    }

    private static List<Map<String, Object>> documents(Fields in) {
        List<?> list = in.list("documents", "1.." + MAX_DOCUMENTS + " of {id, text, metadata}");
        if (list.isEmpty() || list.size() > MAX_DOCUMENTS) {
            throw new BadRequestException(list.isEmpty() ? 400 : 413, "documents", "documents"
                    + " must hold 1.." + MAX_DOCUMENTS + " documents, held: " + list.size()
                    + (list.isEmpty() ? "" : "; send them in several requests"));
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) documents.add(document(list.get(i), i));
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(Object item, int i) {
        String field = "documents[" + i + "]";
        if (!(item instanceof Map)) {
            throw new BadRequestException(400, field, field + " must be {id, text, metadata},"
                    + " was: " + item);
        }
        Map<String, Object> d = (Map<String, Object>) item;
        Fields doc = Fields.of(d);
        String id = doc.text("id", "a text of 1..200 characters, unique in the index");
        if (id.isBlank() || id.length() > 200) {
            throw new BadRequestException(400, field + ".id", field + ".id must be 1..200"
                    + " characters, was: \"" + id + "\"");
        }
        String text = doc.text("text", "the document's text, 1.." + MAX_TEXT + " characters");
        if (text.isBlank()) {
            throw new BadRequestException(400, field + ".text", field + ".text (document \""
                    + id + "\") must not be empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new BadRequestException(413, field + ".text", field + ".text (document \""
                    + id + "\") must be at most " + MAX_TEXT + " characters, was: "
                    + text.length() + "; split it into several documents");
        }
        if (d.get("metadata") != null && !(d.get("metadata") instanceof Map)) {
            throw new BadRequestException(400, field + ".metadata", field + ".metadata must be"
                    + " an object of fields, was: " + d.get("metadata"));
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private List<IndexedDocument> embedded(List<Map<String, Object>> given,
            IndexSettings settings) {
        Embedder embedder = embedders.model(settings.model());
        List<IndexedDocument> documents = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Map<String, Object> d = given.get(i);
            String text = (String) d.get("text");
            float[] vector = d.containsKey("vector")
                    ? Requests.vector(d.get("vector"), "documents[" + i + "].vector",
                            settings.dimensions())
                    : embedder.embed(text);
            Map<String, Object> metadata = d.get("metadata") == null ? Map.of()
                    : (Map<String, Object>) d.get("metadata");
            documents.add(new IndexedDocument((String) d.get("id"), text, metadata, vector));
        }
        return documents;
    }
}
