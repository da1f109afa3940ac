package dev.aiworkbook.functions.text.model;

/**
 * A model that cannot be used: a file missing, damaged or unreadable (chapter 06). The
 * message names the file and says how to get it back.
 */
public class ModelException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the file, and how to fix it
     * @param cause the underlying failure, or null
     */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
