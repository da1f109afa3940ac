package dev.aiworkbook.functions.image.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;

/**
 * The Adam optimizer with its state in the open (chapter 05): one running mean and one running
 * variance of the gradient per parameter, kept by the parameter's path in the network
 * ("01Conv2d_weight") rather than by DJL's random parameter ids, so the state can be saved in a
 * checkpoint and put back into a freshly built network.
 *
 * <p>DJL's own {@code Adam} keeps these arrays private, and a resumed run without them would
 * restart with an optimizer that has forgotten its momentum.
 */
final class AdamState {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final String MEAN = "mean:";
    private static final String VARIANCE = "variance:";

    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();

    /**
     * Takes one step on every trainable parameter and clears its gradient.
     *
     * @param block the network, after a backward pass
     * @param learningRate this step's rate
     * @param step the step's number, 1-based, for the bias correction
     */
    void step(Block block, float learningRate, long step) {
        double coef1 = 1.0 - Math.pow(BETA1, step);
        double coef2 = 1.0 - Math.pow(BETA2, step);
        float corrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        for (Pair<String, Parameter> entry : block.getParameters()) {
            Parameter parameter = entry.getValue();
            if (!parameter.requiresGradient()) continue;
            NDArray weight = parameter.getArray();
            NDArray mean = means.computeIfAbsent(entry.getKey(), k -> weight.zerosLike());
            NDArray variance = variances.computeIfAbsent(entry.getKey(), k -> weight.zerosLike());
            try (NDArray gradient = weight.getGradient()) {
                weight.getNDArrayInternal().adamUpdate(
                        new NDList(weight, gradient, mean, variance), new NDList(weight),
                        learningRate, corrected, 0f, 1f, Float.POSITIVE_INFINITY, BETA1, BETA2,
                        EPSILON, true, false);
            }
        }
    }

    /** @return the state as named arrays, for a checkpoint */
    NDList toList() {
        NDList list = new NDList();
        means.forEach((name, array) -> list.add(named(array, MEAN + name)));
        variances.forEach((name, array) -> list.add(named(array, VARIANCE + name)));
        return list;
    }

    /**
     * @param list what {@link #toList} saved
     * @param manager the manager the arrays now belong to
     * @return the state
     */
    static AdamState of(NDList list, NDManager manager) {
        AdamState state = new AdamState();
        for (NDArray array : list) {
            array.attach(manager);
            String name = array.getName();
            if (name.startsWith(MEAN)) state.means.put(name.substring(MEAN.length()), array);
            if (name.startsWith(VARIANCE)) {
                state.variances.put(name.substring(VARIANCE.length()), array);
            }
        }
        return state;
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }
}
