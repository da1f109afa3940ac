package dev.aiworkbook.functions.image.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the prediction function finds its model (chapter 05): the folder named by the
 * environment variable {@code FASHION_MODEL_DIR}, else the copy inside its own deployment
 * package ({@code models/fashion-mnist-cnn/} on its classpath). From a jar the two files are
 * first copied to a temporary folder, since DJL loads parameters from a folder; {@link #load}
 * deletes that copy once the parameters are in memory, so cold starts leave nothing behind.
 */
public final class ModelLocation {

    /** The environment variable that overrides the packaged model. */
    public static final String ENV = "FASHION_MODEL_DIR";
    static final String RESOURCE = "models/fashion-mnist-cnn/";

    private ModelLocation() {
    }

    /**
     * Loads the model from where {@link #resolve} finds it, and deletes a copy taken out of a
     * jar once it is loaded.
     *
     * @param loader the class loader of the function's package
     * @return the classifier
     * @throws ModelUnavailableException if no model is found, or it cannot be loaded
     */
    public static FashionClassifier load(ClassLoader loader) {
        Found found = locate(loader);
        try {
            return FashionClassifier.load(found.folder());
        } finally {
            if (found.copied()) deleteCopy(found.folder());
        }
    }

    /**
     * @param loader the class loader of the function's package
     * @return the model's folder; a copy out of a jar is deleted when the JVM exits
     * @throws ModelUnavailableException if neither the variable nor the package gives one
     */
    public static Path resolve(ClassLoader loader) {
        Found found = locate(loader);
        if (found.copied()) {
            // Deleted in the reverse order of these calls: the files, then the folder.
            found.folder().toFile().deleteOnExit();
            try (var files = Files.list(found.folder())) {
                files.forEach(f -> f.toFile().deleteOnExit());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + found.folder(), e);
            }
        }
        return found.folder();
    }

    /** A model folder, and whether it is a temporary copy. */
    private record Found(Path folder, boolean copied) {
    }

    private static Found locate(ClassLoader loader) {
        String override = System.getenv(ENV);
        if (override != null && !override.isBlank()) return new Found(Path.of(override), false);
        URL manifest = loader.getResource(RESOURCE + ModelManifest.FILE);
        if (manifest == null) {
            throw new ModelUnavailableException("no model in the deployment package (" + RESOURCE
                    + ModelManifest.FILE + " is not on the classpath) and " + ENV + " is not set. "
                    + ModelUnavailableException.HOW_TO_GET);
        }
        if (manifest.getProtocol().equals("file")) return new Found(folderOf(manifest), false);
        return new Found(copyOut(loader), true);
    }

    private static void deleteCopy(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // Left for the operating system's cleaning of temporary files; nothing depends on it.
        }
    }

    private static Path folderOf(URL manifest) {
        try {
            return Path.of(manifest.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new ModelUnavailableException("not a usable model location: " + manifest, e);
        }
    }

    private static Path copyOut(ClassLoader loader) {
        try {
            Path folder = Files.createTempDirectory("fashion-mnist-cnn");
            copy(loader, ModelManifest.FILE, folder);
            ModelManifest manifest = ModelManifest.read(folder);
            copy(loader, manifest.file(), folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the packaged model out of the jar", e);
        }
    }

    private static void copy(ClassLoader loader, String name, Path folder) throws IOException {
        try (InputStream in = loader.getResourceAsStream(RESOURCE + name)) {
            if (in == null) {
                throw new ModelUnavailableException("the deployment package lacks " + RESOURCE
                        + name + ". " + ModelUnavailableException.HOW_TO_GET);
            }
            Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
