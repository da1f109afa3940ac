package dev.aiworkbook.exercises.ch05;

import java.awt.image.BufferedImage;

/**
 * Chapter 05, exercise ex05a: a picture becomes the model's input, 784 normalised values.
 *
 * <p>The model learnt from 28 × 28 gray images of light garments on black. A photo is larger,
 * in colour and mostly dark on white, so every picture goes through four steps:
 * <ol>
 *   <li><b>Gray.</b> Lay each pixel over white by its alpha {@code a} (0..255), channel by
 *       channel: {@code c' = (c·a + 255·(255 − a) + 127) / 255}; then {@code gray = (299·r +
 *       587·g + 114·b + 500) / 1000}. Integer division throughout.</li>
 *   <li><b>Invert rule.</b> If the mean gray of the picture's outer ring of pixels (first and
 *       last row, first and last column, each pixel counted once) is above 127.5, every gray
 *       becomes {@code 255 − gray}.</li>
 *   <li><b>Fit</b> into 28 × 28, keeping the aspect ratio. The longer side becomes 28, the
 *       other {@code round(side × 28 / longer)} ({@code Math.round} of the double, at least 1).
 *       The fitted picture sits at offset {@code (28 − fittedSide) / 2} (integer division) on
 *       each axis; the rest is black (0). Target column {@code x} of {@code fw} covers source
 *       columns {@code x·w / fw} up to {@code max(x·w / fw + 1, (x + 1)·w / fw)}, exclusive,
 *       in integer division, and rows likewise; its value is the mean gray of that box, a
 *       fraction, not rounded.</li>
 *   <li><b>Normalise</b> each of the 784 values {@code v}: {@code (v / 255 − MEAN) / STD}, in
 *       {@code float}.</li>
 * </ol>
 *
 * <p>Worked example: a 56 × 28 (wide × high) white picture with a black bar in the middle.
 * Its ring is white (mean 255 &gt; 127.5), so it is inverted: a white bar on black. Fitted,
 * it is 28 × 14, each target pixel the mean of a 2 × 2 box, placed in rows 7 to 20; rows 0
 * to 6 and 21 to 27 are black, which normalises to {@code (0 − 0.2860) / 0.3530 ≈ −0.8102}.
 *
 * <p>The result is laid out row by row: value {@code y·28 + x} is row {@code y}, column
 * {@code x}. No argument is ever null, and every picture has at least one pixel.
 */
public final class ModelInput {

    /** The training set's mean gray, as a fraction of 255. */
    public static final float MEAN = 0.2860f;

    /** The training set's standard deviation of gray, as a fraction of 255. */
    public static final float STD = 0.3530f;

    private static final int SIDE = 28;

    private ModelInput() {
    }

    /**
     * Preprocesses one picture for the Fashion-MNIST model.
     *
     * @param image a picture of any size and colour model, such as {@code TYPE_INT_ARGB}
     * @return 784 normalised values, row by row, of the 28 × 28 gray picture
     */
    public static float[] of(BufferedImage image) {
        int[][] gray = gray(image);
        if (ringMean(gray) > 127.5) invert(gray);
        float[] fitted = fit(gray);
        float[] input = new float[fitted.length];
        for (int i = 0; i < input.length; i++) {
            input[i] = (fitted[i] / 255f - MEAN) / STD;
        }
        return input;
    }

    private static int[][] gray(BufferedImage image) {
        int[][] gray = new int[image.getHeight()][image.getWidth()];
        for (int y = 0; y < gray.length; y++) {
            for (int x = 0; x < gray[y].length; x++) {
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

    private static double ringMean(int[][] gray) {
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
            for (int x = 0; x < row.length; x++) {
                row[x] = 255 - row[x];
            }
        }
    }

    private static float[] fit(int[][] gray) {
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
                    for (int sx = sx0; sx < sx1; sx++) {
                        sum += gray[sy][sx];
                    }
                }
                out[(oy + y) * SIDE + ox + x] = (float) sum / ((sy1 - sy0) * (sx1 - sx0));
            }
        }
        return out;
    }
}
