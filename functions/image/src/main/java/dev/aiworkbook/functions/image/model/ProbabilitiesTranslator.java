package dev.aiworkbook.functions.image.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.aiworkbook.functions.image.data.FashionMnist;
import java.nio.FloatBuffer;

/**
 * From a batch of preprocessed images (each 784 normalised values) to one row of ten
 * probabilities per image: the network's logits through a softmax.
 */
final class ProbabilitiesTranslator implements NoBatchifyTranslator<float[][], float[][]> {

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] images) {
        FloatBuffer all = FloatBuffer.allocate(images.length * FashionMnist.PIXELS);
        for (float[] image : images) all.put(image);
        all.flip();
        return new NDList(ctx.getNDManager().create(all,
                new Shape(images.length, 1, FashionMnist.SIDE, FashionMnist.SIDE)));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        NDArray probabilities = list.singletonOrThrow().softmax(1);
        int rows = (int) probabilities.getShape().get(0);
        float[] flat = probabilities.toFloatArray();
        float[][] out = new float[rows][FashionCnn.CLASSES];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * FashionCnn.CLASSES, out[r], 0, FashionCnn.CLASSES);
        }
        return out;
    }
}
