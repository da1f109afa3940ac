package dev.aiworkbook.functions.image.model;

/** A model that cannot be loaded, saying which file is at fault and how to get it. */
public final class ModelUnavailableException extends IllegalStateException {

    /** How to get the shipped model back. */
    public static final String HOW_TO_GET = "The model ships with the workbook in"
            + " models/fashion-mnist-cnn/ (restore it with `git checkout --"
            + " models/fashion-mnist-cnn`), or train it again with"
            + " `scripts/jbang chapters/05-project-practice/ProjectPractice.java --full`;"
            + " FASHION_MODEL_DIR names another folder holding manifest.json and the .params file.";

    /** @param message what is missing or wrong, and what to do */
    public ModelUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what is missing or wrong, and what to do
     * @param cause the underlying failure
     */
    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
