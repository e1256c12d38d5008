package jp.tsunagu.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/** One request of an application's load: method, path, a JSON body made afresh for each (or none), the status it expects. */
record FootprintCall(String method, String path, Supplier<String> body, int expected) {

    static FootprintCall get(String path) {
        return new FootprintCall("GET", path, () -> null, 200);
    }

    static FootprintCall post(String path, Supplier<String> body) {
        return new FootprintCall("POST", path, body, 201);
    }

    HttpRequest request(String baseUrl, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        String json = body.get();
        return json == null ? request.GET().build() : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }
}
