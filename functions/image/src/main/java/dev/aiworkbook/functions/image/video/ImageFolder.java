package dev.aiworkbook.functions.image.video;

import dev.aiworkbook.functions.image.preprocess.ImageDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Frames read from a folder of PNG and JPEG files, in file-name order (chapter 06), such as
 * the stills a camera wrote ({@code frame-0001.jpg}, {@code frame-0002.jpg}, ...).
 *
 * <p>Files named {@code *.png}, {@code *.jpg} or {@code *.jpeg} (any case) are frames; other
 * files and sub-folders are skipped. Every frame's first bytes are checked when the folder is
 * opened, so a damaged or mislabelled file is refused by name before the stream starts.
 *
 * <p>A frame's true label is read from its name when a class name appears there as whole
 * words, with hyphens, underscores or spaces between them: {@code 0007_ankle-boot.png} is an
 * "Ankle boot", {@code 12-t-shirt.jpg} a "T-shirt/top" (the longer name wins over "shirt").
 * Other names are unlabelled, and the stream's accuracy counts only labelled frames.
 */
public final class ImageFolder implements FrameSource {

    /** The file-name endings read as frames. */
    public static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");
    private static final List<String> SLUGS = List.of("t-shirt", "trouser", "pullover",
            "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle-boot");

    private final Path folder;
    private final List<Path> files;
    private final List<String> formats;
    private final int skipped;

    private ImageFolder(Path folder, List<Path> files, List<String> formats, int skipped) {
        this.folder = folder;
        this.files = files;
        this.formats = formats;
        this.skipped = skipped;
    }

    /**
     * Lists and checks a folder's frames.
     *
     * @param folder a folder holding PNG or JPEG files
     * @return the frames, in name order
     * @throws IllegalArgumentException if the folder is missing or holds no PNG or JPEG file,
     *     or a file cannot be read or is not what its name says, naming it
     */
    public static ImageFolder open(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("the frame folder must be an existing folder of"
                    + " PNG or JPEG files, was: \"" + folder + "\"");
        }
        List<Path> entries = list(folder);
        List<Path> files = entries.stream().filter(ImageFolder::isFrame).toList();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("the frame folder \"" + folder + "\" holds no"
                    + " frame: no file named *.png, *.jpg or *.jpeg (" + entries.size()
                    + " other entries). Put the frames there, named so that their order"
                    + " sorts by name (frame-0001.jpg, frame-0002.jpg, ...).");
        }
        List<String> formats = new ArrayList<>();
        for (Path file : files) formats.add(check(file));
        return new ImageFolder(folder, files, formats, entries.size() - files.size());
    }

    @Override
    public int frames() {
        return files.size();
    }

    @Override
    public Frame frame(int index) {
        Path file = files.get(index);
        try {
            return new Frame(index, Files.readAllBytes(file), formats.get(index),
                    labelOf(file.getFileName().toString()), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frame " + index + " \"" + file + "\": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        long labelled = files.stream().filter(f -> labelOf(f.getFileName().toString()) >= 0)
                .count();
        return "folder " + folder + ": " + files.size() + " frames (" + labelled
                + " labelled by name)" + (skipped == 0 ? "" : ", " + skipped + " other entries"
                + " skipped");
    }

    /**
     * @param fileName a frame's file name
     * @return the class index its name gives, or -1 if none
     */
    static int labelOf(String fileName) {
        String words = "-" + String.join("-", fileName.toLowerCase(Locale.ROOT)
                .replaceFirst("\\.[a-z]+$", "").split("[^a-z]+")) + "-";
        int best = -1;
        for (int i = 0; i < SLUGS.size(); i++) {
            boolean found = words.contains("-" + SLUGS.get(i) + "-");
            if (found && (best < 0 || SLUGS.get(i).length() > SLUGS.get(best).length())) best = i;
        }
        return best;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the frame folder \"" + folder
                    + "\": " + e.getMessage(), e);
        }
    }

    private static boolean isFrame(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static String check(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the frame \"" + file + "\": "
                    + e.getMessage() + "; check its permissions", e);
        }
        String format = ImageDecoder.formatOf(head);
        if (format.equals("PNG") || format.equals("JPEG")) return format;
        throw new IllegalArgumentException("the frame \"" + file + "\" is not a PNG or JPEG"
                + " file: its first bytes are " + (head.length == 0 ? "missing (empty file)"
                : "those of " + format) + ". Only PNG and JPEG frames are accepted; convert it"
                + " or move it out of the folder.");
    }
}
