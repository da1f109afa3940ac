package dev.aiworkbook.runtime.testfunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Builds a deployment jar from compiled test classes, as {@code mvn package} would. */
public final class TestJars {

    private TestJars() {
    }

    /**
     * Writes a jar holding the given classes and their nested classes.
     *
     * @param jar where to write it
     * @param classes the classes to put in it
     * @return the jar's path
     * @throws IOException if a class file cannot be read or the jar written
     */
    public static Path build(Path jar, Class<?>... classes) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : classes) {
                for (Path classFile : classFiles(type)) add(out, type, classFile);
            }
        }
        return jar;
    }

    private static List<Path> classFiles(Class<?> type) throws IOException {
        Path root = root(type);
        Path own = root.resolve(type.getName().replace('.', '/') + ".class");
        String nested = type.getSimpleName() + "$";
        try (Stream<Path> siblings = Files.list(own.getParent())) {
            return Stream.concat(Stream.of(own), siblings.filter(p ->
                    p.getFileName().toString().startsWith(nested))).toList();
        }
    }

    private static void add(JarOutputStream out, Class<?> type, Path classFile)
            throws IOException {
        String entry = root(type).relativize(classFile).toString().replace('\\', '/');
        out.putNextEntry(new JarEntry(entry));
        try (InputStream in = Files.newInputStream(classFile)) {
            in.transferTo(out);
        }
        out.closeEntry();
    }

    private static Path root(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type, e);
        }
    }
}
