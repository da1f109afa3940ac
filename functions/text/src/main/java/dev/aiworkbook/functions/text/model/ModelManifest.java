package dev.aiworkbook.functions.text.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code models/NAME/manifest.yaml} says about one sentence-embedding model (chapter
 * 06): its files with their sha256 and size, how to pool its output, where it comes from.
 *
 * @param name the model's folder name, such as {@code all-minilm-l6-v2}
 * @param artifact the Maven artifact the files are extracted from
 * @param onnx the ONNX graph
 * @param tokenizer the HuggingFace tokenizer json
 * @param dimensions the length of one embedding
 * @param pooling how the token vectors become one sentence vector
 * @param lowercase whether text is lowercased before tokenising (bge's vocabulary is)
 * @param maxTokens the most tokens one pass of the model takes, [CLS] and [SEP] included
 */
public record ModelManifest(String name, String artifact, ModelFile onnx, ModelFile tokenizer,
        int dimensions, Pooling pooling, boolean lowercase, int maxTokens) {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** How token vectors become one sentence vector; both are then scaled to length 1. */
    public enum Pooling {
        /** The average of the token vectors, padding excluded (sentence-transformers MiniLM). */
        MEAN,
        /** The first token's vector, [CLS] (the BGE models). */
        CLS
    }

    /**
     * One file of a model.
     *
     * @param file its name inside the model's folder
     * @param sha256 its SHA-256, 64 lowercase hex digits
     * @param bytes its size
     */
    public record ModelFile(String file, String sha256, long bytes) {
    }

    /**
     * Reads a manifest.
     *
     * @param file the manifest.yaml
     * @return the manifest
     * @throws ModelException if it cannot be read or a field is missing or wrong
     */
    public static ModelManifest read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ModelException("cannot read the model manifest " + file + ": "
                    + e.getMessage(), e);
        }
        Fields in = new Fields(file, root);
        return new ModelManifest(in.text("name"), in.text("artifact"), in.file("onnx"),
                in.file("tokenizer"), in.number("dimensions"),
                Pooling.valueOf(in.text("pooling").toUpperCase(Locale.ROOT)),
                root.path("lowercase").asBoolean(false), in.number("maxTokens"));
    }

    /** Reads required fields, naming the manifest and the field when one is missing. */
    private record Fields(Path file, JsonNode root) {

        String text(String field) {
            return text(root, field, field);
        }

        int number(String field) {
            JsonNode value = root.get(field);
            if (value == null || !value.canConvertToInt()) throw missing(field, "a whole number");
            return value.asInt();
        }

        ModelFile file(String field) {
            JsonNode node = root.path("files").path(field);
            String prefix = "files." + field + ".";
            JsonNode bytes = node.get("bytes");
            if (bytes == null || !bytes.canConvertToLong()) {
                throw missing(prefix + "bytes", "a whole number");
            }
            return new ModelFile(text(node, "file", prefix + "file"),
                    text(node, "sha256", prefix + "sha256"), bytes.asLong());
        }

        private String text(JsonNode node, String key, String field) {
            JsonNode value = node.get(key);
            if (value == null || value.asText().isBlank()) throw missing(field, "a text");
            return value.asText();
        }

        private ModelException missing(String field, String kind) {
            return new ModelException("the model manifest " + file + " must give " + field
                    + " as " + kind, null);
        }
    }
}
