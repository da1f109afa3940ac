package dev.aiworkbook.functions.text.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;

/**
 * The folder that holds the named indexes, one Lucene index per sub-folder (chapter 06). The
 * index and query functions share it.
 *
 * <p>It is, in this order: the request's {@code directory}, the system property
 * {@code workbook.index.dir}, the environment variable {@code WORKBOOK_INDEX_DIR}, or
 * {@code workbook-indexes} in the temporary folder. On AWS Lambda both functions must mount
 * the same EFS file system there: each sandbox's /tmp is its own.
 */
public final class IndexRoot {

    /** The system property naming the folder of indexes. */
    public static final String PROPERTY = "workbook.index.dir";
    /** The environment variable naming the folder of indexes. */
    public static final String VARIABLE = "WORKBOOK_INDEX_DIR";
    /** What an index's name may be. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Path folder;

    private IndexRoot(Path folder) {
        this.folder = folder;
    }

    /**
     * @param folder the folder of indexes; created when the first index is
     * @return the root
     */
    public static IndexRoot at(Path folder) {
        return new IndexRoot(folder.toAbsolutePath().normalize());
    }

    /**
     * @param requested the request's {@code directory}, or null
     * @return the root the settings above name
     */
    public static IndexRoot locate(String requested) {
        String given = requested != null ? requested : Optional.ofNullable(
                System.getProperty(PROPERTY)).orElse(System.getenv(VARIABLE));
        if (given != null && !given.isBlank()) return at(Path.of(given));
        return at(Path.of(System.getProperty("java.io.tmpdir"), "workbook-indexes"));
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    /** @return the folder of one index, which may not exist yet */
    Path folderOf(String name) {
        return folder.resolve(name);
    }

    /** @return whether the index exists: its folder holds a committed Lucene index */
    public boolean exists(String name) {
        Path dir = folderOf(name);
        if (!Files.isDirectory(dir)) return false;
        try (FSDirectory directory = FSDirectory.open(dir)) {
            return org.apache.lucene.index.DirectoryReader.indexExists(directory);
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the names of the indexes that exist, sorted */
    public List<String> names() {
        if (!Files.isDirectory(folder)) return List.of();
        List<String> names = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(folder)) {
            dirs.map(p -> p.getFileName().toString()).filter(n -> NAME.matcher(n).matches())
                    .filter(this::exists).sorted().forEach(names::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + folder, e);
        }
        return names;
    }
}
