package dev.aiworkbook.functions.text.http;

/**
 * A request the text functions refuse (chapter 06): what was wrong, what is accepted, and the
 * HTTP status an API Gateway event gets (400, 404, 409 or 413). Nothing stored is changed.
 */
public class BadRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    /**
     * @param status the HTTP status, 4xx
     * @param field the field of the request at fault
     * @param message what was wrong, with the value, and what is accepted
     */
    public BadRequestException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** @return the HTTP status, 4xx */
    public int status() {
        return status;
    }

    /** @return the field of the request at fault */
    public String field() {
        return field;
    }

    /** @return the status's short name, as the error body's {@code error} */
    public String error() {
        switch (status) {
            case 404: return "NotFound";
            case 409: return "Conflict";
            case 413: return "PayloadTooLarge";
            default: return "BadRequest";
        }
    }
}
