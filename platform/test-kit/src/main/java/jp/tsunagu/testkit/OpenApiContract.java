package jp.tsunagu.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document ({@code /q/openapi}) against the endpoints actually served: every
 * JAX-RS resource method of the service and of the kit, found in the compiled classes, is an
 * operation of the document with the problem+json answers and headers its annotations call for,
 * and the document has no operation that no method serves. Each service's {@code OpenApiTest}
 * ({@code @QuarkusTest}) extends it, beside its {@code ServiceBasicsTest}.
 */
public abstract class OpenApiContract {

    private static final String WS = "jakarta.ws.rs.";
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

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
                    List<String> expectedHeaders, boolean takesIfMatch) {

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
            return new Endpoint(http, path, type.getSimpleName() + "." + method.getName(), problems, headers, ifMatch);
        }

        private static boolean annotated(JavaMethod method, JavaClass type, String annotation) {
            return method.isAnnotatedWith(annotation) || type.isAnnotatedWith(annotation);
        }
    }
}
