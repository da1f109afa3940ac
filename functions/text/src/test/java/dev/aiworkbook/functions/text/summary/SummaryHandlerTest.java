package dev.aiworkbook.functions.text.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbook.functions.text.TestModels;
import dev.aiworkbook.functions.text.http.BadRequestException;
import dev.aiworkbook.functions.text.model.Embedders;
import dev.aiworkbook.functions.text.search.Corpus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SummaryHandlerTest {

    private final SummaryHandler handler = new SummaryHandler(
            Embedders.of(TestModels.english(), TestModels.chinese()));

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> picks(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("summary");
    }

    @Test
    @DisplayName("an English text: the picked sentences come in document order, with scores")
    void summarisesEnglish() {
        String text = String.join(" ", Corpus.english().get(12).text(),
                Corpus.english().get(13).text());

        Map<String, Object> answer = handler.handleRequest(Map.of("text", text, "sentences", 3),
                null);

        assertThat(answer).containsEntry("language", "en").containsEntry("model", "all-minilm-l6-v2")
                .containsEntry("sentences", 10);
        List<Integer> order = picks(answer).stream().map(p -> (Integer) p.get("index")).toList();
        assertThat(order).hasSize(3).isSorted();
        assertThat(picks(answer)).allSatisfy(p -> assertThat((Double) p.get("score")).isBetween(0.0, 1.0));
    }

    @Test
    @DisplayName("MMR at lambda 0.5 skips a sentence repeated word for word")
    void skipsADuplicate() {
        String text = "The cache keeps copies of data close to where it is used. "
                + "The cache keeps copies of data close to where it is used. "
                + "A glacier moves slowly down the valley. Whales sing long songs.";

        Map<String, Object> answer = handler.handleRequest(Map.of("text", text, "sentences", 2,
                "lambda", 0.5), null);

        assertThat(picks(answer)).extracting(p -> p.get("text")).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a Chinese text is detected and embedded by bge-small-zh")
    void summarisesChinese() {
        Map<String, Object> answer = handler.handleRequest(
                Map.of("text", Corpus.chinese().get(10).text(), "sentences", 2), null);

        assertThat(answer).containsEntry("language", "zh").containsEntry("model", "bge-small-zh-v15-q")
                .containsEntry("sentences", 5);
        assertThat(picks(answer)).hasSize(2);
    }

    @Test
    @DisplayName("empty text is refused: the message says what is accepted")
    void refusesEmptyText() {
        var error = assertThrows(BadRequestException.class,
                () -> handler.handleRequest(Map.of("text", " \n "), null));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error).hasMessageContaining("text must have at least one sentence");
    }

    @Test
    @DisplayName("a huge text over HTTP gets 413, naming the limit and the length")
    void refusesAHugeTextOverHttp() throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("text", "word ".repeat(5_000)));
        Map<String, Object> event = Map.of("rawPath", "/fn/summary", "body", body,
                "requestContext", Map.of("http", Map.of("method", "POST")));

        Map<String, Object> response = handler.handleRequest(event, null);

        assertThat(response).containsEntry("statusCode", 413);
        assertThat((String) response.get("body")).contains("at most 20000 characters")
                .contains("25000").contains("\"field\":\"text\"");
    }

    @Test
    @DisplayName("an API Gateway event gets a 200 response with the answer as its body")
    void answersAnHttpEvent() throws Exception {
        String body = "{\"text\":\"Tides rise twice a day. The Moon pulls the sea.\",\"sentences\":1}";
        Map<String, Object> event = Map.of("rawPath", "/fn/summary", "body", body,
                "requestContext", Map.of("http", Map.of("method", "POST")));

        Map<String, Object> response = handler.handleRequest(event, null);

        assertThat(response).containsEntry("statusCode", 200);
        assertThat((String) response.get("body")).contains("\"summary\":[");
    }
}
