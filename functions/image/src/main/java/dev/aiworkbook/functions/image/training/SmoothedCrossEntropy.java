package dev.aiworkbook.functions.image.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy with label smoothing (chapter 05): the target of an image is
 * {@code 1 - smoothing} on its class plus {@code smoothing / 10} on every class. With 0.1, the
 * true class aims at 0.91 and each other class at 0.01, so the logits stop growing once the
 * training images are right; DJL's own loss has no smoothing.
 */
final class SmoothedCrossEntropy extends Loss {

    private final float smoothing;

    SmoothedCrossEntropy(float smoothing) {
        super("SmoothedCrossEntropy");
        this.smoothing = smoothing;
    }

    /**
     * @param labels one array of class indices, shape (N)
     * @param predictions one array of logits, shape (N, classes)
     * @return the mean loss over the batch, a scalar
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logProbabilities = predictions.singletonOrThrow().logSoftmax(1);
        int classes = (int) logProbabilities.getShape().get(1);
        NDArray target = labels.singletonOrThrow().toType(DataType.INT64, false).oneHot(classes)
                .mul(1 - smoothing).add(smoothing / classes);
        return logProbabilities.mul(target).sum(new int[] {1}).neg().mean();
    }
}
