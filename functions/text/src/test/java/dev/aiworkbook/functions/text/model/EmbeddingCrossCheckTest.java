package dev.aiworkbook.functions.text.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.functions.text.TestModels;
import dev.aiworkbook.functions.text.rank.Vectors;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Our DJL pipeline against langchain4j's own in-process code for the same weights.
 *
 * <p>DJL's engine must start first: it creates ONNX Runtime's one environment with its own
 * thread pools, and fails if langchain4j already created a plain one.
 */
class EmbeddingCrossCheckTest {

    @BeforeAll
    static void startDjlFirst() {
        TestModels.english();
        TestModels.chinese();
    }

    static final List<String> ENGLISH = List.of(
            "A cold start loads the model before the first request.",
            "Dr. Smith measured the latency of the warm instances.",
            "The quick brown fox jumps over the lazy dog.",
            "Serverless platforms bill memory multiplied by the time used.",
            "Lucene stores the vectors in a graph for approximate search.",
            "Paris is the capital of France.");
    static final List<String> CHINESE = List.of(
            "冷启动时函数要先加载模型。",
            "无服务器平台按内存和运行时间计费。",
            "今天北京的天气很好，我们去公园散步吧。",
            "向量检索可以按语义找到相近的文档。",
            "长城是中国古代的军事防御工程。",
            "Serverless 函数在 ONNX 模型上运行。");

    @Test
    @DisplayName("MiniLM: our vectors equal langchain4j's, cosine at least 0.9999")
    void miniLmMatchesLangchain4j() {
        EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();

        for (String sentence : concat(ENGLISH, CHINESE)) {
            float[] ours = TestModels.english().embed(sentence);
            float[] theirs = reference.embed(sentence).content().vector();

            assertThat(Vectors.cosine(ours, theirs)).as(sentence).isGreaterThanOrEqualTo(0.9999);
        }
    }

    @Test
    @DisplayName("bge-small-zh: our vectors equal langchain4j's on the same lowercased text")
    void bgeMatchesLangchain4j() {
        EmbeddingModel reference = new BgeSmallZhV15QuantizedEmbeddingModel();

        for (String sentence : concat(CHINESE, ENGLISH)) {
            float[] ours = TestModels.chinese().embed(sentence);
            // langchain4j does not lowercase: give it the text our embedder sees.
            float[] theirs = reference.embed(sentence.toLowerCase(Locale.ROOT)).content().vector();

            assertThat(Vectors.cosine(ours, theirs)).as(sentence).isGreaterThanOrEqualTo(0.9999);
        }
    }

    @Test
    @DisplayName("vectors have the manifest's length and unit norm")
    void vectorsAreUnitLength() {
        float[] english = TestModels.english().embed(ENGLISH.get(0));
        float[] chinese = TestModels.chinese().embed(CHINESE.get(0));

        assertThat(english).hasSize(384);
        assertThat(chinese).hasSize(512);
        assertThat(Vectors.dot(english, english)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(Vectors.dot(chinese, chinese)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
