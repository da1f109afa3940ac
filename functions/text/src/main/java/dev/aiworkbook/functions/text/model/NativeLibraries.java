package dev.aiworkbook.functions.text.model;

/** Placeholder: filled in once the class-loader behaviour is measured. */
final class NativeLibraries {

    private NativeLibraries() {
    }

    static void prepare() {
    }
}
