package dev.aiworkbook.runtime.trigger;

import java.util.Optional;

/**
 * The function an Invoke call names, as the Lambda API allows it: {@code hello},
 * {@code hello:3}, {@code 000000000000:function:hello} or the full ARN, plus an optional
 * {@code ?Qualifier=} (chapter 01).
 *
 * @param name the function's name
 * @param qualifier the version asked for, if any
 */
record FunctionRef(String name, Optional<String> qualifier) {

    /** The qualifier that always means the current deployment. */
    static final String LATEST = "$LATEST";

    /**
     * Reads the name from the path and the qualifier from either place.
     *
     * @param pathName the decoded path segment, such as {@code hello:2}
     * @param queryQualifier the {@code Qualifier} query parameter, or null
     * @return the reference
     * @throws GatewayException 400 if the two qualifiers disagree
     */
    static FunctionRef parse(String pathName, String queryQualifier) {
        String[] parts = pathName.split(":", -1);
        int nameAt = indexOfName(parts);
        String name = parts[nameAt];
        Optional<String> inName = nameAt + 1 < parts.length
                ? Optional.of(parts[nameAt + 1]) : Optional.empty();
        Optional<String> inQuery = Optional.ofNullable(queryQualifier).filter(q -> !q.isBlank());
        if (inName.isPresent() && inQuery.isPresent() && !inName.equals(inQuery)) {
            throw GatewayException.badRequest("InvalidParameterValueException",
                    "The qualifier in the function name (\"" + inName.get() + "\") does not match"
                    + " the Qualifier parameter (\"" + inQuery.get() + "\"). Give one of them.",
                    "Qualifier");
        }
        return new FunctionRef(name, inName.or(() -> inQuery));
    }

    /** @return "name" or "name:qualifier", as the caller wrote it */
    String display() {
        return qualifier.map(q -> name + ":" + q).orElse(name);
    }

    /** arn:aws:lambda:region:account:function:name, or account:function:name, or name. */
    private static int indexOfName(String[] parts) {
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("function")) return i + 1;
        }
        return 0;
    }
}
