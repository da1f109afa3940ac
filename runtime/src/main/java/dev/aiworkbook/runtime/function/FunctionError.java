package dev.aiworkbook.runtime.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A handler's failure as Lambda reports it: {@code errorMessage}, {@code errorType} and
 * {@code stackTrace} in the response body.
 *
 * @param errorMessage the exception's message
 * @param errorType the exception's class name, or a platform type such as Sandbox.Timedout
 * @param stackTrace one line per frame, {@code pkg.Class.method(File.java:12)}
 */
public record FunctionError(String errorMessage, String errorType, List<String> stackTrace) {

    public static final String TIMEOUT_TYPE = "Sandbox.Timedout";

    /**
     * Describes an exception thrown by a handler.
     *
     * @param failure the exception; its cause is reported if it only wraps a reflective call
     * @return the error as the caller will see it
     */
    public static FunctionError of(Throwable failure) {
        List<String> frames = Arrays.stream(failure.getStackTrace())
                .map(StackTraceElement::toString).toList();
        String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        return new FunctionError(message, failure.getClass().getName(), frames);
    }

    /**
     * This error as the body a caller receives.
     *
     * @return the error as JSON bytes
     */
    public byte[] toJson() {
        try {
            return Json.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error as JSON", e);
        }
    }

    /**
     * The error of an invocation stopped at its deadline.
     *
     * @param timeoutSeconds the function's timeout
     * @return the error, worded as Lambda words it
     */
    public static FunctionError timeout(double timeoutSeconds) {
        return new FunctionError(String.format(Locale.ROOT, "Task timed out after %.2f seconds",
                timeoutSeconds), TIMEOUT_TYPE, List.of());
    }
}
