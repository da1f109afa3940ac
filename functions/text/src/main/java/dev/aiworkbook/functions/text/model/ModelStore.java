package dev.aiworkbook.functions.text.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where the models are, and the check that each file is the one its manifest names (chapter
 * 06).
 *
 * <p>The folder of models is, in this order: the system property {@code workbook.models.dir},
 * the environment variable {@code WORKBOOK_MODELS_DIR}, or the {@code models/} folder of the
 * workbook found from the working directory upward. On AWS Lambda the models go in a layer,
 * with {@code WORKBOOK_MODELS_DIR=/opt/models}: the deployment package stays the same.
 */
public final class ModelStore {

    /** The system property naming the folder of models. */
    public static final String PROPERTY = "workbook.models.dir";
    /** The environment variable naming the folder of models. */
    public static final String VARIABLE = "WORKBOOK_MODELS_DIR";
    /** How to extract the model files again, from the workbook's root. */
    public static final String EXTRACT_COMMAND = "mvn -q -pl functions/text generate-resources";

    private final Path root;

    private ModelStore(Path root) {
        this.root = root;
    }

    /**
     * The store at a given folder.
     *
     * @param root the folder holding one folder per model
     * @return the store
     */
    public static ModelStore at(Path root) {
        return new ModelStore(root.toAbsolutePath().normalize());
    }

    /**
     * The store the settings above name.
     *
     * @return the store
     * @throws ModelException if none is set and no models/ folder is found
     */
    public static ModelStore locate() {
        String given = Optional.ofNullable(System.getProperty(PROPERTY))
                .orElse(System.getenv(VARIABLE));
        if (given != null && !given.isBlank()) return at(Path.of(given));
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("models").resolve("all-minilm-l6-v2"))) {
                return at(dir.resolve("models"));
            }
        }
        throw new ModelException("no folder of models found: set the system property "
                + PROPERTY + " or the environment variable " + VARIABLE + " to the workbook's"
                + " models/ folder, or run from inside the workbook", null);
    }

    /** @return the folder holding one folder per model */
    public Path root() {
        return root;
    }

    /**
     * Reads a model's manifest and checks its files' sizes and sha256. A file that passed
     * before, unchanged since, is vouched for by its {@link VerifiedStamp} instead of hashed.
     *
     * @param name the model's folder, such as {@code all-minilm-l6-v2}
     * @return the manifest, every file verified
     * @throws ModelException naming the missing or damaged file and how to get it back
     */
    public ModelManifest verified(String name) {
        Path folder = root.resolve(name);
        Path manifestFile = folder.resolve("manifest.yaml");
        if (!Files.isRegularFile(manifestFile)) {
            throw new ModelException("no model \"" + name + "\": " + manifestFile + " is missing;"
                    + " the models are " + root + "/all-minilm-l6-v2 and"
                    + " bge-small-zh-v15-q", null);
        }
        ModelManifest manifest = ModelManifest.read(manifestFile);
        verify(folder, manifest.onnx(), manifest);
        verify(folder, manifest.tokenizer(), manifest);
        return manifest;
    }

    /** @return the folder of a model */
    public Path folder(String name) {
        return root.resolve(name);
    }

    private static void verify(Path folder, ModelManifest.ModelFile expected,
            ModelManifest manifest) {
        Path file = folder.resolve(expected.file());
        String fix = "; extract it again from " + manifest.artifact() + " with `"
                + EXTRACT_COMMAND + "` from the workbook's root";
        if (!Files.isRegularFile(file)) {
            throw new ModelException("model file " + file + " is missing" + fix, null);
        }
        long bytes = size(file);
        if (bytes != expected.bytes()) {
            throw new ModelException("model file " + file + " is damaged: " + bytes
                    + " bytes, the manifest says " + expected.bytes() + fix, null);
        }
        if (VerifiedStamp.vouchesFor(file, expected)) return;
        String sha256 = sha256(file);
        if (!sha256.equals(expected.sha256())) {
            throw new ModelException("model file " + file + " is damaged: sha256 " + sha256
                    + ", the manifest says " + expected.sha256() + fix, null);
        }
        VerifiedStamp.write(file, expected);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
