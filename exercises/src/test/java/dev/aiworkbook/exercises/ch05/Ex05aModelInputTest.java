// Graded test of exercise ex05a: read-only. Change ModelInput, not this file.
package dev.aiworkbook.exercises.ch05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.data.Photos;
import dev.aiworkbook.functions.image.preprocess.ImagePreprocessor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades exercise ex05a of chapter 05, {@link ModelInput}; the tests run easiest first. */
@Tag("ex05a")
@DisplayName("ex05a: a picture becomes the model's 28x28 input")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex05aModelInputTest {

    private static final float BLACK = (0 - 0.2860f) / 0.3530f;
    private static final float WHITE = (1 - 0.2860f) / 0.3530f;

    @Test
    @Order(1)
    @DisplayName("a black 28x28 picture gives 784 values, all the normalised black")
    void blackStaysBlack() {
        float[] input = ModelInput.of(filled(28, 28, Color.BLACK));

        assertThat(input).hasSize(784);
        for (float v : input) {
            assertThat(v).isCloseTo(BLACK, within(1e-5f));
        }
    }

    @Test
    @Order(2)
    @DisplayName("a white picture is inverted by the ring rule: light on dark, so all black")
    void whiteIsInverted() {
        float[] input = ModelInput.of(filled(28, 28, Color.WHITE));

        assertThat(input[0]).isCloseTo(BLACK, within(1e-5f));
        assertThat(input[14 * 28 + 14]).isCloseTo(BLACK, within(1e-5f));
    }

    @Test
    @Order(3)
    @DisplayName("gray is (299 r + 587 g + 114 b + 500) / 1000: pure red is 76")
    void grayWeights() {
        BufferedImage image = filled(28, 28, Color.BLACK);
        image.setRGB(14, 14, 0xFFFF0000);

        float[] input = ModelInput.of(image);

        assertThat(input[14 * 28 + 14]).isCloseTo((76 / 255f - 0.2860f) / 0.3530f,
                within(1e-5f));
    }

    @Test
    @Order(4)
    @DisplayName("a transparent pixel is laid over white, so a see-through picture is white,"
            + " then inverted")
    void alphaOverWhite() {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(14, 14, 0xFF000000);

        float[] input = ModelInput.of(image);

        assertThat(input[0]).as("transparent corner").isCloseTo(BLACK, within(1e-5f));
        assertThat(input[14 * 28 + 14]).as("opaque black pixel, inverted")
                .isCloseTo(WHITE, within(1e-5f));
    }

    @Test
    @Order(5)
    @DisplayName("the worked example: 56x28 white with a black bar fits rows 7 to 20")
    void workedExample() {
        BufferedImage image = filled(56, 28, Color.WHITE);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(20, 10, 16, 8);
        g.dispose();

        float[] input = ModelInput.of(image);

        assertThat(input[6 * 28 + 14]).as("row 6, above the fitted picture")
                .isCloseTo(BLACK, within(1e-5f));
        assertThat(input[21 * 28 + 14]).as("row 21, below it").isCloseTo(BLACK, within(1e-5f));
        assertThat(input[(7 + 7) * 28 + 14]).as("the bar's middle, inverted to white")
                .isCloseTo(WHITE, within(1e-5f));
        assertThat(input[(7 + 2) * 28 + 14]).as("above the bar, inside the picture")
                .isCloseTo(BLACK, within(1e-5f));
    }

    @Test
    @Order(6)
    @DisplayName("a fitted pixel is the unrounded mean of its box: a 2x2 checkerboard is"
            + " half gray")
    void boxMeans() {
        BufferedImage image = filled(56, 56, Color.BLACK);
        for (int y = 1; y < 55; y++) {
            for (int x = 1; x < 55; x++) {
                if ((x + y) % 2 == 0) image.setRGB(x, y, 0xFFFFFFFF);
            }
        }

        float[] input = ModelInput.of(image);

        assertThat(input[10 * 28 + 10]).isCloseTo((127.5f / 255 - 0.2860f) / 0.3530f,
                within(1e-4f));
    }

    @Test
    @Order(7)
    @DisplayName("a tall dark gray picture keeps its aspect ratio: 28x56 becomes 14 columns,"
            + " 7 to 20")
    void tallPicture() {
        float[] input = ModelInput.of(filled(28, 56, new Color(100, 100, 100)));

        assertThat(input[14 * 28 + 6]).as("column 6").isCloseTo(BLACK, within(1e-5f));
        assertThat(input[14 * 28 + 7]).as("column 7").isCloseTo((100 / 255f - 0.2860f)
                / 0.3530f, within(1e-5f));
        assertThat(input[14 * 28 + 20]).as("column 20").isCloseTo((100 / 255f - 0.2860f)
                / 0.3530f, within(1e-5f));
        assertThat(input[14 * 28 + 21]).as("column 21").isCloseTo(BLACK, within(1e-5f));
    }

    @Test
    @Order(8)
    @DisplayName("photos of the test set and odd-sized random pictures match the function's"
            + " own preprocessing")
    void matchesTheFunction() throws IOException {
        FashionMnist test = FashionMnist.load(Path.of("..", "models", "fashion-mnist-cnn",
                "test-set"), FashionMnist.Split.TEST);
        ImagePreprocessor reference = new ImagePreprocessor();
        Random random = new Random(5);

        for (int i = 0; i < 20; i++) {
            BufferedImage photo = Photos.darkOnWhite(test, i, 1 + i % 5);
            assertThat(ModelInput.of(photo)).as("photo of test image " + i)
                    .containsExactly(reference.toModelInput(photo), within(1e-5f));
        }
        for (int i = 0; i < 10; i++) {
            BufferedImage noise = new BufferedImage(1 + random.nextInt(90),
                    1 + random.nextInt(90), BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < noise.getHeight(); y++) {
                for (int x = 0; x < noise.getWidth(); x++) {
                    noise.setRGB(x, y, random.nextInt());
                }
            }
            assertThat(ModelInput.of(noise)).as("random " + noise.getWidth() + "x"
                    + noise.getHeight()).containsExactly(reference.toModelInput(noise),
                    within(1e-5f));
        }
    }

    private static BufferedImage filled(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
