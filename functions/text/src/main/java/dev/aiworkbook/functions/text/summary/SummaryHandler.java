package dev.aiworkbook.functions.text.summary;

import com.amazonaws.services.lambda.runtime.Context;
import dev.aiworkbook.functions.text.http.BadRequestException;
import dev.aiworkbook.functions.text.http.Fields;
import dev.aiworkbook.functions.text.http.JsonFunction;
import dev.aiworkbook.functions.text.model.Embedder;
import dev.aiworkbook.functions.text.model.Embedders;
import dev.aiworkbook.functions.text.model.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text-summary function (chapter 06): {@code {"text": "...", "sentences": 3, "language":
 * "auto"}} in, the picked sentences with their scores out, in document order.
 *
 * <p>Fields: {@code text} (required, 1..20,000 characters), {@code sentences} (1..20, default
 * 3), {@code language} ("en", "zh" or "auto", the default), {@code lambda} (MMR, 0..1,
 * default 0.7). Both models load in the constructor, which is the instance's cold start.
 */
public class SummaryHandler extends JsonFunction {

    private final Embedders embedders;
    private final Summarizer summarizer = new Summarizer();

    /** Loads both models from the store {@code ModelStore.locate()} finds. */
    public SummaryHandler() {
        this(Embedders.load());
    }

    /** @param embedders the models to use */
    public SummaryHandler(Embedders embedders) {
        this.embedders = embedders;
    }

    @Override
    public void close() {
        embedders.close();
    }

    @Override
    protected Map<String, Object> answer(Map<String, Object> request, Context context) {
        Fields in = Fields.of(request);
        String text = in.text("text", "the text to summarise, 1.." + Summarizer.MAX_CHARACTERS
                + " characters");
        int count = in.integer("sentences", 3, 1, 20);
        double lambda = in.number("lambda", 0.7, 0, 1);
        Language language = language(in, text);
        check(text);

        long started = System.nanoTime();
        Embedder embedder = embedders.of(language);
        Summarizer.Summary summary = summarizer.summarize(text, embedder, count, lambda);
        double millis = (System.nanoTime() - started) / 1e6;
        return answer(language, embedder, summary, millis);
    }

    private static Language language(Fields in, String text) {
        String code = in.text("language", "auto", "\"en\", \"zh\" or \"auto\"");
        try {
            return Language.of(code, text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, "language", e.getMessage());
        }
    }

    private void check(String text) {
        if (text.length() > Summarizer.MAX_CHARACTERS) {
            throw new BadRequestException(413, "text", "text must be at most "
                    + Summarizer.MAX_CHARACTERS + " characters, was: " + text.length()
                    + "; summarise it in parts");
        }
        try {
            summarizer.sentencesOf(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage().contains("at most") ? 413 : 400, "text",
                    e.getMessage());
        }
    }

    private static Map<String, Object> answer(Language language, Embedder embedder,
            Summarizer.Summary summary, double millis) {
        List<Map<String, Object>> picks = new ArrayList<>();
        for (Summarizer.Pick pick : summary.picks()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("index", pick.sentence().index());
            p.put("paragraph", pick.sentence().paragraph());
            p.put("text", pick.sentence().text());
            p.put("score", Math.round(pick.centrality() * 10_000) / 10_000.0);
            picks.add(p);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("language", language.name().toLowerCase(java.util.Locale.ROOT));
        answer.put("model", embedder.modelName());
        answer.put("sentences", summary.sentences());
        answer.put("summary", picks);
        answer.put("millis", Math.round(millis * 10) / 10.0);
        return answer;
    }
}
