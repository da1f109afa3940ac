package dev.aiworkbook.runtime.function;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as deploy descriptors write them, {@code 300ms} to {@code 1d} (chapter 01). */
public final class Durations {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Reads a duration with its unit.
     *
     * @param text such as {@code 10s}
     * @return the duration
     * @throws IllegalArgumentException naming the accepted forms if {@code text} has none
     */
    public static Duration parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("must be a whole number with a unit, ms, s, m, h"
                    + " or d (300ms, 10s, 10m, 1h, 1d), was: \"" + text + "\"");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /**
     * Writes a duration in the largest unit that keeps it whole.
     *
     * @param duration the duration
     * @return such as {@code 10m}, {@code 1d} or {@code 1500ms}
     */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) return ms / 86_400_000 + "d";
        if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}
