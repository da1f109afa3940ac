package dev.aiworkbook.functions.image.preprocess;

/**
 * Input the function cannot classify, with the field at fault and what it accepts; the HTTP
 * handler answers it with 400.
 */
public final class BadInputException extends IllegalArgumentException {

    /** What the function accepts, for every error message. */
    public static final String ACCEPTED = "Send a PNG or JPEG picture (the raw bytes as the"
            + " request body, or base64 in JSON {\"image\": \"...\"}), or JSON {\"pixels\": [784"
            + " gray levels 0..255, row by row, light on dark]}; optional \"k\" (or ?k=) 1..10.";

    private final String field;

    /**
     * @param field the input field at fault, such as "image", "pixels" or "k"
     * @param problem what was wrong, with the bad value
     */
    public BadInputException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    /** @return the field at fault */
    public String field() {
        return field;
    }
}
