package dev.aiworkbook.runtime.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a function's classes come from: a deployment package (a jar, or a folder of classes,
 * with an optional {@code lib/} of jars beside it) or the classpath the platform runs on.
 *
 * <p>Each instance loads this code again in a class loader of its own, so a handler's static
 * state lives and dies with its instance. A package is isolated: it sees the JDK and the
 * Lambda interfaces, nothing else of the platform. Code from the classpath may also use the
 * libraries on that classpath, which its instances then share (see chapter 02).
 */
public final class FunctionCode {

    private final List<URL> urls;
    private final ClassLoader parent;
    private final boolean isolated;
    private final String description;

    private FunctionCode(List<URL> urls, ClassLoader parent, boolean isolated,
            String description) {
        this.urls = List.copyOf(urls);
        this.parent = parent;
        this.isolated = isolated;
        this.description = description;
    }

    /**
     * A deployment package: a jar, or a folder of classes, plus the jars in a {@code lib/}
     * folder beside it or inside the folder, as in a Lambda zip.
     *
     * @param location the jar file or classes folder
     * @return the code, isolated from the platform's own classes
     * @throws IllegalArgumentException if {@code location} does not exist
     */
    public static FunctionCode ofPackage(Path location) {
        if (!Files.exists(location)) {
            throw new IllegalArgumentException("package must be an existing jar or folder, was: \""
                    + location + "\"; build it first (mvn package) or fix the path");
        }
        List<URL> urls = new ArrayList<>();
        urls.add(toUrl(location));
        Path lib = Files.isDirectory(location) ? location.resolve("lib")
                : location.toAbsolutePath().getParent().resolve("lib");
        urls.addAll(jarsIn(lib));
        return new FunctionCode(urls, FunctionCode.class.getClassLoader(), true,
                location.getFileName().toString());
    }

    /**
     * Code already on the classpath: the folder or jar that holds {@code handlerClass}.
     *
     * @param handlerClass the handler, or any class stored beside it
     * @return the code; its instances reload that folder or jar, and share other libraries
     */
    public static FunctionCode ofClasspath(Class<?> handlerClass) {
        URL root = handlerClass.getProtectionDomain().getCodeSource().getLocation();
        return new FunctionCode(List.of(root), handlerClass.getClassLoader(), false,
                "classpath:" + handlerClass.getName());
    }

    /**
     * Code on the classpath, found by class name: the folder or jar that holds the class.
     *
     * @param className the handler class, such as {@code com.example.Hello}
     * @param loader the class loader to search
     * @return the code
     * @throws IllegalArgumentException if no such class is on the classpath
     */
    public static FunctionCode ofClasspath(String className, ClassLoader loader) {
        String resource = className.replace('.', '/') + ".class";
        URL found = loader.getResource(resource);
        if (found == null) {
            throw new IllegalArgumentException("handler class \"" + className
                    + "\" is not on the classpath; deploy its package instead, or add it");
        }
        return new FunctionCode(List.of(rootOf(found, resource)), loader, false,
                "classpath:" + className);
    }

    public List<URL> urls() {
        return urls;
    }

    /** @return where classes not in the code are looked up */
    public ClassLoader parent() {
        return parent;
    }

    /** @return true if the code sees only the JDK and the Lambda interfaces */
    public boolean isIsolated() {
        return isolated;
    }

    @Override
    public String toString() {
        return description;
    }

    private static URL rootOf(URL classUrl, String resource) {
        String text = classUrl.toString();
        try {
            if (text.startsWith("jar:")) {
                return new URL(text.substring(4, text.indexOf("!/")));
            }
            return new URL(text.substring(0, text.length() - resource.length()));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot find the root of " + text, e);
        }
    }

    private static List<URL> jarsIn(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted()
                    .map(FunctionCode::toUrl).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable path: " + path, e);
        }
    }

    static Path pathOf(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a file URL: " + url, e);
        }
    }
}
