package dev.aiworkbook.functions.text.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> texts(String text) {
        return splitter.split(text).stream().map(Sentence::text).toList();
    }

    @Test
    @DisplayName("English sentences end at . ! and ?")
    void splitsEnglish() {
        assertThat(texts("It rains. Does it? Yes!"))
                .containsExactly("It rains.", "Does it?", "Yes!");
    }

    @Test
    @DisplayName("no break after Dr., Mr., e.g. or an initial")
    void keepsAbbreviations() {
        assertThat(texts("Dr. Smith met Mr. J. Jones, e.g. at noon. Then he left."))
                .containsExactly("Dr. Smith met Mr. J. Jones, e.g. at noon.", "Then he left.");
    }

    @Test
    @DisplayName("Chinese sentences end at 。！？ and keep their closing quotes")
    void splitsChinese() {
        assertThat(texts("今天下雨。他说：“走吧！”我们走了？"))
                .containsExactly("今天下雨。", "他说：“走吧！”", "我们走了？");
    }

    @Test
    @DisplayName("a newline ends a paragraph, and with it a sentence")
    void paragraphsFirst() {
        List<Sentence> sentences = splitter.split("A title\nFirst line. Second.\n\nLast one");

        assertThat(sentences).extracting(Sentence::text)
                .containsExactly("A title", "First line.", "Second.", "Last one");
        assertThat(sentences).extracting(Sentence::paragraph).containsExactly(0, 1, 1, 2);
    }
}
