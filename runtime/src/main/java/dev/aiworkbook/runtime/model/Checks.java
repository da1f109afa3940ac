package dev.aiworkbook.runtime.model;

import java.time.Duration;

/** The guards of the model package: each failure names the field, the rule and the value. */
final class Checks {

    private Checks() {
    }

    static double rate(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite rate of zero or more"
                    + " per second, was: " + value);
        }
        return value;
    }

    static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be finite and more than zero,"
                    + " was: " + value);
        }
        return value;
    }

    static double seconds(String field, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(field + " must be zero or more, was: " + value);
        }
        return value.toNanos() / 1e9;
    }

    static double positiveSeconds(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be more than zero, was: " + value);
        }
        return value.toNanos() / 1e9;
    }

    static int atLeastOne(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be 1 or more, was: " + value);
        }
        return value;
    }

    static double share(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be in (0, 1], was: " + value);
        }
        return value;
    }

    static double chance(String field, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(field + " must be a probability in (0, 1), was: "
                    + value);
        }
        return value;
    }
}
