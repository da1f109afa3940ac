package dev.aiworkbook.functions.image.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.functions.image.Pictures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("frames come in file-name order, other files are skipped")
    void framesInNameOrder() throws Exception {
        Files.write(folder.resolve("frame-0002.jpg"), Pictures.encode(Pictures.of(1, 2, false),
                "jpg"));
        Files.write(folder.resolve("frame-0001.PNG"), Pictures.encode(Pictures.of(0, 2, false),
                "png"));
        Files.writeString(folder.resolve("notes.txt"), "not a frame");

        ImageFolder frames = ImageFolder.open(folder);

        assertThat(frames.frames()).isEqualTo(2);
        assertThat(frames.frame(0).name()).isEqualTo("frame-0001.PNG");
        assertThat(frames.frame(0).format()).isEqualTo("PNG");
        assertThat(frames.frame(1).format()).isEqualTo("JPEG");
        assertThat(frames.frame(1).bytes()).isEqualTo(Files.readAllBytes(
                folder.resolve("frame-0002.jpg")));
        assertThat(frames.describe()).contains("2 frames").contains("1 other entries skipped");
    }

    @Test
    @DisplayName("a class name in the file name is the frame's label")
    void labelsFromNames() {
        assertThat(ImageFolder.labelOf("0007_ankle-boot.png")).isEqualTo(9);
        assertThat(ImageFolder.labelOf("12-t-shirt.jpg")).isZero();
        assertThat(ImageFolder.labelOf("shirt 3.jpeg")).isEqualTo(6);
        assertThat(ImageFolder.labelOf("Sneaker.PNG")).isEqualTo(7);
        assertThat(ImageFolder.labelOf("frame-0001.jpg")).isEqualTo(-1);
        assertThat(ImageFolder.labelOf("bags.jpg")).as("whole words only").isEqualTo(-1);
    }

    @Test
    @DisplayName("an empty folder is refused, naming it and the accepted files")
    void emptyFolderIsRefused() throws Exception {
        Files.writeString(folder.resolve("readme.md"), "no frames here");

        assertThatThrownBy(() -> ImageFolder.open(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(folder.toString()).hasMessageContaining("*.png, *.jpg");
    }

    @Test
    @DisplayName("a missing folder is refused, naming it")
    void missingFolderIsRefused() {
        Path missing = folder.resolve("nope");

        assertThatThrownBy(() -> ImageFolder.open(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    @DisplayName("a file that is not what its name says is refused by name, before streaming")
    void mislabelledFileIsRefused() throws Exception {
        Files.write(folder.resolve("a.png"), Pictures.encode(Pictures.of(0, 1, false), "png"));
        Files.write(folder.resolve("b.jpg"), Pictures.encode(Pictures.of(0, 1, false), "gif"));
        Files.write(folder.resolve("c.png"), new byte[0]);

        assertThatThrownBy(() -> ImageFolder.open(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b.jpg").hasMessageContaining("GIF");
        Files.delete(folder.resolve("b.jpg"));
        assertThatThrownBy(() -> ImageFolder.open(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c.png").hasMessageContaining("empty file");
    }
}
