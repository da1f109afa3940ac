package dev.aiworkbook.functions.text.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handler that takes a JSON request either directly (the Lambda Invoke API) or as the body
 * of an API Gateway HTTP event, payload format 2.0 (chapter 06).
 *
 * <p>Called directly, it returns the answer, and a refused request throws
 * {@link BadRequestException}: the caller gets a function error with its message. Called over
 * HTTP, it returns {@code {statusCode, headers, body}}: 200 with the answer, or the 4xx of the
 * refusal with a body of {@code error}, {@code message}, {@code field} and {@code docs}.
 */
public abstract class JsonFunction
        implements RequestHandler<Map<String, Object>, Map<String, Object>>, AutoCloseable {

    /** Where the error bodies point. */
    public static final String DOCS = "chapters/06-applications/README.md";

    protected static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Frees what the function holds outside the Java heap (models, open indexes). The
     * workbook's platform calls it when it reclaims the instance; AWS Lambda never does.
     */
    @Override
    public void close() {
    }

    @Override
    public final Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (!isHttpEvent(event)) return answer(event, context);
        try {
            return http(200, answer(body(event), context));
        } catch (BadRequestException refused) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", refused.error());
            error.put("message", refused.getMessage());
            error.put("field", refused.field());
            error.put("docs", DOCS);
            return http(refused.status(), error);
        }
    }

    /**
     * Answers one request.
     *
     * @param request the request's fields
     * @param context the invocation's context; may be null in tests
     * @return the answer, written as JSON
     * @throws BadRequestException if the request is refused
     */
    protected abstract Map<String, Object> answer(Map<String, Object> request, Context context);

    static boolean isHttpEvent(Map<String, Object> event) {
        return event != null && event.get("requestContext") instanceof Map
                && event.containsKey("rawPath");
    }

    private static Map<String, Object> body(Map<String, Object> event) {
        Object body = event.get("body");
        if (body == null || body.toString().isBlank()) {
            throw new BadRequestException(400, "body", "the request body must be a JSON object,"
                    + " was empty");
        }
        String text = Boolean.TRUE.equals(event.get("isBase64Encoded"))
                ? new String(Base64.getDecoder().decode(body.toString()), StandardCharsets.UTF_8)
                : body.toString();
        try {
            return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new BadRequestException(400, "body", "the request body must be a JSON object: "
                    + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> http(int status, Map<String, Object> answer) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", status);
        response.put("headers", Map.of("Content-Type", "application/json; charset=utf-8"));
        try {
            response.put("body", JSON.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
        return response;
    }
}
