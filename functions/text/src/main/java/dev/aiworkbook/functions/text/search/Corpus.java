package dev.aiworkbook.functions.text.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The small corpus shipped for chapter 06 ({@code corpus/en.tsv} and {@code corpus/zh.tsv},
 * CC BY 4.0, see {@code corpus/README.md}): short encyclopedia-style paragraphs.
 */
public final class Corpus {

    private Corpus() {
    }

    /**
     * One paragraph of the corpus.
     *
     * @param id its id, such as {@code en-tides}
     * @param title its title
     * @param text its text
     */
    public record Entry(String id, String title, String text) {
    }

    /** @return the English paragraphs */
    public static List<Entry> english() {
        return read("corpus/en.tsv");
    }

    /** @return the Chinese paragraphs */
    public static List<Entry> chinese() {
        return read("corpus/zh.tsv");
    }

    private static List<Entry> read(String resource) {
        InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("the corpus " + resource + " is missing");
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] cells = line.split("\t", 3);
                entries.add(new Entry(cells[0], cells[1], cells[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return entries;
    }
}
