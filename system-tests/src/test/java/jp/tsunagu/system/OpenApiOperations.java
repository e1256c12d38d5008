package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.local.Service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation the four running services publish at {@code /q/openapi}: method, path, its path
 * parameters, whether it takes a JSON body, and the roles its description names ("Roles: ...").
 * Read from the services themselves, so an endpoint added tomorrow is in every test built on it.
 */
public record OpenApiOperations(List<Operation> all) {

    private static final Pattern ROLES = Pattern.compile("Roles: ([^\\n]*)");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One operation. {@code roles} is empty for "any (a valid token)"; {@code open} when no token is needed. */
    public record Operation(Service service, String method, String path, String operationId, List<String> pathParams,
                            List<String> queryParams, List<String> headerParams, boolean hasBody, Optional<String> bodySchema,
                            Set<String> roles, boolean anyRole, boolean open, JsonNode node) {

        public String label() {
            return service.module().replace("-service", "") + "." + operationId;
        }

        public boolean allows(String role) {
            return open || anyRole || roles.contains(role);
        }
    }

    public static OpenApiOperations read(HttpClient http) {
        List<Operation> operations = new ArrayList<>();
        for (Service service : Service.values()) {
            JsonNode document = document(http, service);
            Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
                while (methods.hasNext()) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    if (METHODS.contains(method.getKey())) {
                        operations.add(operation(service, method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                    }
                }
            }
        }
        return new OpenApiOperations(List.copyOf(operations));
    }

    public JsonNode schemas(Service service, HttpClient http) {
        return document(http, service).path("components").path("schemas");
    }

    private static Operation operation(Service service, String method, String path, JsonNode node) {
        List<String> pathParams = new ArrayList<>();
        List<String> query = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (JsonNode parameter : node.path("parameters")) {
            switch (parameter.path("in").asText()) {
                case "path" -> pathParams.add(parameter.path("name").asText());
                case "query" -> query.add(parameter.path("name").asText());
                case "header" -> headers.add(parameter.path("name").asText());
                default -> { }
            }
        }
        JsonNode json = node.path("requestBody").path("content").path("application/json");
        Optional<String> schema = json.isMissingNode() ? Optional.empty()
                : Optional.of(json.path("schema").path("$ref").asText("").replaceFirst(".*/", ""));
        Matcher roles = ROLES.matcher(node.path("description").asText(""));
        if (!roles.find()) {
            throw new IllegalStateException(service.module() + " " + method + " " + path + " names no roles in its description");
        }
        String named = roles.group(1).trim();
        boolean open = named.startsWith("none");
        boolean any = named.startsWith("any");
        Set<String> set = open || any ? Set.of() : Set.copyOf(Arrays.stream(named.replaceAll("\\.$", "").split(","))
                .map(String::trim).toList());
        return new Operation(service, method, path, node.path("operationId").asText(), List.copyOf(pathParams),
                List.copyOf(query), List.copyOf(headers), !node.path("requestBody").isMissingNode(), schema, set, any, open, node);
    }

    private static JsonNode document(HttpClient http, Service service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(RunningSystem.get().url(service) + "/q/openapi?format=json")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(service.module() + " /q/openapi: " + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
