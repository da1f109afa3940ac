package dev.aiworkbook.functions.text;

import dev.aiworkbook.functions.text.model.ModelStore;
import dev.aiworkbook.functions.text.model.SentenceEmbedder;

/** The two real models, loaded once for all the tests of this JVM. */
public final class TestModels {

    private static SentenceEmbedder english;
    private static SentenceEmbedder chinese;

    private TestModels() {
    }

    public static synchronized SentenceEmbedder english() {
        if (english == null) english = SentenceEmbedder.load(ModelStore.locate(), "all-minilm-l6-v2");
        return english;
    }

    public static synchronized SentenceEmbedder chinese() {
        if (chinese == null) chinese = SentenceEmbedder.load(ModelStore.locate(), "bge-small-zh-v15-q");
        return chinese;
    }
}
