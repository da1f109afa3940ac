package dev.aiworkbook.functions.image.model;

import ai.djl.util.JsonUtils;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The manifest beside a shipped model ({@code models/NAME/manifest.json}): what the model is
 * and the facts a loader checks (chapter 05). Only the fields read by code are held here; the
 * file carries more for people (recipe, dataset, licence).
 *
 * @param name the model's name, the prefix of its parameters file
 * @param file the parameters file, relative to the manifest
 * @param sha256 that file's SHA-256, in lower-case hex
 * @param sizeBytes that file's size
 * @param testAccuracy the accuracy measured on the 10,000 test images
 */
public record ModelManifest(String name, String file, String sha256, long sizeBytes,
        double testAccuracy) {

    /** The manifest's file name. */
    public static final String FILE = "manifest.json";

    /**
     * @return the epoch in the parameters file's name, {@code NAME-00NN.params}: DJL loads the
     *     file of the epoch it is given, and without one the highest it finds in the folder,
     *     which need not be the file whose sha256 was checked
     * @throws ModelUnavailableException if the file is not named so
     */
    public int epoch() {
        String prefix = name + "-";
        String digits = file.startsWith(prefix) && file.endsWith(".params")
                ? file.substring(prefix.length(), file.length() - ".params".length()) : "";
        if (!digits.matches("[0-9]{4}")) {
            throw new ModelUnavailableException("the manifest's \"file\" must be named "
                    + prefix + "NNNN.params (NNNN: the epoch, four digits), was: \"" + file
                    + "\". " + ModelUnavailableException.HOW_TO_GET);
        }
        return Integer.parseInt(digits);
    }

    /**
     * @param folder the model's folder
     * @return its manifest
     * @throws ModelUnavailableException if it is missing or unreadable, naming the file
     */
    public static ModelManifest read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ModelUnavailableException("model manifest not found: " + file + ". "
                    + ModelUnavailableException.HOW_TO_GET);
        }
        try {
            JsonObject json = JsonUtils.GSON.fromJson(Files.readString(file), JsonObject.class);
            return new ModelManifest(text(json, "name", file), text(json, "file", file),
                    text(json, "sha256", file), json.get("sizeBytes").getAsLong(),
                    json.get("testAccuracy").getAsDouble());
        } catch (IOException | JsonParseException | NullPointerException
                | IllegalStateException | UnsupportedOperationException e) {
            throw new ModelUnavailableException("model manifest " + file + " is unreadable ("
                    + e + "); it needs name, file, sha256, sizeBytes and testAccuracy. "
                    + ModelUnavailableException.HOW_TO_GET);
        }
    }

    private static String text(JsonObject json, String key, Path file) {
        if (!json.has(key) || !json.get(key).isJsonPrimitive()) {
            throw new ModelUnavailableException("model manifest " + file + " has no \"" + key
                    + "\". " + ModelUnavailableException.HOW_TO_GET);
        }
        return json.get(key).getAsString();
    }
}
