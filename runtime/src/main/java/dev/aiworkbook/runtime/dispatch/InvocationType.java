package dev.aiworkbook.runtime.dispatch;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the caller wants an invocation run, as in the Lambda Invoke API. */
public enum InvocationType {
    /** Run now and answer with the result. */
    REQUEST_RESPONSE("RequestResponse"),
    /** Accept at once and run later, retrying on error. */
    EVENT("Event"),
    /** Check that the function exists and the call is allowed, and run nothing. */
    DRY_RUN("DryRun");

    private final String apiName;

    InvocationType(String apiName) {
        this.apiName = apiName;
    }

    /** @return the name used by the API header {@code X-Amz-Invocation-Type} */
    public String apiName() {
        return apiName;
    }

    /**
     * Reads the API name of an invocation type.
     *
     * @param name such as "RequestResponse"; null means RequestResponse
     * @return the type
     * @throws IllegalArgumentException naming the accepted values if {@code name} is unknown
     */
    public static InvocationType fromApiName(String name) {
        if (name == null || name.isBlank()) return REQUEST_RESPONSE;
        for (InvocationType type : values()) {
            if (type.apiName.equalsIgnoreCase(name.trim())) return type;
        }
        String accepted = Arrays.stream(values()).map(InvocationType::apiName)
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "invocation type must be one of " + accepted + ", was: \"" + name + "\"");
    }
}
