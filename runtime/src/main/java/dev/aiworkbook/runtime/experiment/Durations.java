package dev.aiworkbook.runtime.experiment;

import java.time.Duration;

/** Short human forms of durations for tables: {@code 90s}, {@code 10m}, {@code 1h30m}. */
final class Durations {

    private Durations() {
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) return s + "s";
        if (s < 3600) return s % 60 == 0 ? s / 60 + "m" : s / 60 + "m" + s % 60 + "s";
        long m = (s % 3600) / 60;
        return s / 3600 + "h" + (m == 0 ? "" : m + "m");
    }
}
