package dev.aiworkbook.functions.image.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Fashion-MNIST images drawn as a phone photo of a garment would be (chapter 05): larger, and
 * dark on a white background, the opposite of the dataset's light-on-black. The chapter posts
 * them to the prediction function; the benchmarks and graders use them too.
 */
public final class Photos {

    private Photos() {
    }

    /**
     * @param set the images
     * @param index which image, 0-based
     * @param scale how many photo pixels per image pixel, 1..64
     * @return an RGB image {@code 28 * scale} pixels square, dark garment on white
     * @throws IllegalArgumentException if scale is out of range
     */
    public static BufferedImage darkOnWhite(FashionMnist set, int index, int scale) {
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("scale must be 1..64, was: " + scale);
        }
        int[] pixels = set.pixels(index);
        int side = FashionMnist.SIDE * scale;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int gray = 255 - pixels[(y / scale) * FashionMnist.SIDE + x / scale];
                image.setRGB(x, y, gray * 0x010101);
            }
        }
        return image;
    }

    /**
     * @param set the images
     * @param index which image, 0-based
     * @return {@link #darkOnWhite} at scale 4 (112x112), as PNG bytes
     */
    public static byte[] png(FashionMnist set, int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(darkOnWhite(set, index, 4), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed in memory", e);
        }
        return out.toByteArray();
    }
}
