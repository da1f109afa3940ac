package dev.aiworkbook.functions.image.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.functions.image.TestData;
import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.preprocess.Normalisation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommittedModelTest {

    private static FashionClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = FashionClassifier.load(TestData.MODEL);
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    @DisplayName("the committed model scores on the 10,000 test images what its manifest says")
    void accuracyMatchesTheManifest() {
        FashionMnist test = TestData.test();
        float[][] batch = new float[test.count()][];
        for (int i = 0; i < test.count(); i++) {
            int[] pixels = test.pixels(i);
            batch[i] = new float[784];
            for (int p = 0; p < 784; p++) batch[i][p] = Normalisation.normalise(pixels[p]);
        }

        float[][] probabilities = classifier.probabilities(batch);

        int correct = 0;
        for (int i = 0; i < test.count(); i++) {
            if (FashionClassifier.likeliest(probabilities[i], 1).get(0).index() == test.label(i)) {
                correct++;
            }
        }
        double accuracy = correct / 10_000.0;
        assertThat(accuracy).isGreaterThanOrEqualTo(classifier.manifest().testAccuracy() - 0.002);
        assertThat(accuracy).as("the chapter's goal").isGreaterThanOrEqualTo(0.91);
    }

    @Test
    @DisplayName("the parameters file is under 1 MB and matches the manifest's size")
    void paramsAreSmall() throws IOException {
        Path params = TestData.MODEL.resolve(classifier.manifest().file());

        assertThat(Files.size(params)).isEqualTo(classifier.manifest().sizeBytes())
                .isLessThan(1_000_000);
    }

    @Test
    @DisplayName("a missing parameters file is refused by name, saying how to get it")
    void missingFileIsNamed(@TempDir Path folder) throws IOException {
        Files.copy(TestData.MODEL.resolve(ModelManifest.FILE), folder.resolve(ModelManifest.FILE));

        assertThatThrownBy(() -> FashionClassifier.load(folder))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("model file not found")
                .hasMessageContaining(classifier.manifest().file())
                .hasMessageContaining("git checkout");
    }

    @Test
    @DisplayName("a damaged parameters file fails the sha256 check before DJL reads it")
    void damagedFileFailsTheChecksum(@TempDir Path folder) throws IOException {
        String file = classifier.manifest().file();
        Files.copy(TestData.MODEL.resolve(ModelManifest.FILE), folder.resolve(ModelManifest.FILE));
        byte[] bytes = Files.readAllBytes(TestData.MODEL.resolve(file));
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(folder.resolve(file), bytes);

        assertThatThrownBy(() -> FashionClassifier.load(folder))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining(file).hasMessageContaining("sha256")
                .hasMessageContaining(classifier.manifest().sha256());
    }

    @Test
    @DisplayName("a missing manifest is refused by name")
    void missingManifest(@TempDir Path folder) {
        assertThatThrownBy(() -> FashionClassifier.load(folder))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining(folder.resolve("manifest.json").toString());
    }

    @Test
    @DisplayName("a later epoch's file beside the model is not loaded: the manifest's file is")
    void loadsTheManifestsFileNotTheLatestEpoch(@TempDir Path folder) throws IOException {
        String file = classifier.manifest().file();
        Files.copy(TestData.MODEL.resolve(ModelManifest.FILE), folder.resolve(ModelManifest.FILE));
        Files.copy(TestData.MODEL.resolve(file), folder.resolve(file));
        // Say, a run trained further and not yet checked: DJL alone would pick epoch 9999.
        Files.write(folder.resolve(FashionCnn.NAME + "-9999.params"), new byte[] {1, 2, 3});

        try (FashionClassifier beside = FashionClassifier.load(folder)) {
            float[] image = TestData.test().inputs(0, 1)[0];
            assertThat(beside.probabilities(new float[][] {image}))
                    .isDeepEqualTo(classifier.probabilities(new float[][] {image}));
        }
    }

    @Test
    @DisplayName("a manifest whose file is not named NAME-NNNN.params is refused, saying so")
    void fileWithoutAnEpochIsRefused(@TempDir Path folder) throws IOException {
        String manifest = Files.readString(TestData.MODEL.resolve(ModelManifest.FILE))
                .replace(classifier.manifest().file(), "weights.params");
        Files.writeString(folder.resolve(ModelManifest.FILE), manifest);

        assertThatThrownBy(() -> ModelManifest.read(folder).epoch())
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("fashion-mnist-cnn-NNNN.params")
                .hasMessageContaining("\"weights.params\"");
    }
}
