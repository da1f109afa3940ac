package dev.aiworkbook.functions.image.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.aiworkbook.functions.image.data.FashionMnist;

/** Test accuracy of a network on a dataset, in inference mode (no dropout, tracked statistics). */
final class Evaluation {

    private Evaluation() {
    }

    static double accuracy(Block block, NDManager manager, FashionMnist data, int batchSize) {
        ParameterStore parameters = new ParameterStore(manager, false);
        float[] inputs = new float[batchSize * FashionMnist.PIXELS];
        long correct = 0;
        for (int from = 0; from < data.count(); from += batchSize) {
            int size = Math.min(batchSize, data.count() - from);
            BatchMaker.plain(data, from, size, inputs);
            try (NDManager scratch = manager.newSubManager()) {
                NDArray x = scratch.create(java.nio.FloatBuffer.wrap(inputs, 0,
                        size * FashionMnist.PIXELS), new Shape(size, 1, 28, 28));
                long[] predicted = block.forward(parameters, new NDList(x), false)
                        .singletonOrThrow().argMax(1).toLongArray();
                for (int i = 0; i < size; i++) {
                    if (predicted[i] == data.label(from + i)) correct++;
                }
            }
        }
        return (double) correct / data.count();
    }
}
