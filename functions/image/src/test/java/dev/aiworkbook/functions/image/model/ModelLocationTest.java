package dev.aiworkbook.functions.image.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.functions.image.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged model, found in a jar as the chapter scripts and benchmarks find it. */
class ModelLocationTest {

    @Test
    @DisplayName("a model loaded out of a jar leaves no temporary copy behind")
    void loadingFromAJarDeletesTheCopy(@TempDir Path folder) throws IOException {
        Path jar = jarWithTheModel(folder.resolve("functions-image.jar"));
        Set<String> before = temporaryCopies();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                FashionClassifier classifier = ModelLocation.load(loader)) {
            assertThat(classifier.manifest().sha256())
                    .isEqualTo(ModelManifest.read(TestData.MODEL).sha256());
        }

        assertThat(temporaryCopies()).as("temporary copies of the model")
                .containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    @DisplayName("a model in a folder on the classpath is used where it is, not copied")
    void folderOnTheClasspathIsUsedInPlace() throws IOException {
        Path classes = TestData.MODEL.getParent().getParent();
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(ModelLocation.resolve(loader)).isEqualTo(TestData.MODEL.toAbsolutePath());
        }
    }

    private static Path jarWithTheModel(Path jar) throws IOException {
        ModelManifest manifest = ModelManifest.read(TestData.MODEL);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream entries = new JarOutputStream(out)) {
            for (String name : new String[] {ModelManifest.FILE, manifest.file()}) {
                entries.putNextEntry(new JarEntry(ModelLocation.RESOURCE + name));
                Files.copy(TestData.MODEL.resolve(name), entries);
                entries.closeEntry();
            }
        }
        return jar;
    }

    private static Set<String> temporaryCopies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(FashionCnn.NAME)).collect(Collectors.toSet());
        }
    }
}
