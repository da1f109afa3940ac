package dev.aiworkbook.functions.image;

import dev.aiworkbook.functions.image.data.FashionMnist;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Test pictures made from test-set images, as a user's photo would look. */
public final class Pictures {

    private Pictures() {
    }

    /**
     * @param index a test image
     * @param scale how many pixels each dataset pixel becomes, per side
     * @param darkOnLight whether to invert it, as a photo on white paper would be
     * @return the picture
     */
    public static BufferedImage of(int index, int scale, boolean darkOnLight) {
        int[] pixels = TestData.test().pixels(index);
        int side = FashionMnist.SIDE * scale;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int gray = pixels[(y / scale) * FashionMnist.SIDE + x / scale];
                if (darkOnLight) gray = 255 - gray;
                image.setRGB(x, y, (gray << 16) | (gray << 8) | gray);
            }
        }
        return image;
    }

    /**
     * @param image a picture
     * @param format "png", "jpg", "gif" or "bmp"
     * @return its file's bytes
     */
    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) throw new IOException("no writer: " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
