///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Chapter 06: index and query functions on the platform over HTTP; semantic, BM25 and hybrid
//JAVA 17+
//DEPS dev.aiworkbook:runtime:1.0-SNAPSHOT
//DEPS dev.aiworkbook:functions-text:1.0-SNAPSHOT
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
// Without a GPU the engines warn on every start that CUDA is missing: show only their errors.
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.log.ai.djl.onnxruntime.engine.OrtEngine=error

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbook.functions.text.model.ModelStore;
import dev.aiworkbook.functions.text.model.SentenceEmbedder;
import dev.aiworkbook.functions.text.search.*;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.function.DeclaredFunction;
import dev.aiworkbook.runtime.function.DeployDescriptor;
import dev.aiworkbook.runtime.time.SystemClock;
import dev.aiworkbook.runtime.trigger.HttpGateway;
import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.util.*;

public class SemanticSearch {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        System.out.println(run());
    }

    static String run() throws Exception {
        StringBuilder out = new StringBuilder();
        String dir = Files.createTempDirectory("chapter06-indexes").toString();
        var functions = DeployDescriptor.load(Path.of("functions/text/serverless.yml")).functions();
        try (Dispatcher platform = Dispatcher.on(new SystemClock());
                HttpGateway gateway = HttpGateway.start(platform, 0)) {
            for (DeclaredFunction f : functions) platform.deploy(f.spec(), f.code());
            for (String lang : List.of("en", "zh")) {
                var docs = (lang.equals("en") ? Corpus.english() : Corpus.chinese()).stream()
                        .map(e -> Map.of("id", e.id(), "text", e.text(),
                                "metadata", Map.of("title", e.title()))).toList();
                JsonNode r = post(gateway, "index", Map.of("index", lang, "directory", dir,
                        "language", lang, "documents", docs));
                out.append(String.format("indexed %s: %s documents in %s ms (cold start included)%n",
                        lang, r.get("documents"), r.get("millis")));
            }
            String[][] queries = {{"en", "why is my function slow on its first request"},
                {"en", "insects that dance"}, {"en", "Dr. Watson"}, {"zh", "一种繁殖很慢、需要保护的动物"}};
            for (String[] q : queries) {
                out.append(String.format("%nquery [%s] \"%s\"%n", q[0], q[1]));
                for (String mode : List.of("semantic", "bm25", "hybrid")) {
                    JsonNode r = post(gateway, "query", Map.of("index", q[0], "directory", dir,
                            "query", q[1], "mode", mode, "k", 3));
                    List<String> ids = new ArrayList<>();
                    r.get("hits").forEach(h -> ids.add(h.get("id").asText()));
                    out.append(String.format("  %-8s %-55s %s ms%n", mode, ids, r.get("millis")));
                }
            }
            out.append(recall(dir));
            // Restart: undeploy and deploy again; a new instance reads the same folder.
            DeclaredFunction query = functions.get(2);
            platform.undeploy("query");
            platform.deploy(query.spec(), query.code());
            JsonNode again = post(gateway, "query", Map.of("index", "en", "directory", dir,
                    "query", "insects that dance", "mode", "hybrid", "k", 3));
            out.append("\nafter redeploying query, hybrid \"insects that dance\": ")
                    .append(again.get("hits").findValuesAsText("id")).append('\n');
        }
        return out.toString();
    }

    static String recall(String dir) {
        try (SentenceEmbedder model = SentenceEmbedder.load(ModelStore.locate(), "all-minilm-l6-v2")) {
            SearchIndex index = new SearchIndex(IndexRoot.at(Path.of(dir)));
            List<float[]> queries = new ArrayList<>();
            for (Corpus.Entry e : Corpus.english()) queries.add(model.embed(e.title()));
            return String.format("%nrecall@10 of HNSW against exact search, %d title queries:"
                    + " %.3f asking k=50, %.3f asking k=10%n", queries.size(),
                    Recall.atK(index, "en", queries, 10, 50), Recall.atK(index, "en", queries, 10, 10));
        }
    }

    static JsonNode post(HttpGateway gateway, String fn, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(gateway.url() + "/fn/" + fn))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
