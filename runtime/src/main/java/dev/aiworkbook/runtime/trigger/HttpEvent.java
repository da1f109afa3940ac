package dev.aiworkbook.runtime.trigger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbook.runtime.function.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as API Gateway's payload format 2.0 hands it to a function, with the
 * field names AWS really sends ({@code isBase64Encoded}, not {@code base64Encoded}), so the
 * standard {@code APIGatewayV2HTTPEvent} class reads it (chapter 01).
 *
 * <p>Simplification: a body counts as text when its content type is textual (text/*, JSON,
 * XML, JavaScript, form data, YAML) or absent, and it is valid UTF-8; any other body is sent
 * base64-encoded. API Gateway decides by its configured binary media types instead.
 *
 * @param method the HTTP method, such as GET
 * @param rawPath the path as requested, still percent-encoded
 * @param rawQueryString the query string without {@code ?}, or ""
 * @param protocol such as HTTP/1.1
 * @param sourceIp the caller's address
 * @param headers header names in lower case, repeated values joined by commas
 * @param cookies the cookies of the Cookie header, one per entry
 * @param query query parameters, decoded, repeated values joined by commas
 * @param pathParameters the route's parameters, such as name and proxy
 * @param routeKey the route that matched, such as {@code ANY /fn/{name}}
 * @param body the request body, possibly empty
 */
record HttpEvent(String method, String rawPath, String rawQueryString, String protocol,
        String sourceIp, Map<String, String> headers, List<String> cookies,
        Map<String, String> query, Map<String, String> pathParameters, String routeKey,
        byte[] body) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);
    private static final List<String> TEXT_TYPES = List.of("text/", "application/json",
            "application/xml", "application/javascript", "application/x-www-form-urlencoded",
            "application/graphql", "application/yaml", "application/x-yaml");

    /**
     * Writes the event as JSON.
     *
     * @param requestId the id shared by the request and its invocation
     * @param now when the request arrived, on the platform's clock
     * @return the event, ready to be the invocation's payload
     */
    ObjectNode toJson(String requestId, Instant now) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQueryString);
        if (!cookies.isEmpty()) cookies.forEach(event.putArray("cookies")::add);
        headers.forEach(event.putObject("headers")::put);
        if (!query.isEmpty()) query.forEach(event.putObject("queryStringParameters")::put);
        requestContext(event.putObject("requestContext"), requestId, now);
        pathParameters.forEach(event.putObject("pathParameters")::put);
        if (body.length > 0) {
            String text = isText() ? utf8(body) : null;
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private void requestContext(ObjectNode context, String requestId, Instant now) {
        String host = headers.getOrDefault("host", "localhost").replaceFirst(":\\d+$", "");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", host);
        context.put("domainPrefix", host.contains(".") ? host.substring(0, host.indexOf('.'))
                : host);
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", protocol);
        http.put("sourceIp", sourceIp);
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
    }

    private boolean isText() {
        String type = headers.get("content-type");
        if (type == null) return true;
        String lower = type.toLowerCase(Locale.ROOT);
        return TEXT_TYPES.stream().anyMatch(lower::startsWith)
                || lower.matches("[^;]*\\+(json|xml)\\b.*");
    }

    /** @return the text, or null if the bytes are not valid UTF-8 */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }
}
