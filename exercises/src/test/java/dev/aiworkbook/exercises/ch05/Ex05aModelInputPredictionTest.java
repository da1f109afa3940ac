// Graded test of exercise ex05a: read-only. Change ModelInput, not this file.
package dev.aiworkbook.exercises.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.data.Photos;
import dev.aiworkbook.functions.image.handler.ClassifyRequest;
import dev.aiworkbook.functions.image.handler.ImageFunction;
import dev.aiworkbook.functions.image.model.FashionClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grades exercise ex05a in the real prediction path: your {@link ModelInput} as the prediction
 * function's preprocessor, in front of the committed model, on PNG photos.
 */
@Tag("ex05a")
@DisplayName("ex05a: your preprocessing in front of the real model")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex05aModelInputPredictionTest {

    private static final Path MODEL = Path.of("..", "models", "fashion-mnist-cnn");
    private static ImageFunction function;
    private static FashionMnist test;

    @BeforeAll
    static void loadTheModel() throws IOException {
        function = new ImageFunction(FashionClassifier.load(MODEL), ModelInput::of);
        test = FashionMnist.load(MODEL.resolve("test-set"), FashionMnist.Split.TEST);
    }

    @AfterAll
    static void closeTheModel() {
        function.close();
    }

    @Test
    @Order(1)
    @DisplayName("a photo of an ankle boot (test image 0) is classified as one")
    void ankleBoot() {
        assertThat(likeliest(0)).isEqualTo("Ankle boot");
    }

    @Test
    @Order(2)
    @DisplayName("photos of the first 100 test images: at least 88 right")
    void hundredPhotos() {
        int right = 0;
        for (int i = 0; i < 100; i++) {
            if (likeliest(i).equals(FashionMnist.LABELS.get(test.label(i)))) right++;
        }

        assertThat(right).as("photos classified right, of 100").isGreaterThanOrEqualTo(88);
    }

    private static String likeliest(int index) {
        byte[] png = Photos.png(test, index);
        Map<String, Object> answer = function.classify(new ClassifyRequest(png, null, 1, null));
        List<?> predictions = (List<?>) answer.get("predictions");
        return (String) ((Map<?, ?>) predictions.get(0)).get("label");
    }
}
