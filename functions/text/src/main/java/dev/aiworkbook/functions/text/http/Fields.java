package dev.aiworkbook.functions.text.http;

import java.util.List;
import java.util.Map;

/** Typed reads of a request's fields, refusing a wrong one with a {@link BadRequestException}. */
public final class Fields {

    private final Map<String, Object> request;

    private Fields(Map<String, Object> request) {
        this.request = request;
    }

    /** @return a reader of the request's fields; a null request has none */
    public static Fields of(Map<String, Object> request) {
        return new Fields(request == null ? Map.of() : request);
    }

    /** @return whether the field is given (and not null) */
    public boolean has(String field) {
        return request.get(field) != null;
    }

    /** @return the field's value as given, or null */
    public Object raw(String field) {
        return request.get(field);
    }

    /** A required text field. */
    public String text(String field, String accepted) {
        Object value = request.get(field);
        if (value == null) {
            throw new BadRequestException(400, field, field + " is required: " + accepted);
        }
        if (!(value instanceof String)) {
            throw new BadRequestException(400, field, field + " must be a text (" + accepted
                    + "), was: " + value);
        }
        return (String) value;
    }

    /** An optional text field. */
    public String text(String field, String fallback, String accepted) {
        return has(field) ? text(field, accepted) : fallback;
    }

    /** An optional whole number within bounds. */
    public int integer(String field, int fallback, int min, int max) {
        Object value = request.get(field);
        if (value == null) return fallback;
        if (!(value instanceof Integer) || (Integer) value < min || (Integer) value > max) {
            throw new BadRequestException(400, field, field + " must be a whole number in "
                    + min + ".." + max + ", was: " + value);
        }
        return (Integer) value;
    }

    /** An optional number within bounds. */
    public double number(String field, double fallback, double min, double max) {
        Object value = request.get(field);
        if (value == null) return fallback;
        if (!(value instanceof Number) || ((Number) value).doubleValue() < min
                || ((Number) value).doubleValue() > max) {
            throw new BadRequestException(400, field, field + " must be a number in " + min
                    + ".." + max + ", was: " + value);
        }
        return ((Number) value).doubleValue();
    }

    /** A required list. */
    public List<?> list(String field, String accepted) {
        Object value = request.get(field);
        if (!(value instanceof List)) {
            throw new BadRequestException(400, field, field + " must be a list (" + accepted
                    + "), was: " + (value == null ? "missing" : value));
        }
        return (List<?>) value;
    }
}
