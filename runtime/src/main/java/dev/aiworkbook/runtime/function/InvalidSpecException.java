package dev.aiworkbook.runtime.function;

/** A function configuration that breaks a rule; the message names the field, rule and value. */
public final class InvalidSpecException extends IllegalArgumentException {

    private final String field;

    public InvalidSpecException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the name of the field that broke its rule */
    public String field() {
        return field;
    }
}
