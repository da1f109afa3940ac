package dev.aiworkbook.functions.text.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The named Lucene indexes of one {@link IndexRoot} (chapter 06): each document holds its id,
 * its text for BM25, its metadata as JSON, and its vector in an HNSW graph compared by cosine.
 *
 * <p>Writing opens the index's one {@link IndexWriter}, adds everything, commits once and
 * closes it, so a failure part-way leaves the last commit as it was. Reading keeps one
 * {@link DirectoryReader} per index and reopens it only when a writer committed since
 * ({@link DirectoryReader#openIfChanged}). Not thread-safe for reading: one instance, one
 * invocation at a time.
 */
public final class SearchIndex implements AutoCloseable {

    static final String ID = "id";
    static final String TEXT = "text";
    static final String METADATA = "metadata";
    static final String VECTOR = "vector";
    /** How many neighbours HNSW is asked for at least: k also sets its search breadth. */
    public static final int CANDIDATES = 50;
    // Reciprocal-rank fusion's constant (Cormack et al., 2009).
    private static final int RRF_K = 60;
    /** How long a write waits for another instance's writer, by default. */
    public static final Duration WRITER_PATIENCE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IndexRoot root;
    private final Duration writerPatience;
    private final Map<String, Open> readers = new HashMap<>();

    /** @param root the folder of indexes */
    public SearchIndex(IndexRoot root) {
        this(root, WRITER_PATIENCE);
    }

    /**
     * @param root the folder of indexes
     * @param writerPatience how long a write waits while another writer holds the index
     */
    public SearchIndex(IndexRoot root, Duration writerPatience) {
        this.root = root;
        this.writerPatience = writerPatience;
    }

    /** @return the folder of indexes */
    public IndexRoot root() {
        return root;
    }

    /**
     * What an index was built with.
     *
     * @param name the index
     * @return its settings, or empty if it does not exist
     */
    public Optional<IndexSettings> settings(String name) {
        if (!root.exists(name)) return Optional.empty();
        return Optional.of(reader(name).settings);
    }

    /**
     * Adds documents, or replaces those with the same ids, in one commit.
     *
     * @param name the index; created with {@code settings} if it does not exist
     * @param settings the index's settings: for a new index, what it is built with; for an
     *     existing one, what the documents were embedded with, which must match
     * @param documents the documents, each with a vector of {@code settings.dimensions()}
     * @return how many documents the index holds after the commit
     * @throws IllegalArgumentException if the settings differ from the index's, or a vector's
     *     length differs; nothing is written then
     */
    public int write(String name, IndexSettings settings, List<IndexedDocument> documents) {
        settings(name).ifPresent(existing -> requireSame(name, existing, settings));
        for (IndexedDocument d : documents) {
            if (d.vector().length != settings.dimensions()) {
                throw new IllegalArgumentException("document \"" + d.id() + "\" must have a"
                        + " vector of " + settings.dimensions() + " numbers, had: "
                        + d.vector().length);
            }
        }
        try (FSDirectory directory = FSDirectory.open(root.folderOf(name));
                IndexWriter writer = IndexWriterLock.open(directory,
                        () -> new IndexWriterConfig(Analyzers.of(settings.language())),
                        writerPatience, name)) {
            try {
                for (IndexedDocument d : documents) {
                    writer.updateDocument(new Term(ID, d.id()), document(d));
                }
                writer.setLiveCommitData(settings.toCommitData().entrySet());
                writer.commit();
                return writer.getDocStats().numDocs;
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write index \"" + name + "\"", e);
        }
    }

    /**
     * Searches an index.
     *
     * @param name the index, which must exist
     * @param mode how to match
     * @param text the query's text, for BM25 (and hybrid)
     * @param vector the query's vector, for semantic (and hybrid)
     * @param k how many hits
     * @return at most {@code k} hits, best first
     */
    public List<Hit> search(String name, SearchMode mode, String text, float[] vector, int k) {
        Open open = reader(name);
        IndexSearcher searcher = new IndexSearcher(open.reader);
        try {
            switch (mode) {
                case SEMANTIC: return hits(searcher, semantic(searcher, vector, k), k);
                case BM25: return hits(searcher, bm25(searcher, open, text, k), k);
                default: return hybrid(searcher, open, text, vector, k);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search index \"" + name + "\"", e);
        }
    }

    /**
     * The ids of the approximate nearest neighbours, asking HNSW for {@code asked} of them.
     *
     * @param name the index, which must exist
     * @param vector the query vector
     * @param k how many ids to keep
     * @param asked how many neighbours the query asks for, at least {@code k}: in Lucene 9.12
     *     this also sets how widely the graph is searched
     * @return at most {@code k} ids, nearest first
     */
    public List<String> approximateNearest(String name, float[] vector, int k, int asked) {
        IndexSearcher searcher = new IndexSearcher(reader(name).reader);
        try {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, asked), asked);
            return hits(searcher, top, k).stream().map(Hit::id).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search index \"" + name + "\"", e);
        }
    }

    /**
     * The stored vectors of an index, for exact search.
     *
     * @param name the index, which must exist
     * @return each document's id and vector
     */
    public Map<String, float[]> vectors(String name) {
        DirectoryReader reader = reader(name).reader;
        Map<String, float[]> vectors = new LinkedHashMap<>();
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                if (values == null) continue;
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                        doc = values.nextDoc()) {
                    if (leaf.reader().getLiveDocs() != null
                            && !leaf.reader().getLiveDocs().get(doc)) continue;
                    String id = leaf.reader().storedFields().document(doc).get(ID);
                    vectors.put(id, values.vectorValue().clone());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vectors of \"" + name + "\"", e);
        }
        return vectors;
    }

    /** @return how many documents an index holds, as of its last commit */
    public int count(String name) {
        return reader(name).reader.numDocs();
    }

    @Override
    public void close() {
        for (Open open : readers.values()) open.close();
        readers.clear();
    }

    private static void requireSame(String name, IndexSettings existing, IndexSettings given) {
        if (existing.model().equals(given.model())) return;
        throw new IllegalArgumentException("index \"" + name + "\" was built with model "
                + existing.model() + " (" + existing.dimensions() + " dimensions, language "
                + existing.language() + "); it cannot take vectors of " + given.model() + " ("
                + given.dimensions() + " dimensions)");
    }

    private static Document document(IndexedDocument d) throws JsonProcessingException {
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new TextField(TEXT, d.text(), Field.Store.YES));
        doc.add(new StoredField(METADATA, JSON.writeValueAsString(d.metadata())));
        doc.add(new KnnFloatVectorField(VECTOR, d.vector(), VectorSimilarityFunction.COSINE));
        return doc;
    }

    private static TopDocs semantic(IndexSearcher searcher, float[] vector, int k)
            throws IOException {
        return searcher.search(new KnnFloatVectorQuery(VECTOR, vector, Math.max(k, CANDIDATES)),
                Math.max(k, CANDIDATES));
    }

    private static TopDocs bm25(IndexSearcher searcher, Open open, String text, int k)
            throws IOException {
        return searcher.search(wordsQuery(open.analyzer, text), Math.max(k, CANDIDATES));
    }

    /** Any of the query's analysed words: BM25 ranks documents with more, rarer ones first. */
    static Query wordsQuery(Analyzer analyzer, String text) throws IOException {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(new TermQuery(new Term(TEXT, term.toString())),
                        BooleanClause.Occur.SHOULD);
            }
            tokens.end();
        }
        return words.build();
    }

    /** Reciprocal-rank fusion: each list gives 1 / (60 + rank); unbounded BM25 needs no scale. */
    private List<Hit> hybrid(IndexSearcher searcher, Open open, String text, float[] vector,
            int k) throws IOException {
        Map<Integer, Double> fused = new LinkedHashMap<>();
        for (TopDocs list : List.of(semantic(searcher, vector, k), bm25(searcher, open, text, k))) {
            for (int rank = 0; rank < list.scoreDocs.length; rank++) {
                fused.merge(list.scoreDocs[rank].doc, 1.0 / (RRF_K + rank + 1), Double::sum);
            }
        }
        List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(fused.entrySet());
        ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : ranked.subList(0, Math.min(k, ranked.size()))) {
            hits.add(hit(searcher, e.getKey(), e.getValue()));
        }
        return hits;
    }

    private static List<Hit> hits(IndexSearcher searcher, TopDocs top, int k) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            if (hits.size() == k) break;
            hits.add(hit(searcher, sd.doc, sd.score));
        }
        return hits;
    }

    private static Hit hit(IndexSearcher searcher, int doc, double score) throws IOException {
        Document stored = searcher.storedFields().document(doc);
        Map<String, Object> metadata = JSON.readValue(stored.get(METADATA),
                new TypeReference<Map<String, Object>>() { });
        return new Hit(stored.get(ID), stored.get(TEXT), metadata, score);
    }

    /** The reader of an index, reopened if a writer committed since it was opened. */
    private Open reader(String name) {
        try {
            Open open = readers.get(name);
            if (open == null) {
                open = Open.of(FSDirectory.open(root.folderOf(name)));
                readers.put(name, open);
                return open;
            }
            DirectoryReader newer = DirectoryReader.openIfChanged(open.reader);
            if (newer != null) {
                open.reader.close();
                open = open.with(newer);
                readers.put(name, open);
            }
            return open;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index \"" + name + "\"", e);
        }
    }

    /** One open index: its directory, reader, settings and analyzer. */
    private static final class Open {
        final FSDirectory directory;
        final DirectoryReader reader;
        final IndexSettings settings;
        final Analyzer analyzer;

        private Open(FSDirectory directory, DirectoryReader reader) throws IOException {
            this.directory = directory;
            this.reader = reader;
            this.settings = IndexSettings.fromCommitData(reader.getIndexCommit().getUserData());
            this.analyzer = Analyzers.of(settings.language());
        }

        static Open of(FSDirectory directory) throws IOException {
            return new Open(directory, DirectoryReader.open(directory));
        }

        Open with(DirectoryReader newer) throws IOException {
            analyzer.close();
            return new Open(directory, newer);
        }

        void close() {
            try {
                analyzer.close();
                reader.close();
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close an index", e);
            }
        }
    }
}
