package dev.aiworkbook.functions.image.video;

import dev.aiworkbook.functions.image.data.FashionMnist;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A generated camera feed (chapter 06): Fashion-MNIST test garments, one after another, each
 * sliding across a dark, noisy floor like goods past a fixed camera, light on dark as the
 * model was trained. Every frame is encoded as the camera would send it (JPEG or PNG), and
 * its true label is known, so the accuracy of the function on the stream can be measured.
 *
 * <p>Deterministic: frame {@code i} depends only on the seed and {@code i}. Scene {@code k}
 * (frames {@code k·framesPerItem} to {@code (k+1)·framesPerItem − 1}) shows one test item,
 * picked by the seed, scaled to {@code side = round(0.9 × height)} pixels, and moving from one
 * edge to the other (left to right in even scenes) with a small vertical bob. Each pixel is
 * {@code max(floor + noise, garment)}: the floor is a vertical gradient from gray 12 to 30,
 * the noise Gaussian with a standard deviation of 6 gray levels, drawn afresh per frame.
 *
 * <p>Worked example: 160 × 120 frames, 25 per item: the garment is 108 px, and moves
 * {@code (160 − 108) / 24 ≈ 2.2} px per frame; the function shrinks the whole frame to 28 × 21,
 * so the garment reaches it about 19 px tall, off centre, on a noisy floor: harder than the
 * test set, which is why the stream's accuracy is lower (see the chapter's README).
 */
public final class SyntheticCamera implements FrameSource {

    private static final double SIDE_SHARE = 0.9;
    private static final double NOISE_SD = 6;

    private final FashionMnist items;
    private final int width;
    private final int height;
    private final int frames;
    private final int framesPerItem;
    private final long seed;
    private final String format;

    private SyntheticCamera(FashionMnist items, int width, int height, int frames,
            int framesPerItem, long seed, String format) {
        this.items = items;
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.framesPerItem = framesPerItem;
        this.seed = seed;
        this.format = format;
    }

    /**
     * A feed of garments from a Fashion-MNIST split.
     *
     * @param items the garments to show, usually the committed test set
     * @param width frame width in pixels, 56..1920, at least the height
     * @param height frame height in pixels, 28..1080
     * @param frames how many frames in all, 1..1,000,000
     * @param framesPerItem how many frames each garment stays in view, 1..10,000
     * @param seed picks the garments and the noise
     * @param format {@code "JPEG"} (or {@code "jpg"}) or {@code "PNG"}, in any case
     * @return the feed
     * @throws IllegalArgumentException naming the argument, its rule and its value
     */
    public static SyntheticCamera of(FashionMnist items, int width, int height, int frames,
            int framesPerItem, long seed, String format) {
        require(items != null && items.count() > 0, "items must hold at least one image");
        require(height >= 28 && height <= 1080, "height must be 28..1080, was: " + height);
        require(width >= Math.max(56, height) && width <= 1920, "width must be 56..1920 and at"
                + " least the height (" + height + "), was: " + width);
        require(frames >= 1 && frames <= 1_000_000, "frames must be 1..1000000, was: " + frames);
        require(framesPerItem >= 1 && framesPerItem <= 10_000, "framesPerItem must be"
                + " 1..10000, was: " + framesPerItem);
        return new SyntheticCamera(items, width, height, frames, framesPerItem, seed,
                formatOf(format));
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public Frame frame(int index) {
        if (index < 0 || index >= frames) {
            throw new IndexOutOfBoundsException("frame must be 0.." + (frames - 1) + ", was: "
                    + index);
        }
        int item = itemOf(index / framesPerItem);
        BufferedImage picture = render(index, item);
        return new Frame(index, encode(picture), format, items.label(item),
                "camera frame " + index + " (test item " + item + ")");
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "generated camera feed: %d frames of %dx%d %s, %d per"
                + " garment, seed %d", frames, width, height, format, framesPerItem, seed);
    }

    /**
     * @param scene which scene, from 0
     * @return the test item it shows
     */
    int itemOf(int scene) {
        return new Random(seed * 1_000_003L + scene).nextInt(items.count());
    }

    /** @return the frame as pixels, before encoding; package-private for the tests */
    BufferedImage render(int index, int item) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(seed * 7_919L + index * 104_729L + 1);
        int side = (int) Math.round(SIDE_SHARE * height);
        int[] garment = items.pixels(item);
        int[] at = position(index, side);
        for (int y = 0; y < height; y++) {
            int floor = 12 + 18 * y / height;
            for (int x = 0; x < width; x++) {
                int gray = clamp((int) Math.round(floor + noise.nextGaussian() * NOISE_SD));
                int gx = x - at[0];
                int gy = y - at[1];
                if (gx >= 0 && gx < side && gy >= 0 && gy < side) {
                    int source = (gy * FashionMnist.SIDE / side) * FashionMnist.SIDE
                            + gx * FashionMnist.SIDE / side;
                    gray = Math.max(gray, garment[source]);
                }
                image.setRGB(x, y, gray * 0x010101);
            }
        }
        return image;
    }

    /** @return the garment's top-left corner {x, y} in this frame */
    int[] position(int index, int side) {
        int scene = index / framesPerItem;
        double progress = framesPerItem == 1 ? 0.5
                : (double) (index % framesPerItem) / (framesPerItem - 1);
        if (scene % 2 == 1) progress = 1 - progress;
        int x = (int) Math.round(progress * (width - side));
        int room = (height - side) / 2;
        int y = room + (int) Math.round(Math.sin(progress * 2 * Math.PI) * room * 0.8);
        return new int[] {x, y};
    }

    private byte[] encode(BufferedImage picture) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            if (!ImageIO.write(picture, format.equals("PNG") ? "png" : "jpg", out)) {
                throw new IllegalStateException("this JDK has no " + format + " encoder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a frame as " + format, e);
        }
        return out.toByteArray();
    }

    private static String formatOf(String format) {
        String upper = format == null ? "" : format.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("JPG")) return "JPEG";
        require(upper.equals("JPEG") || upper.equals("PNG"), "format must be JPEG (or jpg) or"
                + " PNG, was: \"" + format + "\"");
        return upper;
    }

    private static int clamp(int gray) {
        return Math.max(0, Math.min(255, gray));
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
