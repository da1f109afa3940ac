package dev.aiworkbook.functions.image.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Starts DJL's PyTorch engine offline (chapter 05), in any class loader.
 *
 * <p>Offline: unless {@code DJL_OFFLINE} or {@code -Dai.djl.offline} says otherwise, DJL runs in
 * offline mode, so it never probes the network and a download it would need fails at once.
 * libtorch comes from the {@code pytorch-native-cpu} jar and is extracted on first use into
 * DJL's cache, {@code DJL_CACHE_DIR} (environment or system property), else {@code
 * ~/.djl.ai}, else, when the home folder is read-only as on AWS Lambda, {@code
 * $TMPDIR/.djl.ai}.
 *
 * <p>One class loader per native library: the JVM lets a native library file be loaded by one
 * class loader only ("already loaded in another classloader"), but the workbook platform gives
 * every instance a class loader of its own. So the first class loader in a JVM loads libtorch
 * as DJL always does, and every later one loads it from a private folder of hard links to the
 * same files (libtorch itself, being the same files, is then shared, not loaded twice) plus a
 * private copy of DJL's small JNI library, whose native methods the JVM binds per class
 * loader. A JVM-wide lock (an interned string, the one object every class loader shares)
 * keeps two instances starting at once from seeing each other's folder.
 *
 * <p>One thread: unless {@code -Dai.djl.pytorch.num_threads} or {@code OMP_NUM_THREADS} says
 * otherwise, libtorch computes on one thread. A function instance has about one vCPU (Lambda
 * gives 1,769 MB one), and libtorch's default, one spinning thread per core, fights the other
 * instances and processes for the cores: on 2 busy cores (load 13) a training batch took
 * 1.2 s with the default and 0.26 s with one thread.
 */
public final class PyTorchEngine {

    /** The property, visible to every class loader, naming the folder libtorch was first loaded from. */
    static final String LOADED_FROM = "dev.aiworkbook.functions.image.libtorch";
    private static final String JVM_WIDE_LOCK = "dev.aiworkbook.functions.image.PyTorchEngine";
    private static final String LIBRARY_PATH = "PYTORCH_LIBRARY_PATH";
    /** DJL's setting for libtorch's intra-op threads, read when the engine starts. */
    static final String THREADS = "ai.djl.pytorch.num_threads";

    private PyTorchEngine() {
    }

    /**
     * Sets offline mode and starts the engine, once per class loader.
     *
     * @return the engine
     * @throws IllegalStateException if libtorch cannot be loaded, saying why and what to do
     */
    public static Engine start() {
        if (System.getenv("DJL_OFFLINE") == null && System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty(THREADS) == null && System.getenv("OMP_NUM_THREADS") == null) {
            System.setProperty(THREADS, "1");
        }
        synchronized (JVM_WIDE_LOCK) {
            String first = System.getProperty(LOADED_FROM);
            if (first == null) return startFirst();
            return startAgain(Path.of(first));
        }
    }

    private static Engine startFirst() {
        Engine engine = engine();
        System.setProperty(LOADED_FROM, LibUtils.getLibtorchPath());
        return engine;
    }

    private static Engine startAgain(Path libtorch) {
        if (System.getenv(LIBRARY_PATH) != null) {
            throw new IllegalStateException("libtorch is already loaded in this JVM by another"
                    + " class loader, and the environment variable " + LIBRARY_PATH + " stops"
                    + " this one from using a private copy: unset it, or run one instance per"
                    + " JVM");
        }
        Path own = privateCopy(libtorch);
        String before = System.getProperty(LIBRARY_PATH);
        System.setProperty(LIBRARY_PATH, own.toString());
        try {
            return engine();
        } finally {
            if (before == null) System.clearProperty(LIBRARY_PATH);
            else System.setProperty(LIBRARY_PATH, before);
            // Loaded libraries stay mapped after their files are deleted.
            deleteQuietly(own);
        }
    }

    private static Engine engine() {
        try {
            return Engine.getEngine("PyTorch");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IllegalStateException("the PyTorch engine did not start: " + e.getMessage()
                    + ". It needs ai.djl.pytorch:pytorch-native-cpu for this machine on the"
                    + " classpath (the functions-image build picks it by OS and processor) and"
                    + " a writable DJL_CACHE_DIR to extract it into", e);
        }
    }

    private static Path privateCopy(Path libtorch) {
        Path own = libtorch.resolveSibling("instance-" + UUID.randomUUID());
        try (Stream<Path> files = Files.list(libtorch)) {
            Files.createDirectories(own);
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = own.resolve(file.getFileName());
                if (file.getFileName().toString().contains("djl_torch")) {
                    Files.copy(file, target);
                } else {
                    Files.createLink(target, file);
                }
            }
            return own;
        } catch (IOException | UnsupportedOperationException e) {
            deleteQuietly(own);
            throw new IllegalStateException("libtorch is already loaded in this JVM by another"
                    + " class loader, and no private copy could be made in " + own + " ("
                    + e.getMessage() + "); run one instance of this function per JVM", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // Left behind in the cache; harmless, and the next start makes a new one.
        }
    }

}
