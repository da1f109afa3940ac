package dev.aiworkbook.functions.image.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The prediction function for the Lambda Invoke API (chapter 05): the event is the JSON
 * {@code {"image": base64 PNG or JPEG}} or {@code {"pixels": [784 gray levels]}}, with an
 * optional {@code "k"}; the result is the same JSON the HTTP function answers. Bad input
 * fails the invocation with an {@code IllegalArgumentException} whose message says what was
 * wrong and what is accepted, which the Invoke API reports as a function error.
 */
public class Classify
        implements RequestHandler<Map<String, Object>, Map<String, Object>>, AutoCloseable {

    private final ImageFunction function;

    /** Loads the model once, at the cold start. */
    public Classify() {
        this.function = ImageFunction.loadPackaged();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return function.classify(ClassifyRequest.fromMap(event));
    }

    /** Frees the model's native memory; the workbook's platform calls it on reclaim. */
    @Override
    public void close() {
        function.close();
    }
}
