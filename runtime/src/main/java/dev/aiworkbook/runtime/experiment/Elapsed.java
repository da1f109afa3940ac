package dev.aiworkbook.runtime.experiment;

import java.time.Duration;

/**
 * Elapsed time as a label for tables and timelines, in mixed units: {@code 45s}, {@code 14m37s},
 * {@code 1h30m}. (Deploy descriptors use single units; see {@code function.Durations}.)
 */
final class Elapsed {

    private Elapsed() {
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) return s + "s";
        if (s < 3600) return s % 60 == 0 ? s / 60 + "m" : s / 60 + "m" + s % 60 + "s";
        long m = (s % 3600) / 60;
        return s / 3600 + "h" + (m == 0 ? "" : m + "m");
    }
}
