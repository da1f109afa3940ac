package dev.aiworkbook.runtime.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.runtime.function.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP response a function's result stands for, read the way API Gateway reads payload
 * format 2.0: a JSON object with a {@code statusCode} is a response (status, headers,
 * multiValueHeaders, cookies, body, isBase64Encoded); any other JSON value is the body of a
 * 200 application/json response, a JSON string giving its text (chapter 01).
 *
 * <p>Both spellings of the base64 flag are read: {@code isBase64Encoded}, as AWS writes it,
 * and {@code base64Encoded}, as Jackson names a getter {@code isBase64Encoded()}.
 *
 * @param status the HTTP status
 * @param headers the headers in order; a name may repeat
 * @param body the body bytes
 */
record HttpReply(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    private static final String JSON_TYPE = "application/json";

    /**
     * Reads a function's result.
     *
     * @param result the result bytes
     * @return the reply, or empty if the result is not JSON or not a valid response shape
     */
    static Optional<HttpReply> of(byte[] result) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(result);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        if (node == null || node.isMissingNode()) return Optional.empty();
        if (node.isObject() && node.has("statusCode")) return response(node);
        byte[] body = node.isTextual() ? node.asText().getBytes(StandardCharsets.UTF_8) : result;
        return Optional.of(new HttpReply(200, List.of(Map.entry("Content-Type", JSON_TYPE)),
                body));
    }

    private static Optional<HttpReply> response(JsonNode node) {
        JsonNode code = node.get("statusCode");
        if (!code.canConvertToInt() || code.asInt() < 100 || code.asInt() > 599) {
            return Optional.empty();
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        node.path("headers").properties().forEach(h ->
                headers.add(Map.entry(h.getKey(), h.getValue().asText())));
        node.path("multiValueHeaders").properties().forEach(h ->
                h.getValue().forEach(v -> headers.add(Map.entry(h.getKey(), v.asText()))));
        node.path("cookies").forEach(c -> headers.add(Map.entry("Set-Cookie", c.asText())));
        if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
            headers.add(Map.entry("Content-Type", JSON_TYPE));
        }
        return body(node).map(body -> new HttpReply(code.asInt(), headers, body));
    }

    private static Optional<byte[]> body(JsonNode node) {
        JsonNode body = node.path("body");
        if (body.isMissingNode() || body.isNull()) return Optional.of(new byte[0]);
        String text = body.isTextual() ? body.asText() : body.toString();
        boolean base64 = node.path("isBase64Encoded").asBoolean(false)
                || node.path("base64Encoded").asBoolean(false);
        if (!base64) return Optional.of(text.getBytes(StandardCharsets.UTF_8));
        try {
            return Optional.of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
