package dev.aiworkbook.functions.text.model;

import java.util.Locale;

/**
 * The languages the text functions embed, each with its model (chapter 06): MiniLM's
 * vocabulary turns most Chinese characters into [UNK], so Chinese needs a model of its own.
 */
public enum Language {
    /** English, embedded by all-MiniLM-L6-v2. */
    EN("all-minilm-l6-v2"),
    /** Chinese, embedded by bge-small-zh-v1.5 (quantized). */
    ZH("bge-small-zh-v15-q");

    // A text whose letters are at least this share of Han characters is Chinese.
    private static final double HAN_SHARE = 0.2;

    private final String model;

    Language(String model) {
        this.model = model;
    }

    /** @return the folder name of this language's model */
    public String model() {
        return model;
    }

    /**
     * Guesses the language from the script: Chinese if at least a fifth of the letters are Han.
     *
     * @param text any text
     * @return ZH or EN
     */
    public static Language detect(String text) {
        int letters = 0;
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) continue;
            letters++;
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) han++;
        }
        return letters > 0 && han >= HAN_SHARE * letters ? ZH : EN;
    }

    /**
     * Reads a language code.
     *
     * @param code "en", "zh" or "auto" (any case)
     * @param text the text, for "auto"
     * @return the language
     * @throws IllegalArgumentException for any other code
     */
    public static Language of(String code, String text) {
        switch (code.toLowerCase(Locale.ROOT)) {
            case "en": return EN;
            case "zh": return ZH;
            case "auto": return detect(text);
            default: throw new IllegalArgumentException("language must be \"en\", \"zh\" or"
                    + " \"auto\", was: \"" + code + "\"");
        }
    }
}
