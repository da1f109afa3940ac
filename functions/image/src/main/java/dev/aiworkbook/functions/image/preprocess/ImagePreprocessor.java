package dev.aiworkbook.functions.image.preprocess;

import dev.aiworkbook.functions.image.data.FashionMnist;
import java.awt.image.BufferedImage;

/**
 * The preprocessing of chapter 05, the same for every picture sent to the function, and the
 * reference answer of exercise ex05a.
 *
 * <ol>
 *   <li>Gray: each pixel's colour is laid over white by its alpha ({@code c' = (c·a + 255·(255
 *       − a) + 127) / 255}), then {@code gray = (299·r + 587·g + 114·b + 500) / 1000}.</li>
 *   <li>Invert if light on dark is not what it shows: Fashion-MNIST garments are light on
 *       black, photos are mostly dark on white. If the mean gray of the picture's outer ring
 *       of pixels is above 127.5, every gray becomes {@code 255 − gray}.</li>
 *   <li>Fit into 28 × 28, keeping the aspect ratio: the longer side becomes 28 pixels, the other
 *       {@code round(side × 28 / longer)} (at least 1), centred with the offset {@code (28 −
 *       side) / 2} rounded down, the rest black. Each target pixel is the mean of a box of
 *       source pixels: target column {@code x} of width {@code w'} covers source columns {@code
 *       x·w / w'} to {@code max(x·w / w' + 1, (x + 1)·w / w')}, exclusive, in integer division,
 *       and rows likewise.</li>
 *   <li>Normalise each mean, unrounded, as {@link Normalisation#normalise} does.</li>
 * </ol>
 *
 * <p>Example: a 56 × 28 white picture with a black bar is inverted (its ring is white), then
 * shrunk to 28 × 14, each target pixel the mean of a 2 × 2 box, and placed in rows 7 to 20.
 */
public final class ImagePreprocessor implements Preprocessor {

    private static final int SIDE = FashionMnist.SIDE;

    @Override
    public float[] toModelInput(BufferedImage image) {
        int[][] gray = gray(image);
        if (ringMean(gray) > 127.5) invert(gray);
        float[] fitted = fit(gray);
        float[] input = new float[fitted.length];
        for (int i = 0; i < input.length; i++) {
            input[i] = (fitted[i] / 255f - Normalisation.MEAN) / Normalisation.STD;
        }
        return input;
    }

    static int[][] gray(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[][] gray = new int[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                int a = argb >>> 24;
                int r = overWhite((argb >> 16) & 0xFF, a);
                int g = overWhite((argb >> 8) & 0xFF, a);
                int b = overWhite(argb & 0xFF, a);
                gray[y][x] = (299 * r + 587 * g + 114 * b + 500) / 1000;
            }
        }
        return gray;
    }

    private static int overWhite(int c, int alpha) {
        return (c * alpha + 255 * (255 - alpha) + 127) / 255;
    }

    static double ringMean(int[][] gray) {
        int h = gray.length;
        int w = gray[0].length;
        long sum = 0;
        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || y == h - 1 || x == 0 || x == w - 1) {
                    sum += gray[y][x];
                    count++;
                }
            }
        }
        return (double) sum / count;
    }

    private static void invert(int[][] gray) {
        for (int[] row : gray) {
            for (int x = 0; x < row.length; x++) row[x] = 255 - row[x];
        }
    }

    static float[] fit(int[][] gray) {
        int h = gray.length;
        int w = gray[0].length;
        int longer = Math.max(w, h);
        int fw = Math.max(1, (int) Math.round(w * (double) SIDE / longer));
        int fh = Math.max(1, (int) Math.round(h * (double) SIDE / longer));
        int ox = (SIDE - fw) / 2;
        int oy = (SIDE - fh) / 2;
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < fh; y++) {
            int sy0 = y * h / fh;
            int sy1 = Math.max(sy0 + 1, (y + 1) * h / fh);
            for (int x = 0; x < fw; x++) {
                int sx0 = x * w / fw;
                int sx1 = Math.max(sx0 + 1, (x + 1) * w / fw);
                long sum = 0;
                for (int sy = sy0; sy < sy1; sy++) {
                    for (int sx = sx0; sx < sx1; sx++) sum += gray[sy][sx];
                }
                out[(oy + y) * SIDE + ox + x] = (float) sum / ((sy1 - sy0) * (sx1 - sx0));
            }
        }
        return out;
    }
}
