package dev.aiworkbook.functions.image.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.functions.image.TestData;
import dev.aiworkbook.functions.image.model.FashionClassifier;
import dev.aiworkbook.functions.image.preprocess.ImageDecoder;
import dev.aiworkbook.functions.image.preprocess.ImagePreprocessor;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SyntheticCameraTest {

    private static SyntheticCamera camera(long seed, String format) {
        return SyntheticCamera.of(TestData.test(), 160, 120, 100, 25, seed, format);
    }

    @Test
    @DisplayName("a frame is a JPEG of the asked size, with the test item's label")
    void frameIsAnEncodedPictureWithItsLabel() {
        SyntheticCamera camera = camera(1, "jpg");

        Frame frame = camera.frame(30);

        assertThat(frame.format()).isEqualTo("JPEG");
        assertThat(ImageDecoder.formatOf(frame.bytes())).isEqualTo("JPEG");
        BufferedImage decoded = ImageDecoder.decode(frame.bytes());
        assertThat(decoded.getWidth()).isEqualTo(160);
        assertThat(decoded.getHeight()).isEqualTo(120);
        assertThat(frame.label()).isEqualTo(TestData.test().label(camera.itemOf(1)));
        assertThat(frame.labelName()).isPresent();
    }

    @Test
    @DisplayName("the same seed gives the same bytes; another seed other garments")
    void deterministicForASeed() {
        assertThat(camera(7, "png").frame(42).bytes()).isEqualTo(camera(7, "png").frame(42)
                .bytes());
        assertThat(camera(7, "png").frame(42).bytes()).isNotEqualTo(camera(8, "png").frame(42)
                .bytes());
        assertThat(camera(7, "png").itemOf(0)).isNotEqualTo(camera(8, "png").itemOf(0));
    }

    @Test
    @DisplayName("one garment per scene, moving across and back; the noise changes per frame")
    void garmentMovesAcrossTheFrame() {
        SyntheticCamera camera = camera(3, "png");
        int side = 108;

        int[] first = camera.position(0, side);
        int[] last = camera.position(24, side);
        int[] nextSceneFirst = camera.position(25, side);

        assertThat(first[0]).isZero();
        assertThat(last[0]).isEqualTo(160 - side);
        assertThat(nextSceneFirst[0]).as("odd scenes run right to left").isEqualTo(160 - side);
        assertThat(camera.frame(0).label()).isEqualTo(camera.frame(24).label());
        BufferedImage a = camera.render(10, 0);
        BufferedImage b = camera.render(11, 0);
        assertThat(a.getRGB(150, 2)).as("floor noise differs between frames")
                .isNotEqualTo(b.getRGB(150, 2));
    }

    @Test
    @DisplayName("the floor stays dark, so the preprocessing does not invert the frame")
    void floorStaysDark() {
        BufferedImage frame = camera(5, "png").render(0, 0);
        long sum = 0;
        for (int x = 0; x < 160; x++) sum += frame.getRGB(x, 0) & 0xFF;

        assertThat(sum / 160.0).isLessThan(40);
    }

    @Test
    @DisplayName("whole frames defeat the model; cut to the region of interest, it recognises them")
    void modelRecognisesTheCroppedStream() {
        SyntheticCamera camera = SyntheticCamera.of(TestData.test(), 160, 120, 120, 2, 11,
                "jpeg");

        double whole;
        double cropped;
        try (FashionClassifier model = FashionClassifier.load(TestData.MODEL)) {
            whole = accuracy(model, camera);
            cropped = accuracy(model, RegionOfInterest.of(camera));
        }

        // 60 garments seen twice each; the test set alone gives 0.917.
        System.out.printf("accuracy on the generated stream: whole %.3f, cropped %.3f%n",
                whole, cropped);
        assertThat(whole).isLessThan(0.5);
        assertThat(cropped).isGreaterThan(0.7);
    }

    private static double accuracy(FashionClassifier model, FrameSource frames) {
        ImagePreprocessor preprocessor = new ImagePreprocessor();
        int right = 0;
        for (int i = 0; i < frames.frames(); i++) {
            Frame frame = frames.frame(i);
            float[] input = preprocessor.toModelInput(ImageDecoder.decode(frame.bytes()));
            if (model.topK(input, 1).get(0).index() == frame.label()) right++;
        }
        return (double) right / frames.frames();
    }

    @Test
    @DisplayName("bad sizes, counts and formats are refused, naming the argument")
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> SyntheticCamera.of(TestData.test(), 100, 120, 10, 5, 1, "png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width")
                .hasMessageContaining("100");
        assertThatThrownBy(() -> SyntheticCamera.of(TestData.test(), 160, 120, 0, 5, 1, "png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frames");
        assertThatThrownBy(() -> SyntheticCamera.of(TestData.test(), 160, 120, 10, 5, 1, "gif"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"gif\"")
                .hasMessageContaining("PNG");
        assertThatThrownBy(() -> camera(1, "png").frame(100))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("0..99");
    }
}
