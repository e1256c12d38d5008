package jp.tsunagu.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document ({@code /q/openapi}) against the endpoints actually served: every
 * JAX-RS resource method of the service and of the kit, found in the compiled classes, is an
 * operation of the document with the problem+json answers and headers its annotations call for,
 * and the document has no operation that no method serves. For client generators and linters
 * ({@code clients/check.sh}): every operation has a unique operationId (the resource method's name)
 * and a description ending with the roles it needs, the security scheme is Keycloak's OpenID Connect
 * discovery without scopes, and the servers are set. Each service's {@code OpenApiTest}
 * ({@code @QuarkusTest}) extends it, beside its {@code ServiceBasicsTest}.
 */
public abstract class OpenApiContract {

    private static final String WS = "jakarta.ws.rs.";
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Pattern OPERATION_ID = Pattern.compile("^[a-z][A-Za-z0-9]*$");
    private static final String DISCOVERY = "/.well-known/openid-configuration";

    private JsonNode document;

    /** The service's root package, e.g. {@code jp.tsunagu.cases}. */
    protected abstract String servicePackage();

    @BeforeEach
    void readTheDocument() throws IOException {
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void everyEndpointIsAnOperationAndEveryOperationAnEndpoint() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("resource methods of %s", servicePackage())
                .anyMatch(e -> e.path().equals("/api/v1/me"));
        Set<String> served = new TreeSet<>();
        endpoints.forEach(e -> served.add(e.method() + " " + e.path()));
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (HTTP_METHODS.contains(op.getKey().toUpperCase(Locale.ROOT))) {
                documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void everyOperationDocumentsTheProblemsAndHeadersOfItsAnnotations() {
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            JsonNode operation = document.path("paths").path(endpoint.path()).path(endpoint.method().toLowerCase(Locale.ROOT));
            String at = endpoint.method() + " " + endpoint.path() + " (" + endpoint.javaMethod() + ")";
            if (operation.isMissingNode()) {
                missing.add(at + ": not in the document");
                continue;
            }
            for (String status : endpoint.expectedProblems()) {
                JsonNode response = operation.path("responses").path(status);
                if (!PROBLEM_REF.equals(response.path("content").path("application/problem+json").path("schema")
                        .path("$ref").asText())) {
                    missing.add(at + ": no problem+json " + status);
                }
            }
            for (String header : endpoint.expectedHeaders()) {
                if (!hasHeaderParameter(operation, header)) {
                    missing.add(at + ": no " + header + " header parameter");
                }
            }
            if (endpoint.takesIfMatch()) {
                operation.path("responses").properties().stream().filter(r -> r.getKey().startsWith("2"))
                        .filter(r -> r.getValue().path("headers").path("ETag").isMissingNode())
                        .forEach(r -> missing.add(at + ": " + r.getKey() + " without the ETag header"));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyErrorOfTheDocumentIsAProblemAndEveryVersionedBodyHasItsETag() {
        List<String> wrong = new ArrayList<>();
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(names(schemas.path("Problem").path("properties"))).containsExactlyInAnyOrder(
                "type", "title", "status", "detail", "instance", "requestId", "violations", "currentVersion",
                "allowedMoves");
        assertThat(names(schemas.path("Violation").path("properties"))).containsExactlyInAnyOrder("field", "message");
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                op.getValue().path("responses").properties().forEach(response -> {
                    String at = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + response.getKey();
                    JsonNode content = response.getValue().path("content");
                    if (response.getKey().startsWith("4") && !PROBLEM_REF.equals(
                            content.path("application/problem+json").path("schema").path("$ref").asText())) {
                        wrong.add(at + ": not a problem");
                    }
                    if (response.getKey().startsWith("2") && carriesAVersion(schemas, content)
                            && response.getValue().path("headers").path("ETag").isMissingNode()) {
                        wrong.add(at + ": a body with a version and no ETag header");
                    }
                })));
        assertThat(wrong).isEmpty();
    }

    /** api.md: a POST that creates accepts an Idempotency-Key; a mobile app's retry records nothing twice. */
    @Test
    void everyPostThatCreatesTakesAnIdempotencyKey() {
        List<String> wrong = new ArrayList<>();
        operations((at, operation) -> {
            boolean takesKey = false;
            for (JsonNode parameter : operation.path("parameters")) {
                takesKey |= "header".equals(parameter.path("in").asText())
                        && "Idempotency-Key".equalsIgnoreCase(parameter.path("name").asText());
            }
            if (at.startsWith("POST ") && operation.path("responses").has("201") && !takesKey) {
                wrong.add(at + " creates (201) without an Idempotency-Key header: make its resource method @Idempotent");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyOperationHasItsOwnOperationIdNamingWhatItDoes() {
        Map<String, List<String>> byId = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        operations((at, operation) -> {
            String id = operation.path("operationId").asText("");
            if (!OPERATION_ID.matcher(id).matches()) {
                wrong.add(at + ": operationId '" + id + "' is not ^[a-z][A-Za-z0-9]*$");
            }
            byId.computeIfAbsent(id, k -> new ArrayList<>()).add(at);
        });
        byId.forEach((id, at) -> {
            if (at.size() > 1) {
                wrong.add("operationId '" + id + "' names " + at + ": rename the resource methods");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyOperationIsDescribedWithTheRolesItNeeds() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            JsonNode operation = document.path("paths").path(endpoint.path()).path(endpoint.method().toLowerCase(Locale.ROOT));
            String at = endpoint.method() + " " + endpoint.path() + " (" + endpoint.javaMethod() + ")";
            String description = operation.path("description").asText("").strip();
            String lastLine = description.substring(description.lastIndexOf('\n') + 1);
            if (!lastLine.equals(endpoint.rolesLine())) {
                wrong.add(at + ": description ends with '" + lastLine + "', not '" + endpoint.rolesLine() + "'");
            } else if (description.equals(lastLine)) {
                wrong.add(at + ": a description with nothing but its roles");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theSecuritySchemeIsKeycloaksOpenIdConnectAndRolesAreNoScopes() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(names(schemes)).as("security schemes").hasSize(1);
        String name = names(schemes).getFirst();
        JsonNode scheme = schemes.path(name);
        assertThat(scheme.path("type").asText()).isEqualTo("openIdConnect");
        assertThat(scheme.path("openIdConnectUrl").asText()).isEqualTo(expectedOpenIdConnectUrl())
                .matches("^https?://.+/realms/[^/]+" + Pattern.quote(DISCOVERY) + "$");
        List<String> wrong = new ArrayList<>();
        List<JsonNode> requirements = new ArrayList<>();
        document.path("security").forEach(requirements::add);
        operations((at, operation) -> operation.path("security").forEach(requirement -> {
            requirement.properties().forEach(entry -> {
                if (!entry.getKey().equals(name)) {
                    wrong.add(at + ": security names the undefined scheme " + entry.getKey());
                }
                if (!entry.getValue().isArray() || !entry.getValue().isEmpty()) {
                    wrong.add(at + ": scopes " + entry.getValue() + " (roles are not OpenID Connect scopes)");
                }
            });
        }));
        requirements.forEach(requirement -> requirement.properties().forEach(entry -> {
            if (!entry.getKey().equals(name) || !entry.getValue().isEmpty()) {
                wrong.add("document security " + requirement);
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void theServersAreSet() {
        List<String> servers = new ArrayList<>();
        document.path("servers").forEach(server -> {
            servers.add(server.path("url").asText());
            assertThat(server.path("description").asText()).as("a server Quarkus made up").isNotEqualTo("Auto generated value");
        });
        assertThat(servers).isNotEmpty().allMatch(url -> url.matches("^https?://[^/\\s]+(/\\S*)?$"), "an absolute URL");
    }

    /** As Quarkus decides it: the OIDC server the service verifies tokens with, else the configured default. */
    private static String expectedOpenIdConnectUrl() {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .map(url -> url.endsWith(DISCOVERY) ? url : url.replaceAll("/$", "") + DISCOVERY)
                .orElseGet(() -> config.getValue("quarkus.smallrye-openapi.oidc-open-id-connect-url", String.class));
    }

    /** Each operation of the document, with where it is ({@code GET /api/v1/me}). */
    private void operations(BiConsumer<String, JsonNode> action) {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (HTTP_METHODS.contains(op.getKey().toUpperCase(Locale.ROOT))) {
                action.accept(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean carriesAVersion(JsonNode schemas, JsonNode content) {
        for (JsonNode type : content) {
            JsonNode schema = type.path("schema");
            String ref = schema.path("$ref").asText("");
            if (ref.startsWith("#/components/schemas/")) {
                schema = schemas.path(ref.substring("#/components/schemas/".length()));
            }
            if (schema.path("properties").has("version")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasHeaderParameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if ("header".equals(parameter.path("in").asText()) && name.equalsIgnoreCase(parameter.path("name").asText())
                    && !parameter.path("description").asText().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The resource methods of the service and of the kit (e.g. {@code /api/v1/me}), from their bytecode. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JavaClass type : Walls.mainClasses(servicePackage(), "jp.tsunagu.platform")) {
            Optional<String> root = annotationValue(type, WS + "Path");
            if (root.isEmpty() || type.getModifiers().contains(JavaModifier.ABSTRACT) || type.isInterface()) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                Optional<String> http = method.getAnnotations().stream()
                        .map(a -> a.getRawType().getName())
                        .filter(n -> n.startsWith(WS) && HTTP_METHODS.contains(n.substring(WS.length())))
                        .map(n -> n.substring(WS.length())).findFirst();
                if (http.isPresent()) {
                    endpoints.add(Endpoint.of(type, method, http.get(),
                            path(root.get(), annotationValue(method, WS + "Path").orElse(""))));
                }
            }
        }
        return endpoints;
    }

    static String path(String root, String sub) {
        String joined = ("/" + root + "/" + sub).replaceAll("/+", "/").replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    static Optional<String> annotationValue(HasAnnotations<?> element, String annotation) {
        return element.getAnnotations().stream().filter(a -> a.getRawType().getName().equals(annotation))
                .findFirst().flatMap(a -> a.get("value")).map(Object::toString);
    }

    /** A served operation and what its annotations call for in the document. */
    record Endpoint(String method, String path, String javaMethod, List<String> expectedProblems,
                    List<String> expectedHeaders, boolean takesIfMatch, String rolesLine) {

        static Endpoint of(JavaClass type, JavaMethod method, String http, String path) {
            boolean secured = annotated(method, type, "jakarta.annotation.security.RolesAllowed")
                    || annotated(method, type, "io.quarkus.security.Authenticated");
            boolean body = false;
            boolean parameters = false;
            boolean pathParameter = false;
            boolean ifMatch = false;
            boolean idempotencyKey = method.getAnnotations().stream()
                    .anyMatch(a -> a.getRawType().getSimpleName().equals("Idempotent"));
            for (JavaParameter parameter : method.getParameters()) {
                Optional<JavaAnnotation<JavaParameter>> jaxrs = parameter.getAnnotations().stream()
                        .filter(a -> a.getRawType().getName().startsWith(WS)).findFirst();
                if (jaxrs.isEmpty()) {
                    String typeName = parameter.getRawType().getName();
                    body |= !typeName.startsWith(WS) && !typeName.startsWith("io.vertx.") && !typeName.startsWith("io.quarkus.");
                    continue;
                }
                String kind = jaxrs.get().getRawType().getSimpleName();
                parameters |= !kind.equals("Context");
                pathParameter |= kind.equals("PathParam");
                String name = jaxrs.get().get("value").map(Object::toString).orElse("");
                ifMatch |= kind.equals("HeaderParam") && name.equalsIgnoreCase("If-Match");
                idempotencyKey |= kind.equals("HeaderParam") && name.equalsIgnoreCase("Idempotency-Key");
            }
            List<String> problems = new ArrayList<>();
            List<String> headers = new ArrayList<>();
            if (body || parameters) {
                problems.add("400");
            }
            if (secured) {
                problems.addAll(List.of("401", "403"));
            }
            if (pathParameter) {
                problems.add("404");
            }
            if (!http.equals("GET")) {
                problems.add("409");
            }
            if (ifMatch) {
                problems.addAll(List.of("412", "428"));
                headers.add("If-Match");
            }
            if (body) {
                problems.addAll(List.of("413", "415"));
            }
            if (idempotencyKey) {
                problems.add("422");
                headers.add("Idempotency-Key");
            }
            return new Endpoint(http, path, type.getSimpleName() + "." + method.getName(), problems, headers, ifMatch,
                    rolesLine(type, method));
        }

        /** The last line of the operation's description its security annotations call for. */
        private static String rolesLine(JavaClass type, JavaMethod method) {
            String rolesAllowed = "jakarta.annotation.security.RolesAllowed";
            String authenticated = "io.quarkus.security.Authenticated";
            String permitAll = "jakarta.annotation.security.PermitAll";
            Optional<Object> roles = method.isAnnotatedWith(rolesAllowed)
                    ? method.getAnnotationOfType(rolesAllowed).get("value")
                    : method.isAnnotatedWith(authenticated) || method.isAnnotatedWith(permitAll) ? Optional.empty()
                    : type.tryGetAnnotationOfType(rolesAllowed).flatMap(a -> a.get("value"));
            if (roles.isPresent()) {
                return "Roles: " + String.join(", ", Arrays.stream((Object[]) roles.get()).map(Object::toString).toList()) + ".";
            }
            boolean signedIn = method.isAnnotatedWith(authenticated)
                    || !method.isAnnotatedWith(permitAll) && type.isAnnotatedWith(authenticated);
            return signedIn ? "Roles: any (a valid token)." : "Roles: none (no token needed).";
        }

        private static boolean annotated(JavaMethod method, JavaClass type, String annotation) {
            return method.isAnnotatedWith(annotation) || type.isAnnotatedWith(annotation);
        }
    }
}
