package dev.aiworkbook.runtime.function;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A deploy descriptor that cannot be deployed (chapter 01). The message names the file, the
 * function, the field, the rule and the value, such as
 * {@code serverless.yml: function "hello": memoryMb must be 128..10240, was: 64}.
 */
public final class InvalidDescriptorException extends IllegalArgumentException {

    private final Path file;
    private final String function;
    private final String field;

    InvalidDescriptorException(Path file, String function, String field, String problem,
            Throwable cause) {
        super(file + (function == null ? "" : ": function \"" + function + "\"") + ": "
                + problem, cause);
        this.file = file;
        this.function = function;
        this.field = field;
    }

    /** @return the descriptor file */
    public Path file() {
        return file;
    }

    /** @return the function the problem is in, if it is in one */
    public Optional<String> function() {
        return Optional.ofNullable(function);
    }

    /** @return the key that is wrong, such as {@code memoryMb}, or the path to it */
    public String field() {
        return field;
    }
}
