package dev.aiworkbook.functions.image.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.functions.image.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("the committed test set holds 10,000 28×28 images with labels 0..9, 1,000 each")
    void readsTheCommittedTestSet() {
        FashionMnist test = TestData.test();

        assertThat(test.count()).isEqualTo(10_000);
        int[] perClass = new int[10];
        for (int i = 0; i < test.count(); i++) perClass[test.label(i)]++;
        assertThat(perClass).containsOnly(1_000);
        assertThat(test.label(0)).as("the first test image is an ankle boot").isEqualTo(9);
    }

    @Test
    @DisplayName("a file with a wrong magic number is refused, naming the file and offset 0")
    void refusesAWrongMagicNumber() throws IOException {
        Path file = folder.resolve("bad-idx1-ubyte");
        Files.write(file, new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 1, 5});

        assertThatThrownBy(() -> IdxFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("offset 0")
                .hasMessageContaining("0x00000d01");
    }

    @Test
    @DisplayName("a file shorter than its header announces is refused, saying how much was due")
    void refusesATruncatedFile() throws IOException {
        Path file = folder.resolve("short-idx1-ubyte");
        Files.write(file, new byte[] {0, 0, 8, 1, 0, 0, 0, 10, 1, 2, 3});

        assertThatThrownBy(() -> IdxFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("ends early")
                .hasMessageContaining("10 bytes of data after offset 8");
    }

    @Test
    @DisplayName("a .gz file that is not gzip is refused by name")
    void refusesAFakeGzip() throws IOException {
        Path file = folder.resolve("t10k-labels-idx1-ubyte.gz");
        Files.writeString(file, "not gzip at all");

        assertThatThrownBy(() -> IdxFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("gzip");
    }

    @Test
    @DisplayName("a missing dataset file names the file and how to get the dataset")
    void missingDatasetSaysHowToGetIt() {
        assertThatThrownBy(() -> FashionMnist.load(folder, FashionMnist.Split.TRAIN))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz")
                .hasMessageContaining("dataset-fashion-mnist");
    }

    @Test
    @DisplayName("a label outside 0..9 is refused with its offset")
    void refusesABadLabel() {
        Path file = folder.resolve("labels");
        IdxFile images = new IdxFile(folder.resolve("images"), new int[] {1, 28, 28},
                new byte[784]);
        IdxFile labels = new IdxFile(file, new int[] {1}, new byte[] {12});

        assertThatThrownBy(() -> FashionMnist.of(images, labels)).isInstanceOf(IOException.class)
                .hasMessageContaining("offset 8").hasMessageContaining("was: 12");
    }
}
