///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Chapter 06: extractive summaries of an English and a Chinese text, with scores and latency
//JAVA 17+
//DEPS dev.aiworkbook:functions-text:1.0-SNAPSHOT
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
// Without a GPU the engines warn on every start that CUDA is missing: show only their errors.
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.log.ai.djl.onnxruntime.engine.OrtEngine=error

import dev.aiworkbook.functions.text.search.Corpus;
import dev.aiworkbook.functions.text.summary.SummaryHandler;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public class TextSummary {

    public static void main(String[] args) {
        System.out.println(run());
    }

    static String run() {
        StringBuilder out = new StringBuilder();
        long started = System.nanoTime();
        SummaryHandler handler = new SummaryHandler();
        out.append(String.format("cold start (both models loaded and checked): %.0f ms%n",
                (System.nanoTime() - started) / 1e6));
        out.append(summarise(handler, "English", Corpus.english().subList(12, 15)));
        out.append(summarise(handler, "Chinese", Corpus.chinese().subList(3, 6)));
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static String summarise(SummaryHandler handler, String label,
            List<Corpus.Entry> paragraphs) {
        String text = paragraphs.stream().map(Corpus.Entry::text)
                .collect(Collectors.joining("\n"));
        handler.handleRequest(Map.of("text", text), null);
        Map<String, Object> answer = handler.handleRequest(
                Map.of("text", text, "sentences", 3), null);

        StringBuilder out = new StringBuilder(String.format("%n== %s: %d sentences, model %s,"
                + " %s ms (warm) ==%n", label, answer.get("sentences"), answer.get("model"),
                answer.get("millis")));
        for (Map<String, Object> pick : (List<Map<String, Object>>) answer.get("summary")) {
            out.append(String.format("  #%-3s %.4f  %s%n", pick.get("index"), pick.get("score"),
                    pick.get("text")));
        }
        return out.toString();
    }
}
