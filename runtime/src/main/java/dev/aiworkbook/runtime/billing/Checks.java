package dev.aiworkbook.runtime.billing;

/** The guards of the billing package: each failure names the field, the rule and the value. */
final class Checks {

    private Checks() {
    }

    static void require(boolean ok, String field, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(field + " " + rule + ", was: " + quoted(value));
        }
    }

    static String quoted(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
