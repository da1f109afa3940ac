package dev.aiworkbook.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxClassLoaderTest {

    private static final String RESOURCE = "native/lib/big.bin";

    @Test
    @DisplayName("closing one instance's loader does not close the jar another is reading")
    void closingOneLoaderLeavesAnothersStreamOpen(@TempDir Path folder) throws IOException {
        byte[] content = new byte[4 << 20];
        new Random(7).nextBytes(content);
        Path jar = jarWith(folder.resolve("function.jar"), content);
        SandboxClassLoader reclaimed = loaderOf(jar, "reclaimed");
        SandboxClassLoader starting = loaderOf(jar, "starting");

        try (InputStream earlier = reclaimed.getResourceAsStream(RESOURCE)) {
            assertThat(earlier.read()).isEqualTo(content[0] & 0xFF);
        }
        try (InputStream reading = starting.getResourceAsStream(RESOURCE)) {
            byte[] first = reading.readNBytes(1024);
            reclaimed.close(); // the first instance is reclaimed meanwhile
            byte[] rest = reading.readAllBytes();

            assertThat(first.length + rest.length).isEqualTo(content.length);
            assertThat(rest[rest.length - 1]).isEqualTo(content[content.length - 1]);
        } finally {
            starting.close();
        }
    }

    @Test
    @DisplayName("a resource that is not there is null, as for any class loader")
    void missingResourceIsNull(@TempDir Path folder) throws IOException {
        try (SandboxClassLoader loader = loaderOf(jarWith(folder.resolve("f.jar"), new byte[1]),
                "f")) {
            assertThat(loader.getResourceAsStream("no/such/file")).isNull();
        }
    }

    private static SandboxClassLoader loaderOf(Path jar, String name) throws IOException {
        return new SandboxClassLoader(name, List.of(jar.toUri().toURL()),
                SandboxClassLoaderTest.class.getClassLoader(), true);
    }

    private static Path jarWith(Path jar, byte[] content) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(RESOURCE));
            out.write(content);
            out.closeEntry();
        }
        return jar;
    }
}
