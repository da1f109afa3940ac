package dev.aiworkbook.functions.text.model;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.aiworkbook.functions.text.rank.Vectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sentence-embedding model run by DJL's OnnxRuntime engine, with the pooling written here
 * (chapter 06): the tokenizer gives ids, the model one vector per token, and the pooling one
 * vector per text, mean (MiniLM) or [CLS] (BGE), scaled to length 1.
 *
 * <p>Nothing is fetched: DJL runs offline, the model loads from its folder through
 * {@link Criteria#builder()} with {@code optModelPath}, and the manifest's sha256 is checked
 * first. A text past {@code maxTokens} is cut into pieces of that size whose vectors are
 * averaged, weighted by their tokens, as langchain4j does.
 *
 * <p>Not thread-safe: one instance serves one invocation at a time, as a Lambda instance does.
 */
public final class SentenceEmbedder implements Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(SentenceEmbedder.class);

    static {
        DjlSettings.apply();
    }

    private final ModelManifest manifest;
    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final long clsId;
    private final long sepId;

    private SentenceEmbedder(ModelManifest manifest, HuggingFaceTokenizer tokenizer,
            ZooModel<NDList, NDList> model) {
        this.manifest = manifest;
        this.tokenizer = tokenizer;
        this.model = model;
        this.predictor = model.newPredictor();
        Encoding empty = tokenizer.encode("");
        this.clsId = empty.getIds()[0];
        this.sepId = empty.getIds()[empty.getIds().length - 1];
    }

    /**
     * Loads a model from a store, after checking its files.
     *
     * @param store where the models are
     * @param name the model's folder, such as {@code all-minilm-l6-v2}
     * @return the embedder; close it to free the native memory
     * @throws ModelException if a file is missing or damaged, or the engine cannot load it
     */
    public static SentenceEmbedder load(ModelStore store, String name) {
        ModelManifest manifest = store.verified(name);
        Path folder = store.folder(name);
        HuggingFaceTokenizer tokenizer = NativeLibraries.withTokenizers(
                () -> tokenizer(folder.resolve(manifest.tokenizer().file())));
        String onnx = manifest.onnx().file();
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(folder)
                .optModelName(onnx.substring(0, onnx.length() - ".onnx".length()))
                .optEngine("OnnxRuntime")
                .optTranslator(new NoopTranslator())
                .build();
        try {
            ZooModel<NDList, NDList> model = criteria.loadModel();
            LOG.info("model={} loaded from {}", name, folder);
            return new SentenceEmbedder(manifest, tokenizer, model);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            tokenizer.close();
            throw new ModelException("cannot load model " + folder.resolve(onnx) + ": "
                    + e.getMessage(), e);
        }
    }

    private static HuggingFaceTokenizer tokenizer(Path file) {
        try {
            // Cutting and padding are done here, so that long text can be split, not lost.
            return HuggingFaceTokenizer.builder().optTokenizerPath(file)
                    .optAddSpecialTokens(true).optTruncation(false).optPadding(false)
                    .optMaxLength(1_000_000).build();
        } catch (IOException e) {
            throw new ModelException("cannot read tokenizer " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String modelName() {
        return manifest.name();
    }

    @Override
    public int dimensions() {
        return manifest.dimensions();
    }

    /** @return the manifest the model was loaded with */
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public float[] embed(String text) {
        List<long[]> pieces = pieces(ids(text));
        if (pieces.size() == 1) return run(pieces).get(0);

        // Long text: average the pieces' vectors by their token counts, then rescale.
        List<float[]> vectors = run(pieces);
        float[] sum = new float[dimensions()];
        for (int p = 0; p < pieces.size(); p++) {
            int weight = pieces.get(p).length - 2;
            for (int d = 0; d < sum.length; d++) sum[d] += weight * vectors.get(p)[d];
        }
        return Vectors.normalize(sum);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<long[]> batch = new ArrayList<>();
        for (String text : texts) {
            long[] ids = ids(text);
            if (ids.length > manifest.maxTokens()) return texts.stream().map(this::embed).toList();
            batch.add(ids);
        }
        return batch.isEmpty() ? List.of() : run(batch);
    }

    @Override
    public int countTokens(String text) {
        return ids(text).length;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
        tokenizer.close();
    }

    private long[] ids(String text) {
        String seen = manifest.lowercase() ? text.toLowerCase(Locale.ROOT) : text;
        return tokenizer.encode(seen).getIds();
    }

    /** Token ids of one text, cut into pieces that each fit the model with [CLS] and [SEP]. */
    private List<long[]> pieces(long[] ids) {
        int limit = manifest.maxTokens();
        if (ids.length <= limit) return List.of(ids);
        int body = limit - 2;
        List<long[]> pieces = new ArrayList<>();
        for (int start = 1; start < ids.length - 1; start += body) {
            int end = Math.min(start + body, ids.length - 1);
            long[] piece = new long[end - start + 2];
            piece[0] = clsId;
            System.arraycopy(ids, start, piece, 1, end - start);
            piece[piece.length - 1] = sepId;
            pieces.add(piece);
        }
        return pieces;
    }

    /** One forward pass over a padded batch, then pooling. */
    private List<float[]> run(List<long[]> batch) {
        int tokens = batch.stream().mapToInt(ids -> ids.length).max().orElse(0);
        long[][] ids = new long[batch.size()][tokens];
        long[][] mask = new long[batch.size()][tokens];
        for (int b = 0; b < batch.size(); b++) {
            System.arraycopy(batch.get(b), 0, ids[b], 0, batch.get(b).length);
            java.util.Arrays.fill(mask[b], 0, batch.get(b).length, 1L);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray inputIds = manager.create(ids);
            inputIds.setName("input_ids");
            NDArray attention = manager.create(mask);
            attention.setName("attention_mask");
            NDArray types = manager.zeros(inputIds.getShape(), inputIds.getDataType());
            types.setName("token_type_ids");
            NDList output = predictor.predict(new NDList(inputIds, attention, types));
            float[] hidden = output.get(0).toFloatArray();
            return pool(hidden, mask, tokens);
        } catch (TranslateException e) {
            throw new IllegalStateException("model " + manifest.name() + " failed on a batch of "
                    + batch.size() + ": " + e.getMessage(), e);
        }
    }

    private List<float[]> pool(float[] hidden, long[][] mask, int tokens) {
        int dims = dimensions();
        List<float[]> vectors = new ArrayList<>(mask.length);
        for (int b = 0; b < mask.length; b++) {
            float[] v = new float[dims];
            int base = b * tokens * dims;
            if (manifest.pooling() == ModelManifest.Pooling.CLS) {
                System.arraycopy(hidden, base, v, 0, dims);
            } else {
                int counted = 0;
                for (int t = 0; t < tokens; t++) {
                    if (mask[b][t] == 0) continue;
                    counted++;
                    for (int d = 0; d < dims; d++) v[d] += hidden[base + t * dims + d];
                }
                for (int d = 0; d < dims; d++) v[d] /= counted;
            }
            vectors.add(Vectors.normalize(v));
        }
        return vectors;
    }

    /** @return the names of the model's inputs and outputs, as the engine describes them */
    public Map<String, String> describe() {
        return Map.of("inputs", String.valueOf(model.describeInput()),
                "outputs", String.valueOf(model.describeOutput()));
    }
}
