package dev.aiworkbook.functions.image.handler;

import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.model.FashionClassifier;
import dev.aiworkbook.functions.image.model.ModelLocation;
import dev.aiworkbook.functions.image.model.Prediction;
import dev.aiworkbook.functions.image.preprocess.ImageDecoder;
import dev.aiworkbook.functions.image.preprocess.ImagePreprocessor;
import dev.aiworkbook.functions.image.preprocess.Normalisation;
import dev.aiworkbook.functions.image.preprocess.Preprocessor;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.aiworkbook.functions.image.zoo.ImageNetModel;
import java.awt.image.BufferedImage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What both prediction handlers do once the request is read (chapter 05): decode, preprocess,
 * classify, and describe the answer as a JSON-ready map.
 */
public final class ImageFunction implements AutoCloseable {

    private final FashionClassifier classifier;
    private final Preprocessor preprocessor;
    private final Map<String, ZooModel<Image, Classifications>> zooModels =
            new ConcurrentHashMap<>();

    /**
     * @param classifier the loaded model
     * @param preprocessor how a picture becomes the model's input
     */
    public ImageFunction(FashionClassifier classifier, Preprocessor preprocessor) {
        this.classifier = classifier;
        this.preprocessor = preprocessor;
    }

    /** @return the function over the packaged model (or FASHION_MODEL_DIR) */
    static ImageFunction loadPackaged() {
        return new ImageFunction(ModelLocation.load(ImageFunction.class.getClassLoader()),
                new ImagePreprocessor());
    }

    /**
     * @param request what to classify
     * @return predictions (label, probability) and what the input was
     * @throws dev.aiworkbook.functions.image.preprocess.BadInputException for bad input
     */
    public Map<String, Object> classify(ClassifyRequest request) {
        if (request.zooModel() != null) return classifyImageNet(request);
        long started = System.nanoTime();
        float[] input;
        String described;
        if (request.image() != null) {
            BufferedImage image = ImageDecoder.decode(request.image());
            input = preprocessor.toModelInput(image);
            described = ImageDecoder.formatOf(request.image()) + " " + image.getWidth() + "x"
                    + image.getHeight();
        } else {
            input = new float[FashionMnist.PIXELS];
            for (int i = 0; i < input.length; i++) {
                input[i] = (request.pixels()[i] / 255f - Normalisation.MEAN) / Normalisation.STD;
            }
            described = "pixels 28x28";
        }
        List<Prediction> top = classifier.topK(input, request.k());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("predictions", top.stream().map(ImageFunction::describe).toList());
        answer.put("model", classifier.manifest().name());
        answer.put("input", described);
        answer.put("computeMs", Math.round((System.nanoTime() - started) / 1e4) / 100.0);
        return answer;
    }

    private Map<String, Object> classifyImageNet(ClassifyRequest request) {
        // Loaded on first use, not at the cold start: it is optional and needs the network once.
        ZooModel<Image, Classifications> model = zooModels.computeIfAbsent(request.zooModel(),
                ImageNetModel::load);
        Image image = ImageFactory.getInstance().fromImage(ImageDecoder.decode(request.image()));
        try (Predictor<Image, Classifications> predictor = model.newPredictor()) {
            List<Map<String, Object>> top = predictor.predict(image).topK(request.k()).stream()
                    .map(c -> describe(new Prediction(c.getClassName(), -1, c.getProbability())))
                    .toList();
            return Map.of("predictions", top, "model", request.zooModel());
        } catch (TranslateException e) {
            throw new IllegalStateException("the ImageNet model failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> describe(Prediction p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", p.label());
        m.put("index", p.index());
        m.put("probability", Math.round(p.probability() * 1e4) / 1e4);
        return m;
    }

    @Override
    public void close() {
        classifier.close();
        zooModels.values().forEach(ZooModel::close);
    }
}
