package dev.aiworkbook.functions.image.preprocess;

import java.awt.image.BufferedImage;

/**
 * Turns a picture into the model's input (chapter 05, exercise ex05a): 784 normalised values,
 * row by row, of a 28 × 28 gray image, light garment on a dark background.
 *
 * <p>A plain interface of the JDK's own types, so an implementation needs no DJL.
 */
@FunctionalInterface
public interface Preprocessor {

    /**
     * @param image any size, any colour model
     * @return 784 values, normalised as {@link Normalisation} says
     */
    float[] toModelInput(BufferedImage image);
}
