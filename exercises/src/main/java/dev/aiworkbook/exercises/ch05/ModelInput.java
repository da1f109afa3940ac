// Exercise ex05a. You edit this file: replace each `throw` with your answer, keeping the
// signatures, then run `scripts/grade 05`. The graded tests are read-only.
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

    private ModelInput() {
    }

    /**
     * Preprocesses one picture for the Fashion-MNIST model.
     *
     * @param image a picture of any size and colour model, such as {@code TYPE_INT_ARGB}
     * @return 784 normalised values, row by row, of the 28 × 28 gray picture
     */
    public static float[] of(BufferedImage image) {
        throw new UnsupportedOperationException("ex05a: implement ModelInput.of");
    }
}
