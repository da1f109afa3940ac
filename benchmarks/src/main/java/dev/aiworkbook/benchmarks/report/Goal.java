package dev.aiworkbook.benchmarks.report;

/**
 * One performance goal, evaluated on figures measured side by side in one run.
 *
 * @param name what the goal is about
 * @param figure the computed figure with its uncertainty and unit, or "not run"
 * @param derivation how the figure was computed from the scores
 * @param target the goal, such as "≤ 2 µs"
 * @param verdict MET, NOT MET, NOT RUN when a needed benchmark did not run, or NO_GOAL for
 *     a figure shown for information
 */
record Goal(String name, String figure, String derivation, String target, Verdict verdict) {

    /** Whether a goal's figure reaches its target. */
    enum Verdict {
        MET("MET"), NOT_MET("NOT MET"), NOT_RUN("NOT RUN"), NO_GOAL("for information");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        static Verdict of(boolean met) {
            return met ? MET : NOT_MET;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
