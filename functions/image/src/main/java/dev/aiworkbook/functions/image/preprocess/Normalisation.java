package dev.aiworkbook.functions.image.preprocess;

/**
 * How a pixel becomes a model input (chapter 05): scaled to 0..1, then centred and scaled by
 * the training set's own mean and standard deviation, so inputs are about 0 on average with
 * spread 1, which keeps the first layer's activations in a range where learning is quick.
 *
 * <p>Training and prediction share these two numbers: a model fed inputs normalised another
 * way sees a different picture than it learnt from.
 */
public final class Normalisation {

    /** Mean of the 47 million training pixels, on the 0..1 scale. */
    public static final float MEAN = 0.2860f;
    /** Their standard deviation. */
    public static final float STD = 0.3530f;

    private Normalisation() {
    }

    /**
     * @param pixel a gray level, 0 (black) to 255 (white)
     * @return the model's input for it: about -0.81 for black, 2.02 for white
     */
    public static float normalise(int pixel) {
        return (pixel / 255f - MEAN) / STD;
    }
}
