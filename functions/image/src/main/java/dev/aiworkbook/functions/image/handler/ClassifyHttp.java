package dev.aiworkbook.functions.image.handler;

import ai.djl.util.JsonUtils;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.aiworkbook.functions.image.model.ModelUnavailableException;
import dev.aiworkbook.functions.image.preprocess.BadInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prediction function over HTTP (chapter 05): an API Gateway (payload format 2.0) handler.
 * {@code POST /fn/classify-http?k=3} with a PNG or JPEG as the body, or with JSON {@code
 * {"image": base64}} or {@code {"pixels": [784 gray levels]}}, answers the k likeliest
 * classes with their probabilities. Bad input is answered 400 with {@code error}, {@code
 * message}, {@code field} and {@code accepted}.
 *
 * <p>The model loads once per instance, here in the constructor: the cold start pays for it,
 * and every invocation the instance serves after that reuses it.
 */
public class ClassifyHttp
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        AutoCloseable {

    private final ImageFunction function;

    /** Loads the model: the packaged one, or the folder named by FASHION_MODEL_DIR. */
    public ClassifyHttp() {
        this(ImageFunction.loadPackaged());
    }

    ClassifyHttp(ImageFunction function) {
        this.function = function;
    }

    /** Frees the model's native memory; the workbook's platform calls it on reclaim. */
    @Override
    public void close() {
        function.close();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            Map<String, Object> answer = function.classify(requestOf(event));
            return reply(200, answer);
        } catch (BadInputException e) {
            if (context != null) context.getLogger().log("bad input: " + e.getMessage());
            return reply(400, error("BadRequest", e.getMessage(), e.field()));
        } catch (ModelUnavailableException e) {
            return reply(503, error("ModelUnavailable", e.getMessage(), "model"));
        }
    }

    static ClassifyRequest requestOf(APIGatewayV2HTTPEvent event) {
        String body = event == null ? null : event.getBody();
        String k = event == null || event.getQueryStringParameters() == null ? null
                : event.getQueryStringParameters().get("k");
        if (body == null || body.isEmpty()) {
            throw new BadInputException("body", "The request has no body. "
                    + BadInputException.ACCEPTED);
        }
        if (event.getIsBase64Encoded()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("body", "The body is marked base64 but is not: "
                        + e.getMessage());
            }
            return bytesRequest(bytes, k);
        }
        String trimmed = body.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return ClassifyRequest.fromJson(body, k);
        }
        return bytesRequest(body.getBytes(StandardCharsets.UTF_8), k);
    }

    private static ClassifyRequest bytesRequest(byte[] bytes, String k) {
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8)
                .stripLeading();
        if (start.startsWith("{")) {
            return ClassifyRequest.fromJson(new String(bytes, StandardCharsets.UTF_8), k);
        }
        return ClassifyRequest.ofImage(bytes, k);
    }

    private static Map<String, Object> error(String type, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", type);
        body.put("message", message);
        body.put("field", field);
        body.put("accepted", BadInputException.ACCEPTED);
        body.put("docs", "chapters/05-project-practice/README.md");
        return body;
    }

    private static APIGatewayV2HTTPResponse reply(int status, Map<String, Object> body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(JsonUtils.GSON.toJson(body))
                .build();
    }
}
