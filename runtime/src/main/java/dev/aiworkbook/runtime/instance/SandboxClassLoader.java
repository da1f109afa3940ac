package dev.aiworkbook.runtime.instance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.util.List;

/**
 * One instance's class loader: it loads the function's own classes itself, child first, so
 * each instance runs its own static initialisers and holds its own static state.
 *
 * <p>The JDK and the contract between platform and handler (the Lambda interfaces and events,
 * Jackson's annotations, SLF4J) always come from the platform, so both sides see one
 * {@code Context} class. An isolated loader finds nothing else outside the function's code.
 */
final class SandboxClassLoader extends URLClassLoader {

    private static final List<String> SHARED = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.",
            "com.amazonaws.services.lambda.runtime.", "com.fasterxml.jackson.", "org.slf4j.",
            "org.joda.time.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader platform;
    private final boolean isolated;

    SandboxClassLoader(String name, List<URL> urls, ClassLoader platform, boolean isolated) {
        super(name, urls.toArray(URL[]::new), isolated ? getPlatformClassLoader() : platform);
        this.platform = platform;
        this.isolated = isolated;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) type = isShared(name) ? platform.loadClass(name) : childFirst(name);
            if (resolve) resolveClass(type);
            return type;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    /**
     * Reads a resource through a jar opened for this stream alone. {@code URLClassLoader}'s own
     * version reads from the JVM-wide cache of open jars and counts the cached jar as its own,
     * so its {@code close()} would close that jar under another instance of the same function
     * reading from it at that moment ("ZipFile closed"); a reclaimed instance must not break a
     * starting one.
     */
    @Override
    public InputStream getResourceAsStream(String name) {
        URL url = getResource(name);
        if (url == null) return null;
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            return connection.getInputStream();
        } catch (IOException e) {
            return null;
        }
    }

    private Class<?> childFirst(String name) throws ClassNotFoundException {
        try {
            return findClass(name);
        } catch (ClassNotFoundException notInFunction) {
            try {
                return getParent().loadClass(name);
            } catch (ClassNotFoundException notOutside) {
                String hint = isolated ? " (a deployment package sees only the JDK and the"
                        + " Lambda interfaces: put its libraries in the package or its lib/)" : "";
                throw new ClassNotFoundException(name + hint, notOutside);
            }
        }
    }

    private static boolean isShared(String name) {
        for (String prefix : SHARED) {
            if (name.startsWith(prefix)) return true;
        }
        return false;
    }
}
