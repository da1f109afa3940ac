package dev.aiworkbook.functions.image.preprocess;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the PNG or JPEG pictures the function accepts (chapter 05), and refuses the rest by
 * their first bytes, before any decoder runs: a GIF, BMP, WebP or text is named as such.
 */
public final class ImageDecoder {

    /** Larger pictures are refused before decoding: 25 megapixels of ARGB is 100 MB. */
    public static final int MAX_PIXELS = 25_000_000;

    private ImageDecoder() {
    }

    /**
     * @param bytes the file's bytes
     * @return the picture
     * @throws BadInputException if it is empty, not PNG or JPEG, damaged or too large
     */
    public static BufferedImage decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new BadInputException("image", "The image is empty. "
                    + BadInputException.ACCEPTED);
        }
        String format = formatOf(bytes);
        if (!format.equals("PNG") && !format.equals("JPEG")) {
            throw new BadInputException("image", "Unsupported image format: " + format
                    + " (" + bytes.length + " bytes). Only PNG and JPEG are accepted. "
                    + BadInputException.ACCEPTED);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(
                new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("no " + format + " decoder");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new BadInputException("image", "The " + format + " is "
                            + reader.getWidth(0) + " × " + reader.getHeight(0) + " pixels, more"
                            + " than the " + MAX_PIXELS + " accepted; send a smaller picture.");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) throw bad;
            throw new BadInputException("image", "The " + format + " image could not be"
                    + " decoded (" + e.getMessage() + "): the bytes are damaged or cut short. "
                    + BadInputException.ACCEPTED);
        }
    }

    /**
     * @param bytes a file's first bytes
     * @return "PNG", "JPEG", "GIF", "BMP", "WebP", "TIFF", "text" or "unknown"
     */
    public static String formatOf(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return "PNG";
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) return "JPEG";
        if (startsWith(bytes, 'G', 'I', 'F', '8')) return "GIF";
        if (startsWith(bytes, 'B', 'M')) return "BMP";
        if (startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W'
                && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "WebP";
        }
        if (startsWith(bytes, 'I', 'I', 42, 0) || startsWith(bytes, 'M', 'M', 0, 42)) return "TIFF";
        return looksLikeText(bytes) ? "text" : "unknown";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    private static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(bytes.length, 512);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) return false;
        }
        return true;
    }
}
