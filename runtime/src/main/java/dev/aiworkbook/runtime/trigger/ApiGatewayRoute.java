package dev.aiworkbook.runtime.trigger;

import dev.aiworkbook.runtime.dispatch.Deployment;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.FunctionNotFoundException;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.dispatch.InvocationResult;
import dev.aiworkbook.runtime.dispatch.InvocationType;
import dev.aiworkbook.runtime.function.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API-Gateway-style route: any request to {@code /fn/{name}} or below becomes a payload
 * format 2.0 event, the function runs synchronously with trigger "http", and its result
 * becomes the HTTP response, as an API Gateway HTTP API with a Lambda proxy integration does
 * (chapter 01).
 */
final class ApiGatewayRoute {

    static final String ROUTE = "/fn/{name}";
    static final String PROXY_ROUTE = "/fn/{name}/<proxy>";
    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayRoute.class);
    private static final byte[] INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Dispatcher dispatcher;

    ApiGatewayRoute(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Serves one request of any method. */
    void handle(Context ctx) {
        String name = ctx.pathParam("name");
        Deployment deployment = dispatcher.function(name).orElseThrow(() ->
                GatewayException.notFound(notFound(name)));
        byte[] body = readBody(ctx);

        // One id names the request, its invocation and every log line of both.
        String requestId = UUID.randomUUID().toString();
        Instant now = dispatcher.clock().now();
        byte[] event = eventBytes(toEvent(ctx, body), requestId, now);
        InvocationResult result;
        try {
            result = dispatcher.invoke(new Invocation(requestId, name, event,
                    InvocationType.REQUEST_RESPONSE, "http"));
        } catch (FunctionNotFoundException undeployedMeanwhile) {
            throw GatewayException.notFound(undeployedMeanwhile.getMessage());
        }
        ctx.header("apigw-requestid", requestId);
        answer(ctx, result, deployment);
    }

    private void answer(Context ctx, InvocationResult result, Deployment deployment) {
        switch (result.status()) {
            case SUCCESS -> reply(ctx, result);
            case THROTTLED -> throw GatewayException.refused(result, deployment);
            default -> internalError(ctx);
        }
    }

    private static void reply(Context ctx, InvocationResult result) {
        Optional<HttpReply> reply = HttpReply.of(result.payload());
        if (reply.isEmpty()) {
            LOG.warn("function={} invocation={} returned no valid HTTP response (not JSON, or a"
                    + " statusCode outside 100..599, or a body that is not base64 although"
                    + " isBase64Encoded is true): answering 502 as API Gateway does",
                    ctx.pathParam("name"), result.requestId());
            internalError(ctx);
            return;
        }
        ctx.status(reply.get().status());
        // Javalin sets its own default content type late, so this one goes through Javalin.
        for (Map.Entry<String, String> h : reply.get().headers()) {
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                ctx.contentType(h.getValue());
            } else {
                ctx.res().addHeader(h.getKey(), h.getValue());
            }
        }
        ctx.result(reply.get().body());
    }

    private static void internalError(Context ctx) {
        ctx.status(502).contentType("application/json").result(INTERNAL_ERROR);
    }

    private static HttpEvent toEvent(Context ctx, byte[] body) {
        Map<String, String> pathParameters = new LinkedHashMap<>(ctx.pathParamMap());
        String routeKey = "ANY /fn/{name}" + (pathParameters.containsKey("proxy")
                ? "/{proxy+}" : "");
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        Map<String, String> headers = headers(ctx);
        List<String> cookies = cookies(headers.remove("cookie"));
        return new HttpEvent(ctx.method().name(), ctx.req().getRequestURI(), query,
                ctx.protocol(), ctx.ip(), headers, cookies, queryParameters(ctx),
                pathParameters, routeKey, body);
    }

    private static Map<String, String> headers(Context ctx) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            Enumeration<String> values = ctx.req().getHeaders(name);
            headers.merge(name.toLowerCase(Locale.ROOT), String.join(",",
                    Collections.list(values)), (a, b) -> a + "," + b);
        }
        return headers;
    }

    private static List<String> cookies(String header) {
        List<String> cookies = new ArrayList<>();
        if (header == null) return cookies;
        for (String cookie : header.split(";")) {
            if (!cookie.isBlank()) cookies.add(cookie.trim());
        }
        return cookies;
    }

    private static Map<String, String> queryParameters(Context ctx) {
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> query.put(k, String.join(",", v)));
        return query;
    }

    private static byte[] readBody(Context ctx) {
        try {
            return RequestBody.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(),
                    HttpGateway.SYNC_PAYLOAD_LIMIT, "a synchronous invocation");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static byte[] eventBytes(HttpEvent event, String requestId, Instant now) {
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(event.toJson(requestId, now));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event", e);
        }
        // The body fits, but as an event (headers, base64) it may not: Lambda counts the event.
        if (bytes.length > HttpGateway.SYNC_PAYLOAD_LIMIT) {
            throw new GatewayException(413, "RequestEntityTooLargeException", String.format(
                    Locale.ROOT, "The event may be at most %,d bytes for a synchronous"
                    + " invocation, was: %,d bytes once the request became an event (a binary"
                    + " body grows by a third in base64). Send a smaller body.",
                    HttpGateway.SYNC_PAYLOAD_LIMIT, bytes.length), "Payload");
        }
        return bytes;
    }

    private String notFound(String name) {
        return new FunctionNotFoundException(name, dispatcher.functions().stream()
                .map(Deployment::name).toList()).getMessage() + ". Deploy it, or call"
                + " /fn/NAME with one of those names.";
    }
}
