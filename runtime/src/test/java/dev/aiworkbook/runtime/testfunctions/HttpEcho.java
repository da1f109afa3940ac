package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A standard API Gateway v2 handler that answers 201 with what it saw of the event, read
 * through the official event class, so a test can check every field arrived by its name.
 */
public class HttpEcho implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPEvent.RequestContext rc = event.getRequestContext();
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("version", event.getVersion());
        seen.put("routeKey", event.getRouteKey());
        seen.put("rawPath", event.getRawPath());
        seen.put("rawQueryString", event.getRawQueryString());
        seen.put("headers", event.getHeaders());
        seen.put("cookies", event.getCookies());
        seen.put("queryStringParameters", event.getQueryStringParameters());
        seen.put("pathParameters", event.getPathParameters());
        seen.put("body", event.getBody());
        seen.put("isBase64Encoded", event.getIsBase64Encoded());
        seen.put("method", rc.getHttp().getMethod());
        seen.put("path", rc.getHttp().getPath());
        seen.put("protocol", rc.getHttp().getProtocol());
        seen.put("sourceIp", rc.getHttp().getSourceIp());
        seen.put("userAgent", rc.getHttp().getUserAgent());
        seen.put("requestId", rc.getRequestId());
        seen.put("awsRequestId", context.getAwsRequestId());
        seen.put("time", rc.getTime());
        seen.put("timeEpoch", rc.getTimeEpoch());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json", "X-Echo", "yes"))
                .withCookies(List.of("session=abc; Path=/", "theme=dark"))
                .withBody(Json.write(seen))
                .build();
    }

    /** A tiny writer, so the handler needs nothing but the Lambda libraries and Jackson. */
    static final class Json {
        private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
                new com.fasterxml.jackson.databind.ObjectMapper();

        static String write(Object value) {
            try {
                return MAPPER.writeValueAsString(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
