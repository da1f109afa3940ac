package dev.aiworkbook.functions.image.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiworkbook.functions.image.Pictures;
import dev.aiworkbook.functions.image.TestData;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

    private final ImagePreprocessor preprocessor = new ImagePreprocessor();

    @Test
    @DisplayName("a dataset image, as it is, gives exactly its normalised pixels")
    void datasetImageIsUnchanged() {
        int[] pixels = TestData.test().pixels(0);

        float[] input = preprocessor.toModelInput(Pictures.of(0, 1, false));

        for (int i = 0; i < 784; i++) {
            assertThat(input[i]).as("pixel %d", i).isEqualTo(Normalisation.normalise(pixels[i]));
        }
    }

    @Test
    @DisplayName("a dark-on-light picture four times larger is inverted and shrunk back exactly")
    void invertsAndShrinks() {
        float[] expected = preprocessor.toModelInput(Pictures.of(7, 1, false));

        float[] input = preprocessor.toModelInput(Pictures.of(7, 4, true));

        assertThat(input).containsExactly(expected, within(1e-5f));
    }

    @Test
    @DisplayName("a wide picture keeps its shape: 56×28 becomes 28×14 in rows 7 to 20")
    void keepsTheAspectRatio() {
        BufferedImage wide = new BufferedImage(56, 28, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 56; x++) wide.setRGB(x, y, 0x404040);
        }

        float[] input = preprocessor.toModelInput(wide);

        float black = Normalisation.normalise(0);
        float gray = Normalisation.normalise(0x40);
        assertThat(input[6 * 28 + 10]).as("row 6 is padding").isEqualTo(black);
        assertThat(input[7 * 28 + 10]).as("row 7 is picture").isCloseTo(gray, within(1e-5f));
        assertThat(input[20 * 28 + 10]).as("row 20 is picture").isCloseTo(gray, within(1e-5f));
        assertThat(input[21 * 28 + 10]).as("row 21 is padding").isEqualTo(black);
    }

    @Test
    @DisplayName("a transparent pixel counts as white, so a transparent background is inverted")
    void transparentIsWhite() {
        BufferedImage clear = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);

        float[] input = preprocessor.toModelInput(clear);

        assertThat(input[0]).isEqualTo(Normalisation.normalise(0));
    }
}
