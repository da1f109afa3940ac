package dev.aiworkbook.functions.image.model;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.aiworkbook.functions.image.data.FashionMnist;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The shipped Fashion-MNIST model, loaded once through DJL's {@link Criteria} (chapter 05).
 *
 * <p>Before DJL reads the parameters, their file's SHA-256 is checked against the manifest,
 * so a damaged or swapped file is refused by name instead of giving wrong answers.
 *
 * <p>Simplification: one predictor, used by one invocation at a time ({@code synchronized});
 * the platform runs one invocation per instance unless maxConcurrency says otherwise.
 */
public final class FashionClassifier implements AutoCloseable {

    private final ZooModel<float[][], float[][]> model;
    private final Predictor<float[][], float[][]> predictor;
    private final ModelManifest manifest;

    private FashionClassifier(ZooModel<float[][], float[][]> model, ModelManifest manifest) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.manifest = manifest;
    }

    /**
     * Loads the model of a folder holding its manifest and parameters.
     *
     * @param folder the model's folder, such as {@code models/fashion-mnist-cnn}
     * @return the classifier
     * @throws ModelUnavailableException if a file is missing, damaged or unreadable, naming it
     */
    public static FashionClassifier load(Path folder) {
        ModelManifest manifest = ModelManifest.read(folder);
        verify(folder.resolve(manifest.file()), manifest);
        PyTorchEngine.start();
        Criteria<float[][], float[][]> criteria = Criteria.builder()
                .setTypes(float[][].class, float[][].class)
                .optModelPath(folder)
                .optModelName(manifest.name())
                .optOption("epoch", Integer.toString(manifest.epoch()))
                .optEngine("PyTorch")
                .optBlock(FashionCnn.newBlock())
                .optTranslator(new ProbabilitiesTranslator())
                .build();
        try {
            return new FashionClassifier(criteria.loadModel(), manifest);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new ModelUnavailableException("the model in " + folder + " could not be"
                    + " loaded: " + e.getMessage() + ". " + ModelUnavailableException.HOW_TO_GET,
                    e);
        }
    }

    /** @return the manifest it was loaded with */
    public ModelManifest manifest() {
        return manifest;
    }

    /**
     * @param images preprocessed images, each 784 values
     * @return ten probabilities per image, in class order
     * @throws IllegalArgumentException if an image does not hold 784 values
     */
    public synchronized float[][] probabilities(float[][] images) {
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != FashionMnist.PIXELS) {
                throw new IllegalArgumentException("each image must hold 784 values, image " + i
                        + " had: " + images[i].length);
            }
        }
        try {
            return predictor.predict(images);
        } catch (TranslateException e) {
            throw new IllegalStateException("the model failed to predict: " + e.getMessage(), e);
        }
    }

    /**
     * @param test labelled images, such as the committed test set
     * @return the share of them whose likeliest class is their label
     */
    public double accuracy(FashionMnist test) {
        int batch = 500;
        long correct = 0;
        for (int from = 0; from < test.count(); from += batch) {
            int size = Math.min(batch, test.count() - from);
            float[][] probabilities = probabilities(test.inputs(from, size));
            for (int i = 0; i < size; i++) {
                if (likeliest(probabilities[i], 1).get(0).index() == test.label(from + i)) {
                    correct++;
                }
            }
        }
        return (double) correct / test.count();
    }

    /**
     * @param image one preprocessed image
     * @param k how many classes to return, 1..10
     * @return the {@code k} likeliest classes, likeliest first
     */
    public List<Prediction> topK(float[] image, int k) {
        return likeliest(probabilities(new float[][] {image})[0], k);
    }

    /**
     * @param probabilities ten probabilities
     * @param k how many to keep
     * @return the {@code k} likeliest classes, likeliest first
     */
    public static List<Prediction> likeliest(float[] probabilities, int k) {
        List<Prediction> all = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            all.add(new Prediction(FashionMnist.LABELS.get(i), i, probabilities[i]));
        }
        all.sort(Comparator.comparingDouble(Prediction::probability).reversed());
        return List.copyOf(all.subList(0, k));
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }

    static void verify(Path file, ModelManifest manifest) {
        if (!Files.isRegularFile(file)) {
            throw new ModelUnavailableException("model file not found: " + file + " (named by "
                    + ModelManifest.FILE + "). " + ModelUnavailableException.HOW_TO_GET);
        }
        String actual = sha256(file);
        if (!actual.equals(manifest.sha256())) {
            throw new ModelUnavailableException("model file " + file + " is damaged or not the"
                    + " one the manifest describes: its sha256 is " + actual + ", the manifest"
                    + " says " + manifest.sha256() + ". " + ModelUnavailableException.HOW_TO_GET);
        }
    }

    /**
     * @param file a file
     * @return its SHA-256 in lower-case hex
     */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStreamSink.INSTANCE);
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ModelUnavailableException("model file " + file + " cannot be read: "
                    + e.getMessage() + ". " + ModelUnavailableException.HOW_TO_GET, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** Discards what it is given: the digest stream only needs to be read through. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
