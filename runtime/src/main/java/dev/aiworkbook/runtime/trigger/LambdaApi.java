package dev.aiworkbook.runtime.trigger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aiworkbook.runtime.dispatch.Deployment;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.FunctionNotFoundException;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.dispatch.InvocationResult;
import dev.aiworkbook.runtime.dispatch.InvocationType;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.function.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two operations of the AWS Lambda API that a client needs to find and call functions:
 * ListFunctions and Invoke, on the paths and headers the AWS SDKs and CLI use (chapter 01).
 */
final class LambdaApi {

    static final String ARN_PREFIX = "arn:aws:lambda:local:000000000000:function:";
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 10_000;
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = Json.mapper().getFactory();

    private final Dispatcher dispatcher;

    LambdaApi(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** {@code GET /2015-03-31/functions}: one page of functions, by name. */
    void listFunctions(Context ctx) {
        int maxItems = maxItems(ctx.queryParam("MaxItems"));
        String marker = ctx.queryParam("Marker");
        List<Deployment> all = dispatcher.functions();

        // The marker is the last name of the previous page; names are sorted, so a function
        // removed between two pages shifts nothing.
        int start = 0;
        while (marker != null && start < all.size()
                && all.get(start).name().compareTo(marker) <= 0) {
            start++;
        }
        int end = Math.min(all.size(), start + maxItems);
        List<Map<String, Object>> page = new ArrayList<>();
        for (Deployment d : all.subList(start, end)) page.add(configuration(d));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Functions", page);
        body.put("NextMarker", end < all.size() ? all.get(end - 1).name() : null);
        HttpGateway.json(ctx, 200, body);
    }

    /** {@code POST /2015-03-31/functions/{name}/invocations}: run, queue or dry-run. */
    void invoke(Context ctx) {
        InvocationType type = invocationType(ctx.header("X-Amz-Invocation-Type"));
        boolean tail = wantsTail(ctx.header("X-Amz-Log-Type"));
        FunctionRef ref = FunctionRef.parse(ctx.pathParam("name"), ctx.queryParam("Qualifier"));
        Deployment deployment = find(ref);
        byte[] payload = readPayload(ctx, type);
        requireJson(payload);

        InvocationResult result;
        try {
            result = dispatcher.invoke(Invocation.of(ref.name(), payload, type, "api"));
        } catch (FunctionNotFoundException undeployedMeanwhile) {
            throw GatewayException.notFound(undeployedMeanwhile.getMessage());
        }
        answer(ctx, result, deployment, tail);
    }

    private void answer(Context ctx, InvocationResult result, Deployment deployment,
            boolean tail) {
        ctx.header("X-Amzn-RequestId", result.requestId());
        switch (result.status()) {
            case ACCEPTED -> ctx.status(202);
            case DRY_RUN -> ctx.status(204);
            case THROTTLED -> throw throttled(result, deployment);
            case SUCCESS, FUNCTION_ERROR, TIMED_OUT -> answerRun(ctx, result, tail);
        }
    }

    private void answerRun(Context ctx, InvocationResult result, boolean tail) {
        byte[] body = result.payload();
        boolean failed = result.isFunctionError();
        if (body.length > HttpGateway.SYNC_PAYLOAD_LIMIT) {
            body = HttpGateway.responseTooLarge(body.length);
            failed = true;
        }
        ctx.status(200).contentType("application/json");
        result.record().ifPresent(r -> ctx.header("X-Amz-Executed-Version",
                String.valueOf(r.version())));
        if (failed) ctx.header("X-Amz-Function-Error", "Unhandled");
        if (tail) ctx.header("X-Amz-Log-Result", LogTail.of(result.log()));
        ctx.result(body);
    }

    private Deployment find(FunctionRef ref) {
        Deployment deployment = dispatcher.function(ref.name()).orElseThrow(() ->
                GatewayException.notFound(new FunctionNotFoundException(ref.display(),
                        names()).getMessage()));
        String current = String.valueOf(deployment.version());
        boolean fits = ref.qualifier().map(q -> q.equals(FunctionRef.LATEST) || q.equals(current))
                .orElse(true);
        if (fits) return deployment;
        throw GatewayException.notFound("Function not found: \"" + ref.display() + "\". This"
                + " platform serves only the current deployment of a function, which is version "
                + current + "; qualify it with " + FunctionRef.LATEST + " or " + current
                + ", or not at all.");
    }

    private List<String> names() {
        return dispatcher.functions().stream().map(Deployment::name).toList();
    }

    private static byte[] readPayload(Context ctx, InvocationType type) {
        boolean async = type == InvocationType.EVENT;
        long limit = async ? HttpGateway.ASYNC_PAYLOAD_LIMIT : HttpGateway.SYNC_PAYLOAD_LIMIT;
        String what = async ? "an asynchronous (Event) invocation" : "a synchronous invocation";
        try {
            return RequestBody.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(),
                    limit, what);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the request body", e);
        }
    }

    /** Checks that the payload is one JSON value by streaming over it, building nothing. */
    private static void requireJson(byte[] payload) {
        if (payload.length == 0) return;
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() == null) throw notJson(parser, "no JSON value");
            parser.skipChildren();
            if (parser.nextToken() != null) throw notJson(parser, "more than one JSON value");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr();
            throw GatewayException.badRequest("InvalidRequestContentException",
                    "Could not parse request body into json: " + e.getOriginalMessage() + where
                    + ". The payload must be one JSON value, such as {\"name\":\"Ada\"}, or"
                    + " empty.", "Payload");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the payload", e);
        }
    }

    private static JsonParseException notJson(JsonParser parser, String what) {
        return new JsonParseException(parser, "the payload holds " + what);
    }

    private static InvocationType invocationType(String header) {
        try {
            return InvocationType.fromApiName(header);
        } catch (IllegalArgumentException e) {
            throw GatewayException.badRequest("InvalidParameterValueException",
                    "X-Amz-Invocation-Type must be one of " + acceptedTypes() + ", was: \""
                    + header + "\".", "X-Amz-Invocation-Type");
        }
    }

    private static boolean wantsTail(String header) {
        if (header == null || header.isBlank() || header.equalsIgnoreCase("None")) return false;
        if (header.equalsIgnoreCase("Tail")) return true;
        throw GatewayException.badRequest("InvalidParameterValueException",
                "X-Amz-Log-Type must be one of None, Tail, was: \"" + header + "\".",
                "X-Amz-Log-Type");
    }

    private static int maxItems(String text) {
        if (text == null || text.isBlank()) return DEFAULT_PAGE;
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= MAX_PAGE) return value;
        } catch (NumberFormatException notANumber) {
            // answered below, like any other value out of range
        }
        throw GatewayException.badRequest("InvalidParameterValueException",
                "MaxItems must be a whole number 1.." + MAX_PAGE + ", was: \"" + text + "\".",
                "MaxItems");
    }

    private static GatewayException throttled(InvocationResult result, Deployment deployment) {
        return GatewayException.refused(result, deployment);
    }

    private static Map<String, Object> configuration(Deployment d) {
        FunctionSpec spec = d.spec();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("FunctionName", spec.name());
        c.put("FunctionArn", ARN_PREFIX + spec.name());
        c.put("Runtime", "java17");
        c.put("Handler", spec.handler());
        c.put("Description", "");
        // Lambda counts the timeout in whole seconds; a 1.5 s timeout shows as 2.
        c.put("Timeout", (spec.timeout().toMillis() + 999) / 1000);
        c.put("MemorySize", spec.memoryMb());
        c.put("LastModified", LAST_MODIFIED.format(d.deployedAt()));
        c.put("Version", String.valueOf(d.version()));
        c.put("PackageType", "Zip");
        c.put("Architectures", List.of("x86_64"));
        c.put("State", "Active");
        c.put("LastUpdateStatus", "Successful");
        return c;
    }

    private static String acceptedTypes() {
        return java.util.Arrays.stream(InvocationType.values()).map(InvocationType::apiName)
                .collect(Collectors.joining(", "));
    }
}
