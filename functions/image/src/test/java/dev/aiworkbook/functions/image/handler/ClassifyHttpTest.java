package dev.aiworkbook.functions.image.handler;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.util.JsonUtils;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.JsonObject;
import dev.aiworkbook.functions.image.Pictures;
import dev.aiworkbook.functions.image.TestData;
import dev.aiworkbook.functions.image.model.FashionClassifier;
import dev.aiworkbook.functions.image.preprocess.ImagePreprocessor;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClassifyHttpTest {

    private static ImageFunction function;
    private static ClassifyHttp handler;

    @BeforeAll
    static void load() {
        function = new ImageFunction(FashionClassifier.load(TestData.MODEL),
                new ImagePreprocessor());
        handler = new ClassifyHttp(function);
    }

    @AfterAll
    static void close() {
        function.close();
    }

    @Test
    @DisplayName("a PNG photo of an ankle boot, dark on white, is an ankle boot")
    void classifiesAPng() {
        byte[] png = Pictures.encode(Pictures.of(0, 5, true), "png");

        JsonObject body = ok(binary(png, "2"));

        assertThat(body.getAsJsonArray("predictions")).hasSize(2);
        assertThat(top(body)).isEqualTo("Ankle boot");
        assertThat(body.get("input").getAsString()).isEqualTo("PNG 140x140");
    }

    @Test
    @DisplayName("JSON with base64 JPEG, and JSON with 784 pixels, are classified too")
    void classifiesJson() {
        String jpeg = Base64.getEncoder().encodeToString(
                Pictures.encode(Pictures.of(1, 4, true), "jpg"));
        String pixels = Arrays.stream(TestData.test().pixels(1)).mapToObj(Integer::toString)
                .collect(Collectors.joining(",", "[", "]"));

        String trueLabel = dev.aiworkbook.functions.image.data.FashionMnist.LABELS
                .get(TestData.test().label(1));
        assertThat(top(ok(text("{\"image\":\"" + jpeg + "\"}")))).isEqualTo(trueLabel);
        assertThat(top(ok(text("{\"pixels\":" + pixels + ",\"k\":1}")))).isEqualTo(trueLabel);
    }

    @Test
    @DisplayName("bad input gets 400 naming the field: damaged image, GIF, text, wrong length, k")
    void badInputIs400() {
        byte[] png = Pictures.encode(Pictures.of(0, 5, true), "png");
        byte[] gif = Pictures.encode(Pictures.of(0, 1, true), "gif");

        assertBad(binary(Arrays.copyOf(png, 100), null), "image", "could not be decoded");
        assertBad(binary(gif, null), "image", "GIF");
        assertBad(text("hello"), "image", "text");
        assertBad(text("{\"pixels\":[1,2,3]}"), "pixels", "was: 3 numbers");
        assertBad(binary(png, "0"), "k", "1..10");
        assertBad(binary(png, "11"), "k", "was: \"11\"");
        assertBad(text("{\"pixels\":[1],\"image\":\"x\"}"), "image", "both");
        assertBad(new APIGatewayV2HTTPEvent(), "body", "no body");
    }

    private static void assertBad(APIGatewayV2HTTPEvent event, String field, String words) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        JsonObject body = JsonUtils.GSON.fromJson(response.getBody(), JsonObject.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(body.get("field").getAsString()).isEqualTo(field);
        assertThat(body.get("message").getAsString()).contains(words);
        assertThat(body.get("accepted").getAsString()).contains("PNG or JPEG");
    }

    private static JsonObject ok(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return JsonUtils.GSON.fromJson(response.getBody(), JsonObject.class);
    }

    private static String top(JsonObject body) {
        return body.getAsJsonArray("predictions").get(0).getAsJsonObject().get("label")
                .getAsString();
    }

    private static APIGatewayV2HTTPEvent binary(byte[] bytes, String k) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setBody(Base64.getEncoder().encodeToString(bytes));
        event.setIsBase64Encoded(true);
        if (k != null) event.setQueryStringParameters(Map.of("k", k));
        return event;
    }

    private static APIGatewayV2HTTPEvent text(String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setBody(body);
        return event;
    }
}
