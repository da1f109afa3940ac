package dev.aiworkbook.functions.text.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiworkbook.functions.text.TestModels;
import dev.aiworkbook.functions.text.http.BadRequestException;
import dev.aiworkbook.functions.text.model.Embedders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index and query functions on a real Lucene index on disk, with the real models. */
class SearchIndexTest {

    private static final Embedders MODELS = Embedders.of(TestModels.english(), TestModels.chinese());

    @TempDir
    Path dir;

    private Map<String, Object> index(IndexHandler handler, String name, List<?> documents) {
        return handler.handleRequest(Map.of("index", name, "directory", dir.toString(),
                "documents", documents), null);
    }

    private static List<Map<String, Object>> corpus(List<Corpus.Entry> entries) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Corpus.Entry e : entries) {
            documents.add(Map.of("id", e.id(), "text", e.text(), "metadata", Map.of("title", e.title())));
        }
        return documents;
    }

    private Map<String, Object> query(QueryHandler handler, String name, String text, String mode) {
        return handler.handleRequest(Map.of("index", name, "directory", dir.toString(),
                "query", text, "mode", mode, "k", 3), null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("hits")).stream()
                .map(h -> (String) h.get("id")).toList();
    }

    @Test
    @DisplayName("a query by meaning finds the paragraph that shares no word with it")
    void findsByMeaning() {
        index(new IndexHandler(MODELS), "en", corpus(Corpus.english()));

        Map<String, Object> answer = query(new QueryHandler(MODELS), "en",
                "why is my function slow on its first request", "semantic");

        assertThat(ids(answer).get(0)).isEqualTo("en-cold-start");
    }

    @Test
    @DisplayName("Chinese: bge vectors and SmartChineseAnalyzer BM25 both find the panda")
    void searchesChinese() {
        index(new IndexHandler(MODELS), "zh", corpus(Corpus.chinese()));
        QueryHandler query = new QueryHandler(MODELS);

        assertThat(ids(query(query, "zh", "一种繁殖很慢、需要保护的动物", "semantic")).get(0))
                .isEqualTo("zh-panda");
        assertThat(ids(query(query, "zh", "大熊猫", "bm25")).get(0)).isEqualTo("zh-panda");
        assertThat(ids(query(query, "zh", "吃竹子的动物", "hybrid"))).contains("zh-panda");
    }

    @Test
    @DisplayName("after close and reopen in new instances, the same query gives the same hits")
    void survivesARestart() {
        index(new IndexHandler(MODELS), "en", corpus(Corpus.english()));
        QueryHandler before = new QueryHandler(MODELS);
        List<String> first = ids(query(before, "en", "insects that make honey", "hybrid"));

        // A new instance of each function: nothing is kept but the folder.
        QueryHandler after = new QueryHandler(MODELS);
        List<String> second = ids(query(after, "en", "insects that make honey", "hybrid"));

        assertThat(second).isEqualTo(first).startsWith("en-honeybee");
    }

    @Test
    @DisplayName("the query function sees documents indexed after it opened the index")
    void queryFunctionSeesNewCommits() {
        IndexHandler indexer = new IndexHandler(MODELS);
        QueryHandler query = new QueryHandler(MODELS);
        index(indexer, "en", corpus(Corpus.english().subList(0, 5)));
        assertThat(ids(query(query, "en", "a board game with a king and a queen", "semantic")))
                .doesNotContain("en-chess");

        index(indexer, "en", corpus(Corpus.english().subList(5, 10)));

        assertThat(ids(query(query, "en", "a board game with a king and a queen", "semantic")).get(0))
                .isEqualTo("en-chess");
    }

    @Test
    @DisplayName("an unknown index is a 404 naming the indexes there are")
    void unknownIndex() {
        index(new IndexHandler(MODELS), "en", corpus(Corpus.english().subList(0, 2)));

        var error = assertThrows(BadRequestException.class,
                () -> query(new QueryHandler(MODELS), "nope", "tides", "hybrid"));

        assertThat(error.status()).isEqualTo(404);
        assertThat(error).hasMessageContaining("no index \"nope\"").hasMessageContaining("[en]");
    }

    @Test
    @DisplayName("a vector of the wrong length is a 400, and the index keeps what it had")
    void wrongDimensionsLoseNothing() {
        IndexHandler indexer = new IndexHandler(MODELS);
        index(indexer, "en", corpus(Corpus.english().subList(0, 4)));
        List<Float> shortVector = Collections.nCopies(512, 0.1f);

        var onIndex = assertThrows(BadRequestException.class, () -> index(indexer, "en",
                List.of(Map.of("id", "x", "text", "tides", "vector", shortVector))));
        var onQuery = assertThrows(BadRequestException.class, () -> new QueryHandler(MODELS)
                .handleRequest(Map.of("index", "en", "directory", dir.toString(), "vector",
                        shortVector, "mode", "semantic"), null));

        assertThat(onIndex.status()).isEqualTo(400);
        assertThat(onIndex).hasMessageContaining("must have 384 numbers").hasMessageContaining("512");
        assertThat(onQuery).hasMessageContaining("must have 384 numbers");
        assertThat(new SearchIndex(IndexRoot.at(dir)).count("en")).isEqualTo(4);
    }

    @Test
    @DisplayName("an index built with MiniLM refuses a query naming bge (409), and stays whole")
    void modelMismatchIsAConflict() {
        index(new IndexHandler(MODELS), "en", corpus(Corpus.english().subList(0, 4)));

        var error = assertThrows(BadRequestException.class, () -> new QueryHandler(MODELS)
                .handleRequest(Map.of("index", "en", "directory", dir.toString(), "query",
                        "tides", "model", "bge-small-zh-v15-q"), null));
        var chinese = assertThrows(BadRequestException.class, () -> new IndexHandler(MODELS)
                .handleRequest(Map.of("index", "en", "directory", dir.toString(), "language", "zh",
                        "documents", corpus(Corpus.chinese().subList(0, 1))), null));

        assertThat(error.status()).isEqualTo(409);
        assertThat(error).hasMessageContaining("built with model all-minilm-l6-v2 (384");
        assertThat(chinese.status()).isEqualTo(409);
        assertThat(new SearchIndex(IndexRoot.at(dir)).count("en")).isEqualTo(4);
    }

    @Test
    @DisplayName("an over-long or empty document refuses the whole request: nothing is written")
    void badDocumentsWriteNothing() {
        IndexHandler indexer = new IndexHandler(MODELS);
        index(indexer, "en", corpus(Corpus.english().subList(0, 3)));
        var good = Map.of("id", "ok", "text", "A fine document.");

        var tooLong = assertThrows(BadRequestException.class, () -> index(indexer, "en",
                List.of(good, Map.of("id", "long", "text", "x".repeat(IndexHandler.MAX_TEXT + 1)))));
        var empty = assertThrows(BadRequestException.class, () -> index(indexer, "en",
                List.of(good, Map.of("id", "empty", "text", " "))));

        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(tooLong).hasMessageContaining("documents[1].text").hasMessageContaining("8001");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(new SearchIndex(IndexRoot.at(dir)).count("en")).isEqualTo(3);
    }

    @Test
    @DisplayName("while another writer holds the lock, a write waits, then fails naming the lock")
    void aHeldWriteLockIsReported() throws Exception {
        index(new IndexHandler(MODELS), "en", corpus(Corpus.english().subList(0, 2)));
        SearchIndex index = new SearchIndex(IndexRoot.at(dir), java.time.Duration.ofMillis(200));
        var settings = index.settings("en").orElseThrow();

        try (FSDirectory directory = FSDirectory.open(dir.resolve("en"));
                IndexWriter other = new IndexWriter(directory, new IndexWriterConfig())) {
            var error = assertThrows(IllegalStateException.class, () -> index.write("en", settings,
                    List.of(new IndexedDocument("z", "z", Map.of(), new float[384]))));

            assertThat(error).hasMessageContaining("being written by another instance")
                    .hasMessageContaining("nothing was written");
        }
        assertThat(index.count("en")).isEqualTo(2);
    }
}
