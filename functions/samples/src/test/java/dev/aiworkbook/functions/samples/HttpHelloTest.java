package dev.aiworkbook.functions.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpHelloTest {

    private final HttpHello hello = new HttpHello();

    @Test
    @DisplayName("answers 200 text with the name from the query")
    void nameFromQuery() {
        APIGatewayV2HTTPResponse response = hello.handleRequest(event(Map.of("name", "Ada"),
                Map.of("name", "http-hello")), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("Hello, Ada!\n");
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/plain");
    }

    @Test
    @DisplayName("takes the name from the path when the query has none")
    void nameFromPath() {
        APIGatewayV2HTTPResponse response = hello.handleRequest(event(null,
                Map.of("name", "http-hello", "proxy", "Bo")), null);

        assertThat(response.getBody()).isEqualTo("Hello, Bo!\n");
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> query,
            Map<String, String> path) {
        return APIGatewayV2HTTPEvent.builder()
                .withQueryStringParameters(query)
                .withPathParameters(path)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET").build())
                        .build())
                .build();
    }
}
