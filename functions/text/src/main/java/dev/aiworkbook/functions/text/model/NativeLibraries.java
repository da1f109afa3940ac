package dev.aiworkbook.functions.text.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Lets every class loader of one JVM load the tokenizers' native library (chapter 06).
 *
 * <p>The JVM binds a native library to the first class loader that loads it, by path: a
 * second class loader loading the same file fails with "already loaded in another
 * classloader". The workbook platform gives each instance a class loader of its own, and DJL
 * copies the tokenizers library to one fixed path, so the second instance of a function (or
 * of another text function, or after a redeploy) would fail at its cold start. So the first
 * loader in the JVM uses DJL's copy, and every later one copies the library to a folder of
 * its own and points DJL at it ({@code RUST_LIBRARY_PATH}, DJL's override), under a lock
 * that all class loaders share. ONNX Runtime needs none of this: it extracts its libraries
 * to a new temporary folder for each loader.
 *
 * <p>Simplification: a copy stays loaded until its class loader is collected (about 14 MB
 * per instance); on AWS Lambda, with one class loader per sandbox, none of this happens.
 */
final class NativeLibraries {

    private static final String OVERRIDE = "RUST_LIBRARY_PATH";
    // A system property is the one thing all class loaders of the JVM see.
    private static final String LOADED_ONCE = "workbook.tokenizers.loaded";
    private static boolean loadedHere;

    private NativeLibraries() {
    }

    /**
     * Runs the first use of the tokenizers library in this class loader, making sure it loads.
     *
     * @param firstUse what loads the library, such as building a tokenizer
     * @return what it returns
     */
    static <T> T withTokenizers(Supplier<T> firstUse) {
        synchronized (NativeLibraries.class) {
            if (loadedHere) return firstUse.get();
            // The lock of every class loader's NativeLibraries: the system properties object.
            synchronized (System.getProperties()) {
                T result = System.getProperty(LOADED_ONCE) == null
                        ? firstUse.get() : fromOwnCopy(firstUse);
                System.setProperty(LOADED_ONCE, "true");
                loadedHere = true;
                return result;
            }
        }
    }

    private static <T> T fromOwnCopy(Supplier<T> firstUse) {
        String resource = resource();
        if (resource == null || System.getenv(OVERRIDE) != null) return firstUse.get();
        Path file = copy(resource);
        Path folder = file.getParent();
        String before = System.getProperty(OVERRIDE);
        // The file, not its folder: DJL 0.36 fails on a folder when no CUDA is present.
        System.setProperty(OVERRIDE, file.toString());
        try {
            return firstUse.get();
        } finally {
            if (before == null) System.clearProperty(OVERRIDE);
            else System.setProperty(OVERRIDE, before);
            // Loaded libraries stay mapped once their file is gone.
            deleteQuietly(folder);
        }
    }

    /** @return the library inside DJL's tokenizers jar for this platform, or null */
    static String resource() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") ? "aarch64" : null;
        if (cpu == null) return null;
        if (os.startsWith("linux")) return "native/lib/linux-" + cpu + "/cpu/libtokenizers.so";
        if (os.startsWith("mac")) return "native/lib/osx-" + cpu + "/cpu/libtokenizers.dylib";
        return null;
    }

    private static Path copy(String resource) {
        try (InputStream in = NativeLibraries.class.getClassLoader()
                .getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("no " + resource + " on the classpath");
            Path folder = Files.createTempDirectory("workbook-tokenizers");
            Path file = folder.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the tokenizers library", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            folder.toFile().deleteOnExit();
        }
    }
}
