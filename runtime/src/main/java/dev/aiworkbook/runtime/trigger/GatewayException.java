package dev.aiworkbook.runtime.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aiworkbook.runtime.dispatch.Deployment;
import dev.aiworkbook.runtime.dispatch.InvocationResult;
import dev.aiworkbook.runtime.dispatch.Refusal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bad input at the gateway, answered with a status and a JSON body that says what was wrong
 * and what is accepted (chapter 01). Thrown by the route handlers; {@link HttpGateway} writes
 * it.
 */
final class GatewayException extends RuntimeException {

    private final int status;
    private final Body body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    GatewayException(int status, String errorType, String message, String field) {
        this(status, errorType, message, field, HttpGateway.DOCS);
    }

    private GatewayException(int status, String errorType, String message, String field,
            String docs) {
        super(message);
        this.status = status;
        this.body = new Body(errorType, message, field, docs);
    }

    /** @return the HTTP status to answer with */
    int status() {
        return status;
    }

    /** @return headers to send besides the error type, such as Retry-After */
    Map<String, String> headers() {
        return headers;
    }

    /** @return this error, with one more header to send */
    GatewayException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** @return the JSON body; the SDK reads {@code message}, the header carries the type */
    Body body() {
        return body;
    }

    static GatewayException badRequest(String errorType, String message, String field) {
        return new GatewayException(400, errorType, message, field);
    }

    /**
     * A refused invocation: 429 over a limit, 503 after a wait in the activator, with the
     * limit's message and knob, and Retry-After.
     */
    static GatewayException refused(InvocationResult result, Deployment deployment) {
        Refusal refusal = result.refusal().orElseGet(() -> Refusal.tooManyRequests(
                "Rate exceeded: function \"" + deployment.name() + "\" is at its limit of "
                + deployment.spec().maxInstances() + " instance(s) (maxInstances). Retry"
                + " later, or raise maxInstances.", "maxInstances"));
        return new GatewayException(refusal.httpStatus(), refusal.errorType(),
                refusal.message(), refusal.field(), HttpGateway.SCALING_DOCS)
                .withHeader("Retry-After", "1");
    }

    static GatewayException notFound(String message) {
        return new GatewayException(404, "ResourceNotFoundException", message, "FunctionName");
    }

    /**
     * The error body. The names follow the Lambda API, whose clients read {@code message}.
     *
     * @param errorType such as ResourceNotFoundException, also sent as {@code x-amzn-ErrorType}
     * @param message a full sentence naming the rule and the bad value
     * @param field the header, parameter or part of the request that was wrong, if one was
     * @param docs where the gateway is explained
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String errorType, String message, String field, String docs) {
    }
}
