package jp.tsunagu.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.local.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Plain requests with java.net.http, which sends what it is given (no fixing up of bodies or
 * content types as RestAssured does): for tests that must choose every byte.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** HTTP/1.1 only: every refusal is an answer with a status (HTTP/2 may reset the stream instead). */
    public static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Api() {
    }

    public static HttpResponse<String> send(Service service, String method, String pathAndQuery, String token,
                                            String contentType, byte[] body, Map<String, String> headers) {
        return send(HTTP, service, method, pathAndQuery, token, contentType, body, headers);
    }

    public static HttpResponse<String> send(HttpClient client, Service service, String method, String pathAndQuery,
                                            String token, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSystem.get().url(service) + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status alone, for an answer whose body never ends (a stream); the body is closed unread. */
    public static int status(Service service, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RunningSystem.get().url(service) + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> json(Service service, String method, String path, String token, Object body,
                                            Map<String, String> headers) {
        try {
            return send(service, method, path, token, body == null ? null : "application/json",
                    body == null ? null : JSON.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer's JSON, with the status checked. */
    public static JsonNode expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                try {
                    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError(response.request().method() + " " + response.uri() + ": " + response.statusCode() + " "
                + response.body());
    }
}
