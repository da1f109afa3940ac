package dev.aiworkbook.functions.text.summary;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits text into sentences, English or Chinese (chapter 06): paragraphs at newlines first,
 * since {@link BreakIterator} never breaks there, then sentences at . ! ? and 。！？, with a
 * closing quote kept on its sentence.
 *
 * <p>BreakIterator also breaks after an abbreviation ("Dr. | Smith"): a piece that ends with
 * one of {@link #ABBREVIATIONS}, or with a single capital letter and a dot (an initial), is
 * joined to the next. Simplification: a sentence that truly ends with "etc." or "Inc." is then
 * joined to the next one too.
 */
public final class SentenceSplitter {

    /** Abbreviations after which a dot ends no sentence, compared without case. */
    static final Set<String> ABBREVIATIONS = Set.of("mr.", "mrs.", "ms.", "dr.", "prof.", "sr.",
            "jr.", "st.", "vs.", "etc.", "e.g.", "i.e.", "no.", "fig.", "inc.", "ltd.", "co.",
            "mt.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "u.s.", "approx.",
            "ca.", "cf.", "al.");
    private static final Pattern PARAGRAPHS = Pattern.compile("\\R+");
    private static final Pattern INITIAL = Pattern.compile("(^|\\s)\\p{Lu}\\.$");

    /**
     * @param text the text
     * @return its sentences in order, blank ones left out
     */
    public List<Sentence> split(String text) {
        List<Sentence> sentences = new ArrayList<>();
        String[] paragraphs = PARAGRAPHS.split(text);
        int paragraph = 0;
        for (String block : paragraphs) {
            if (block.isBlank()) continue;
            for (String piece : sentencesOf(block.strip())) {
                sentences.add(new Sentence(sentences.size(), paragraph, piece));
            }
            paragraph++;
        }
        return sentences;
    }

    private static List<String> sentencesOf(String paragraph) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
        breaks.setText(paragraph);
        List<String> pieces = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            pending.append(paragraph, start, end);
            String piece = pending.toString().strip();
            if (piece.isEmpty() || endsWithAbbreviation(piece)) continue;
            pieces.add(piece);
            pending.setLength(0);
        }
        if (!pending.toString().isBlank()) pieces.add(pending.toString().strip());
        return pieces;
    }

    static boolean endsWithAbbreviation(String piece) {
        if (INITIAL.matcher(piece).find()) return true;
        int space = piece.lastIndexOf(' ');
        String lastWord = piece.substring(space + 1).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(lastWord);
    }
}
