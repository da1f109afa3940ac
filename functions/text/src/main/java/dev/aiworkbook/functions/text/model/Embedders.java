package dev.aiworkbook.functions.text.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedders of one function instance, one per model, loaded when the instance starts
 * (its cold start) and closed with it (chapter 06).
 */
public final class Embedders implements AutoCloseable {

    private final Map<String, Embedder> byModel;

    private Embedders(Map<String, Embedder> byModel) {
        this.byModel = byModel;
    }

    /**
     * Loads both models from the store {@link ModelStore#locate()} finds.
     *
     * @return the embedders
     * @throws ModelException if a model file is missing or damaged
     */
    public static Embedders load() {
        return load(ModelStore.locate());
    }

    /**
     * Loads both models.
     *
     * @param store where the models are
     * @return the embedders
     * @throws ModelException if a model file is missing or damaged
     */
    public static Embedders load(ModelStore store) {
        Map<String, Embedder> byModel = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            byModel.put(language.model(), SentenceEmbedder.load(store, language.model()));
        }
        return new Embedders(byModel);
    }

    /**
     * Embedders given by the caller, such as a test's.
     *
     * @param embedders the embedders
     * @return them, by model name
     */
    public static Embedders of(Embedder... embedders) {
        Map<String, Embedder> byModel = new LinkedHashMap<>();
        for (Embedder e : embedders) byModel.put(e.modelName(), e);
        return new Embedders(byModel);
    }

    /** @return the embedder of a language */
    public Embedder of(Language language) {
        return model(language.model());
    }

    /**
     * @param name a model's name
     * @return its embedder
     * @throws IllegalArgumentException if no such model is loaded
     */
    public Embedder model(String name) {
        Embedder embedder = byModel.get(name);
        if (embedder == null) {
            throw new IllegalArgumentException("model must be one of " + byModel.keySet()
                    + ", was: \"" + name + "\"");
        }
        return embedder;
    }

    /** @return whether the model is loaded */
    public boolean has(String name) {
        return byModel.containsKey(name);
    }

    @Override
    public void close() {
        byModel.values().forEach(Embedder::close);
    }
}
