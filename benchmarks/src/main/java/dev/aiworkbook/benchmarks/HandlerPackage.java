package dev.aiworkbook.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Writes a deployment package: a jar that holds one handler class and nothing else. */
final class HandlerPackage {

    private HandlerPackage() {
    }

    /**
     * Packs a handler class, read from the classpath, into a new jar.
     *
     * @param handler a top-level class with no nested classes
     * @param folder where to write the jar
     * @return the jar's path
     * @throws IOException if the class cannot be read or the jar written
     */
    static Path write(Class<?> handler, Path folder) throws IOException {
        String entry = handler.getName().replace('.', '/') + ".class";
        Path jar = folder.resolve(handler.getSimpleName().toLowerCase() + ".jar");
        try (InputStream in = handler.getClassLoader().getResourceAsStream(entry);
                OutputStream out = Files.newOutputStream(jar);
                JarOutputStream packed = new JarOutputStream(out)) {
            if (in == null) throw new IOException("class file not found: " + entry);
            packed.putNextEntry(new JarEntry(entry));
            in.transferTo(packed);
            packed.closeEntry();
        }
        return jar;
    }
}
