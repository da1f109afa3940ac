package dev.aiworkbook.functions.image.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The small convolutional network of chapter 05, for 28 × 28 grayscale images in ten classes.
 *
 * <pre>
 * input           (N, 1, 28, 28)   one gray channel, normalised
 * conv 3×3, 16    (N, 16, 28, 28)  padding 1 keeps the size; 16 × (9 + 1) = 160 weights
 * batch norm      (N, 16, 28, 28)  per channel: scale and shift learnt, statistics tracked
 * ReLU, max 2×2   (N, 16, 14, 14)
 * conv 3×3, 32    (N, 32, 14, 14)  32 × (16 × 9 + 1) = 4,640 weights
 * batch norm, ReLU, max 2×2 → (N, 32, 7, 7)
 * flatten         (N, 1568)
 * dropout 0.3     (N, 1568)        training only: drops 30% of the features at random
 * dense 128, ReLU (N, 128)         1568 × 128 + 128 = 200,832 weights
 * dense 10        (N, 10)          raw scores (logits); softmax turns them into probabilities
 * </pre>
 *
 * <p>207,018 trainable parameters (plus 96 tracked batch-norm statistics), 0.83 MB as 32-bit
 * floats; 97% of them sit in the first dense layer, while the two convolutions do 95% of the
 * arithmetic, about 1.0 million multiply-adds per image.
 */
public final class FashionCnn {

    /** The model's name: the prefix of its parameters file. */
    public static final String NAME = "fashion-mnist-cnn";
    /** The input of one batch of one image. */
    public static final Shape INPUT_SHAPE = new Shape(1, 1, 28, 28);
    /** The number of classes. */
    public static final int CLASSES = 10;

    private FashionCnn() {
    }

    /** @return the network, uninitialised: its parameters are set by training or loading */
    public static Block newBlock() {
        return new SequentialBlock()
                .add(conv(16))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(conv(32))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(CLASSES).build());
    }

    private static Block conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(filters).build();
    }
}
