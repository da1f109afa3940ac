package dev.aiworkbook.functions.image.handler;

import ai.djl.util.JsonUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.preprocess.BadInputException;
import java.util.Base64;
import java.util.Map;

/**
 * One request to classify, as either handler reads it (chapter 05): a picture's bytes, or 784
 * gray levels, and how many classes to answer.
 *
 * @param image the PNG or JPEG bytes, or null when pixels are given
 * @param pixels 784 gray levels 0..255, light on dark, or null when an image is given
 * @param k how many classes to answer, 1..10
 * @param zooModel the name of an ImageNet model in DJL's zoo, or null for the shipped model
 */
public record ClassifyRequest(byte[] image, float[] pixels, int k, String zooModel) {

    /** How many classes are answered when k is not given. */
    public static final int DEFAULT_K = 3;

    /**
     * @param json a JSON object with "image" (base64) or "pixels", and optionally "k"
     * @param k the k of the query string, or null
     * @return the request
     * @throws BadInputException naming the field at fault
     */
    static ClassifyRequest fromJson(String json, String k) {
        JsonObject object;
        try {
            JsonElement parsed = JsonUtils.GSON.fromJson(json, JsonElement.class);
            if (parsed == null || !parsed.isJsonObject()) throw new JsonParseException("not an object");
            object = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new BadInputException("body", "The body is neither a picture nor a JSON object"
                    + " (" + e.getMessage() + "). " + BadInputException.ACCEPTED);
        }
        return fromObject(object, k);
    }

    /**
     * @param event the Invoke API's event, already read into a map
     * @return the request
     * @throws BadInputException naming the field at fault
     */
    static ClassifyRequest fromMap(Map<String, Object> event) {
        if (event == null) {
            throw new BadInputException("event", "The event is empty. " + BadInputException.ACCEPTED);
        }
        return fromObject(JsonUtils.GSON.toJsonTree(event).getAsJsonObject(), null);
    }

    /**
     * @param image a picture's bytes
     * @param k the k of the query string, or null
     * @return the request
     */
    static ClassifyRequest ofImage(byte[] image, String k) {
        return new ClassifyRequest(image, null, parseK(k), null);
    }

    private static ClassifyRequest fromObject(JsonObject object, String queryK) {
        int k = object.has("k") ? kOf(object.get("k")) : parseK(queryK);
        boolean hasImage = object.has("image");
        boolean hasPixels = object.has("pixels");
        if (hasImage == hasPixels) {
            throw new BadInputException(hasImage ? "image" : "body", "Give exactly one of"
                    + " \"image\" and \"pixels\", was: " + (hasImage ? "both" : "neither")
                    + " (keys: " + object.keySet() + "). " + BadInputException.ACCEPTED);
        }
        String zoo = object.has("model") ? object.get("model").getAsString() : null;
        if (zoo != null && (zoo.isBlank() || zoo.equals(dev.aiworkbook.functions.image.model.FashionCnn.NAME))) zoo = null;
        if (hasImage) return new ClassifyRequest(base64(object.get("image")), null, k, zoo);
        if (zoo != null) {
            throw new BadInputException("model", "An ImageNet model takes a picture, not"
                    + " \"pixels\"; send \"image\" with \"model\": \"" + zoo + "\"");
        }
        return new ClassifyRequest(null, pixels(object.get("pixels")), k, null);
    }

    private static byte[] base64(JsonElement value) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new BadInputException("image", "\"image\" must be a base64 text of a PNG or"
                    + " JPEG file, was: " + abbreviate(value.toString()));
        }
        try {
            return Base64.getMimeDecoder().decode(value.getAsString());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("image", "\"image\" is not valid base64 ("
                    + e.getMessage() + "): " + abbreviate(value.getAsString()));
        }
    }

    private static float[] pixels(JsonElement value) {
        if (!value.isJsonArray()) {
            throw new BadInputException("pixels", "\"pixels\" must be an array of 784 numbers"
                    + " 0..255, was: " + abbreviate(value.toString()));
        }
        JsonArray array = value.getAsJsonArray();
        if (array.size() != FashionMnist.PIXELS) {
            throw new BadInputException("pixels", "\"pixels\" must hold 784 numbers (28 × 28,"
                    + " row by row), was: " + array.size() + " numbers");
        }
        float[] pixels = new float[FashionMnist.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            JsonElement item = array.get(i);
            boolean number = item.isJsonPrimitive() && item.getAsJsonPrimitive().isNumber();
            float level = number ? item.getAsFloat() : Float.NaN;
            if (!(level >= 0 && level <= 255)) {
                throw new BadInputException("pixels", "\"pixels\"[" + i + "] must be a gray level"
                        + " 0..255, was: " + abbreviate(item.toString()));
            }
            pixels[i] = level;
        }
        return pixels;
    }

    private static int kOf(JsonElement value) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw badK(value.toString());
        }
        return checkK(value.getAsDouble(), value.toString());
    }

    static int parseK(String text) {
        if (text == null || text.isBlank()) return DEFAULT_K;
        try {
            return checkK(Double.parseDouble(text.trim()), "\"" + text + "\"");
        } catch (NumberFormatException e) {
            throw badK("\"" + text + "\"");
        }
    }

    private static int checkK(double k, String shown) {
        if (k != Math.rint(k) || k < 1 || k > 10) throw badK(shown);
        return (int) k;
    }

    private static BadInputException badK(String shown) {
        return new BadInputException("k", "k must be a whole number 1..10 (there are ten"
                + " classes), was: " + abbreviate(shown));
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
