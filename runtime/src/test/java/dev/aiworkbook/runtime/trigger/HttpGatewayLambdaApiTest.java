package dev.aiworkbook.runtime.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.function.Json;
import dev.aiworkbook.runtime.testfunctions.Await;
import dev.aiworkbook.runtime.testfunctions.Failing;
import dev.aiworkbook.runtime.testfunctions.Filler;
import dev.aiworkbook.runtime.testfunctions.Greeter;
import dev.aiworkbook.runtime.testfunctions.Sleeper;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpGatewayLambdaApiTest {

    private static final String FUNCTIONS = "/2015-03-31/functions";

    private final Dispatcher platform = Dispatcher.on(VirtualClock.atEpoch());
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpGateway gateway;

    @BeforeEach
    void start() {
        deploy(FunctionSpec.of("greeter", Greeter.class.getName()).withMemoryMb(256),
                Greeter.class);
        gateway = HttpGateway.start(platform, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        gateway.close();
        platform.close();
    }

    @Test
    @DisplayName("the gateway listens on loopback, on the free port it was given")
    void listensOnLoopback() {
        assertThat(gateway.port()).isPositive();
        assertThat(gateway.url()).isEqualTo("http://127.0.0.1:" + gateway.port());
    }

    @Test
    @DisplayName("ListFunctions describes each function as Lambda does, with or without a slash")
    void listFunctions() throws Exception {
        HttpResponse<String> plain = get(FUNCTIONS);
        HttpResponse<String> slash = get(FUNCTIONS + "/");

        assertThat(plain.statusCode()).isEqualTo(200);
        JsonNode fn = json(plain).get("Functions").get(0);
        assertThat(fn.get("FunctionName").asText()).isEqualTo("greeter");
        assertThat(fn.get("FunctionArn").asText()).endsWith(":function:greeter");
        assertThat(fn.get("Runtime").asText()).isEqualTo("java17");
        assertThat(fn.get("Handler").asText()).isEqualTo(Greeter.class.getName());
        assertThat(fn.get("MemorySize").asInt()).isEqualTo(256);
        assertThat(fn.get("Timeout").asInt()).isEqualTo(3);
        assertThat(fn.get("Version").asText()).isEqualTo("1");
        assertThat(json(plain).get("NextMarker").isNull()).isTrue();
        assertThat(slash.statusCode()).isEqualTo(200);
        assertThat(slash.body()).isEqualTo(plain.body());
    }

    @Test
    @DisplayName("ListFunctions pages with MaxItems and Marker")
    void listFunctionsPages() throws Exception {
        deploy(FunctionSpec.of("alpha", Greeter.class.getName()), Greeter.class);
        deploy(FunctionSpec.of("zulu", Greeter.class.getName()), Greeter.class);

        JsonNode first = json(get(FUNCTIONS + "?MaxItems=2"));
        String marker = first.get("NextMarker").asText();
        JsonNode second = json(get(FUNCTIONS + "?MaxItems=2&Marker=" + marker));

        assertThat(first.get("Functions")).extracting(f -> f.get("FunctionName").asText())
                .containsExactly("alpha", "greeter");
        assertThat(second.get("Functions")).extracting(f -> f.get("FunctionName").asText())
                .containsExactly("zulu");
        assertThat(second.get("NextMarker").isNull()).isTrue();
    }

    @Test
    @DisplayName("a bad MaxItems is a 400 that names the parameter and the range")
    void badMaxItems() throws Exception {
        HttpResponse<String> response = get(FUNCTIONS + "?MaxItems=0");

        assertError(response, 400, "InvalidParameterValueException");
        assertThat(json(response).get("field").asText()).isEqualTo("MaxItems");
        assertThat(json(response).get("message").asText()).contains("1..10000", "\"0\"");
    }

    @Test
    @DisplayName("RequestResponse answers 200 with the result and the executed version")
    void invokeRequestResponse() throws Exception {
        HttpResponse<String> response = invoke("greeter", "{\"name\":\"Ada\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("message").asText()).isEqualTo("Hello, Ada!");
        assertThat(response.headers().firstValue("X-Amz-Executed-Version")).hasValue("1");
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
        assertThat(response.headers().firstValue("X-Amz-Log-Result")).isEmpty();
    }

    @Test
    @DisplayName("Tail returns the last 4 KB of the log, START to REPORT, in base64")
    void invokeWithLogTail() throws Exception {
        HttpResponse<String> response = send(invokeRequest("greeter", "{\"name\":\"Ada\"}")
                .header("X-Amz-Log-Type", "Tail"));

        String log = new String(Base64.getDecoder().decode(
                response.headers().firstValue("X-Amz-Log-Result").orElseThrow()),
                StandardCharsets.UTF_8);
        assertThat(log).startsWith("START RequestId: ").contains("greeting Ada\n",
                "END RequestId: ", "REPORT RequestId: ", "Memory Size: 256 MB");
    }

    @Test
    @DisplayName("Event answers 202 at once, DryRun 204, and neither returns a body")
    void invokeEventAndDryRun() throws Exception {
        HttpResponse<String> event = send(invokeRequest("greeter", "{}")
                .header("X-Amz-Invocation-Type", "Event"));
        HttpResponse<String> dryRun = send(invokeRequest("greeter", "{}")
                .header("X-Amz-Invocation-Type", "DryRun"));

        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(event.body()).isEmpty();
        assertThat(dryRun.statusCode()).isEqualTo(204);
        assertThat(dryRun.body()).isEmpty();
    }

    @Test
    @DisplayName("a handler exception is a 200 with X-Amz-Function-Error and Lambda's error JSON")
    void functionErrorIsUnhandled() throws Exception {
        deploy(FunctionSpec.of("failing", Failing.class.getName()), Failing.class);

        HttpResponse<String> response = invoke("failing", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
        assertThat(json(response).get("errorMessage").asText()).isEqualTo("the database is down");
        assertThat(json(response).get("errorType").asText())
                .isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    @DisplayName("a timeout is a function error too, worded as Lambda words it")
    void timeoutIsUnhandled() throws Exception {
        deploy(FunctionSpec.of("sleeper", Sleeper.class.getName())
                .withTimeout(Duration.ofSeconds(1)), Sleeper.class);

        HttpResponse<String> response = invoke("sleeper", "{\"millis\":3000}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
        assertThat(json(response).get("errorMessage").asText())
                .isEqualTo("Task timed out after 1.00 seconds");
    }

    @Test
    @DisplayName("a result over 6 MB is refused as Lambda refuses it: a function error")
    void resultOverLimitIsFunctionError() throws Exception {
        deploy(FunctionSpec.of("filler", Filler.class.getName()), Filler.class);

        HttpResponse<String> response = invoke("filler",
                "{\"chars\":" + HttpGateway.SYNC_PAYLOAD_LIMIT + "}");

        assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
        assertThat(json(response).get("errorType").asText())
                .isEqualTo("Function.ResponseSizeTooLarge");
    }

    @Test
    @DisplayName("a qualifier may be $LATEST or the current version; others are not found")
    void qualifierIsChecked() throws Exception {
        assertThat(invoke("greeter:$LATEST", "{}").statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri(FUNCTIONS + "/greeter/invocations?Qualifier=1"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(200);
        assertThat(invoke("arn:aws:lambda:local:000000000000:function:greeter", "{}")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> alias = invoke("greeter:prod", "{}");

        assertError(alias, 404, "ResourceNotFoundException");
        assertThat(json(alias).get("message").asText()).contains("greeter:prod", "$LATEST");
    }

    @Test
    @DisplayName("an unknown function is a 404 that names the deployed ones")
    void unknownFunction() throws Exception {
        HttpResponse<String> response = invoke("nope", "{}");

        assertError(response, 404, "ResourceNotFoundException");
        assertThat(json(response).get("message").asText()).contains("\"nope\"", "greeter");
    }

    @Test
    @DisplayName("a malformed payload is a 400 that says where the JSON broke")
    void malformedPayload() throws Exception {
        HttpResponse<String> response = invoke("greeter", "{\"name\": Ada}");

        assertError(response, 400, "InvalidRequestContentException");
        assertThat(json(response).get("message").asText()).contains("line 1, column");
        assertThat(json(response).get("field").asText()).isEqualTo("Payload");
        assertThat(json(response).has("docs")).isTrue();
    }

    @Test
    @DisplayName("trailing text after the JSON value is malformed too")
    void trailingTokens() throws Exception {
        assertError(invoke("greeter", "{} {}"), 400, "InvalidRequestContentException");
    }

    @Test
    @DisplayName("an unknown invocation type is a 400 naming the accepted ones")
    void unknownInvocationType() throws Exception {
        HttpResponse<String> response = send(invokeRequest("greeter", "{}")
                .header("X-Amz-Invocation-Type", "Later"));

        assertError(response, 400, "InvalidParameterValueException");
        assertThat(json(response).get("message").asText())
                .contains("RequestResponse, Event, DryRun", "\"Later\"");
        assertThat(json(response).get("field").asText()).isEqualTo("X-Amz-Invocation-Type");
    }

    @Test
    @DisplayName("an unknown log type is a 400 naming None and Tail")
    void unknownLogType() throws Exception {
        HttpResponse<String> response = send(invokeRequest("greeter", "{}")
                .header("X-Amz-Log-Type", "Full"));

        assertError(response, 400, "InvalidParameterValueException");
        assertThat(json(response).get("message").asText()).contains("None, Tail");
    }

    @Test
    @DisplayName("a payload of exactly 6 MB is taken; one byte more is a 413")
    void syncPayloadLimit() throws Exception {
        String fits = jsonString(HttpGateway.SYNC_PAYLOAD_LIMIT);
        String tooBig = jsonString(HttpGateway.SYNC_PAYLOAD_LIMIT + 1);

        HttpResponse<String> taken = send(invokeRequest("greeter", fits)
                .header("X-Amz-Invocation-Type", "DryRun"));
        HttpResponse<String> refused = invoke("greeter", tooBig);

        assertThat(taken.statusCode()).isEqualTo(204);
        assertError(refused, 413, "RequestEntityTooLargeException");
        assertThat(json(refused).get("message").asText()).contains("6,291,456");
    }

    @Test
    @DisplayName("a 7 MB body sent in chunks, with no length, is refused with 413 as well")
    void chunkedPayloadOverLimit() throws Exception {
        byte[] body = jsonString(7 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body));

        HttpResponse<String> response = send(HttpRequest.newBuilder(
                uri(FUNCTIONS + "/greeter/invocations")).POST(chunked));

        assertError(response, 413, "RequestEntityTooLargeException");
    }

    @Test
    @DisplayName("an Event payload may be 1 MB: one byte more is a 413")
    void asyncPayloadLimit() throws Exception {
        HttpResponse<String> taken = send(invokeRequest("greeter",
                jsonString(HttpGateway.ASYNC_PAYLOAD_LIMIT))
                .header("X-Amz-Invocation-Type", "Event"));
        HttpResponse<String> refused = send(invokeRequest("greeter",
                jsonString(HttpGateway.ASYNC_PAYLOAD_LIMIT + 1))
                .header("X-Amz-Invocation-Type", "Event"));

        assertThat(taken.statusCode()).isEqualTo(202);
        assertError(refused, 413, "RequestEntityTooLargeException");
        assertThat(json(refused).get("message").asText()).contains("1,048,576", "Event");
    }

    @Test
    @DisplayName("beyond max instances a call is a 429 with Retry-After")
    void throttled() throws Exception {
        deploy(FunctionSpec.of("sleeper", Sleeper.class.getName()).withMaxInstances(1),
                Sleeper.class);
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                invokeRequest("sleeper", "{\"millis\":800}").build(),
                HttpResponse.BodyHandlers.ofString());
        Await.inFlight(platform, "sleeper", 1);

        HttpResponse<String> second = invoke("sleeper", "{\"millis\":1}");

        assertError(second, 429, "TooManyRequestsException");
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(second).get("message").asText()).contains("maxInstances");
        assertThat(slow.get().statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("bad input loses nothing: the function still answers afterwards")
    void badInputLosesNothing() throws Exception {
        invoke("greeter", "{\"name\":\"Ada\"}");
        invoke("greeter", "not json");
        invoke("greeter", jsonString(HttpGateway.SYNC_PAYLOAD_LIMIT + 10));

        HttpResponse<String> after = invoke("greeter", "{\"name\":\"Bo\"}");

        assertThat(json(after).get("calls").asInt()).as("the warm instance kept its state")
                .isEqualTo(2);
    }

    @Test
    @DisplayName("an unknown path is a 404 that lists the routes")
    void unknownRoute() throws Exception {
        HttpResponse<String> response = get("/nothing/here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("message").asText()).contains("/fn/{name}");
    }

    private void deploy(FunctionSpec spec, Class<?> handler) {
        platform.deploy(spec, FunctionCode.ofClasspath(handler));
    }

    private static String jsonString(int totalBytes) {
        return "\"" + "a".repeat(totalBytes - 2) + "\"";
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> invoke(String name, String payload) throws Exception {
        return send(invokeRequest(name, payload));
    }

    private HttpRequest.Builder invokeRequest(String name, String payload) {
        String encoded = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri(FUNCTIONS + "/" + encoded + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(payload));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(gateway.url() + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String type)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        assertThat(json(response).get("errorType").asText()).isEqualTo(type);
        assertThat(json(response).get("message").asText()).isNotBlank();
    }
}
