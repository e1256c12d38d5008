package jp.tsunagu.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.infra.InfraException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small client of the running system: real logins at Keycloak, JSON calls to the services. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Layout layout;

    public ApiClient(Layout layout) {
        this.layout = layout;
    }

    /** An access token of a demo user (password grant of the demo realm's public client). */
    public String login(String username) {
        String form = "grant_type=password&client_id=tsunagu-app&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=demo-password";
        HttpRequest request = HttpRequest.newBuilder(URI.create(layout.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(request, 200).get("access_token").asText();
    }

    /** An access token of a confidential client of the demo realm (client credentials: a partner agency's system). */
    public String clientLogin(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(layout.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(request, 200).get("access_token").asText();
    }

    public JsonNode call(String token, String method, Service service, String path, Object body, Map<String, String> headers,
                  int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(layout.serviceUrl(service) + path))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            }
            return send(request.build(), expectedStatus);
        } catch (IOException e) {
            throw new InfraException("demo data: " + method + " " + path + " failed", e);
        }
    }

    private JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expectedStatus) {
                throw new InfraException("demo data: " + request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new InfraException("demo data: " + request.uri() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted", e);
        }
    }
}
