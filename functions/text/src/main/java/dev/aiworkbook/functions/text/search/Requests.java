package dev.aiworkbook.functions.text.search;

import dev.aiworkbook.functions.text.http.BadRequestException;
import dev.aiworkbook.functions.text.http.Fields;
import java.util.List;

/** The request fields the index and query functions share, checked. */
final class Requests {

    private Requests() {
    }

    static String indexName(Fields in) {
        String name = in.text("index", "the index's name, [a-z0-9_-], 1..64 characters");
        if (!IndexRoot.NAME.matcher(name).matches()) {
            throw new BadRequestException(400, "index", "index must be 1..64 characters of"
                    + " a-z, 0-9, _ and -, starting with a letter or digit, was: \"" + name + "\"");
        }
        return name;
    }

    static float[] vector(Object value, String field, int dimensions) {
        if (!(value instanceof List)) {
            throw new BadRequestException(400, field, field + " must be a list of "
                    + dimensions + " numbers, was: " + value);
        }
        List<?> numbers = (List<?>) value;
        if (numbers.size() != dimensions) {
            throw new BadRequestException(400, field, field + " must have " + dimensions
                    + " numbers, the index's dimensions, had: " + numbers.size());
        }
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            if (!(numbers.get(i) instanceof Number)) {
                throw new BadRequestException(400, field, field + "[" + i + "] must be a number,"
                        + " was: " + numbers.get(i));
            }
            vector[i] = ((Number) numbers.get(i)).floatValue();
        }
        return vector;
    }
}
