package dev.aiworkbook.functions.samples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * A standard API Gateway (HTTP API, payload format 2.0) handler (chapter 01): answers
 * {@code GET /fn/http-hello?name=Ada} with the text {@code Hello, Ada!}.
 *
 * <p>The name comes from the {@code name} query parameter, else from the path below the
 * function ({@code /fn/http-hello/Ada}), else it is "world".
 */
public class HttpHello
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event,
            Context context) {
        String name = nameIn(event);
        String method = event.getRequestContext() == null ? "?"
                : event.getRequestContext().getHttp().getMethod();
        if (context != null) context.getLogger().log(method + " greeting " + name);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/plain; charset=utf-8"))
                .withBody("Hello, " + name + "!\n")
                .build();
    }

    private static String nameIn(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = event.getQueryStringParameters();
        if (query != null && query.get("name") != null && !query.get("name").isBlank()) {
            return query.get("name");
        }
        Map<String, String> path = event.getPathParameters();
        if (path != null && path.get("proxy") != null && !path.get("proxy").isBlank()) {
            return path.get("proxy");
        }
        return "world";
    }
}
