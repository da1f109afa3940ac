package dev.aiworkbook.functions.text.model;

/**
 * DJL's settings for the text functions (chapter 06), applied before DJL starts: offline, so
 * it never probes the network, and no alternative engine, since the pooling is written here.
 * A setting already given on the command line is kept.
 */
final class DjlSettings {

    private DjlSettings() {
    }

    static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.onnx.disable_alternative", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
