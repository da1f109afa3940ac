package dev.aiworkbook.functions.image.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.functions.image.preprocess.ImageDecoder;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegionOfInterestTest {

    private static BufferedImage floorWith(int x, int y, int w, int h) {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int py = 0; py < 120; py++) {
            for (int px = 0; px < 160; px++) {
                boolean inside = px >= x && px < x + w && py >= y && py < y + h;
                image.setRGB(px, py, (inside ? 200 : 20) * 0x010101);
            }
        }
        return image;
    }

    @Test
    @DisplayName("the crop is the square around the bright object, with a 2 px margin")
    void cropIsTheSquareAroundTheObject() {
        // An object 30 wide and 50 tall at (100, 40): its box is 54 px square around (114, 64).
        int[] box = RegionOfInterest.box(floorWith(100, 40, 30, 50));

        assertThat(box).containsExactly(114 - 27, 64 - 27, 54, 54);
    }

    @Test
    @DisplayName("the crop stays inside the frame")
    void cropStaysInsideTheFrame() {
        int[] box = RegionOfInterest.box(floorWith(150, 100, 10, 20));

        assertThat(box[0] + box[2]).isLessThanOrEqualTo(160);
        assertThat(box[1] + box[3]).isLessThanOrEqualTo(120);
        assertThat(box[2]).isEqualTo(box[3]);
    }

    @Test
    @DisplayName("a frame where nothing stands out is sent whole")
    void emptyFloorIsSentWhole() {
        assertThat(RegionOfInterest.box(floorWith(0, 0, 0, 0))).containsExactly(0, 0, 160, 120);
    }

    @Test
    @DisplayName("cropped frames keep their index and label, and the floor becomes black")
    void croppedFramesKeepTheirLabel() {
        SyntheticCamera camera = SyntheticCamera.of(dev.aiworkbook.functions.image.TestData
                .test(), 160, 120, 10, 5, 2, "png");

        Frame cropped = RegionOfInterest.of(camera).frame(3);

        assertThat(cropped.index()).isEqualTo(3);
        assertThat(cropped.label()).isEqualTo(camera.frame(3).label());
        BufferedImage picture = ImageDecoder.decode(cropped.bytes());
        assertThat(picture.getWidth()).isEqualTo(picture.getHeight()).isLessThan(120);
        assertThat(picture.getRGB(0, 0) & 0xFF).isZero();
    }
}
