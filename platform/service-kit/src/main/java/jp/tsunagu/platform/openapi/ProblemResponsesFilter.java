package jp.tsunagu.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Completes every service's OpenAPI document with what the kit does for every endpoint, decided
 * from what the JAX-RS annotations already put in the document (registered for every service by
 * {@code mp.openapi.filter} in the kit's microprofile-config.properties, through {@link OpenApiFilters}):
 * <ul>
 *   <li>the problem+json answers ({@link ProblemDocs#RESPONSES}): 400 with {@code violations} where the
 *   operation takes parameters or a body, 401 and 403 where it is secured, 404 where its path names
 *   an object, 409 on every change, 412 and 428 where it takes {@code If-Match}, 413 and 415 where
 *   it takes a body, 422 where it takes {@code Idempotency-Key}; any 4xx an operation declares
 *   itself gets the Problem body too;</li>
 *   <li>the {@code If-Match} and {@code Idempotency-Key} request headers described (an operation
 *   declares them: a {@code @HeaderParam}, or {@code @Parameter(in = HEADER)} where an interceptor
 *   reads the header);</li>
 *   <li>the {@code ETag} response header on the 2xx answers that carry a version: of an operation
 *   taking {@code If-Match}, of a GET beside one, and wherever the body's schema has a
 *   {@code version}.</li>
 * </ul>
 */
public class ProblemResponsesFilter implements OASFilter {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String IF_MATCH = "If-Match";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String ETAG = "ETag";
    static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(ProblemDocs.VIOLATION_SCHEMA, ProblemDocs.violationSchema());
        components.addSchema(ProblemDocs.SCHEMA, ProblemDocs.schema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            boolean versioned = operations.values().stream().anyMatch(o -> header(item, o, IF_MATCH).isPresent());
            operations.forEach((method, operation) ->
                    complete(components, item, method, operation, versioned, securedByDefault));
        }
    }

    private static void complete(Components components, PathItem item, PathItem.HttpMethod method, Operation operation,
                                 boolean versionedPath, boolean securedByDefault) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = parameters(item, operation);
        boolean body = operation.getRequestBody() != null;
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;
        boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        Optional<Parameter> ifMatch = header(item, operation, IF_MATCH);
        Optional<Parameter> idempotencyKey = header(item, operation, IDEMPOTENCY_KEY);

        if (body || !parameters.isEmpty()) {
            problem(responses, "400");
        }
        if (secured) {
            problem(responses, "401");
            problem(responses, "403");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            problem(responses, "404");
        }
        if (change) {
            problem(responses, "409");
        }
        ifMatch.ifPresent(p -> {
            p.setDescription(ProblemDocs.IF_MATCH_DESCRIPTION);
            problem(responses, "412");
            problem(responses, "428");
        });
        if (body) {
            problem(responses, "413");
            problem(responses, "415");
        }
        idempotencyKey.ifPresent(p -> {
            p.setDescription(ProblemDocs.IDEMPOTENCY_KEY_DESCRIPTION);
            problem(responses, "422");
        });
        // whatever 4xx the operation declares itself answers a problem too
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4")) {
                problem(responses, code);
            }
        });

        boolean versionAnswered = ifMatch.isPresent() || method == PathItem.HttpMethod.GET && versionedPath;
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2") && (versionAnswered || carriesAVersion(components, response))) {
                response.addHeader(ETAG, OASFactory.createHeader().description(ProblemDocs.ETAG_DESCRIPTION)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
            if (code.startsWith("2") && idempotencyKey.isPresent()) {
                response.addHeader("Idempotent-Replayed", OASFactory.createHeader()
                        .description("true when this is the first answer to the same Idempotency-Key, replayed")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN)));
            }
        });
    }

    /** Adds the problem answer for a status, or gives a declared one without a body the Problem body. */
    private static void problem(APIResponses responses, String code) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(ProblemDocs.RESPONSES.get(code));
            responses.addAPIResponse(code, response);
        } else if (response.getDescription() == null || response.getDescription().isBlank()
                || ProblemDocs.GENERIC_DESCRIPTIONS.contains(response.getDescription())) {
            response.setDescription(ProblemDocs.RESPONSES.getOrDefault(code, response.getDescription()));
        }
        if (response.getContent() == null || response.getContent().getMediaType(PROBLEM_JSON) == null) {
            Content content = response.getContent() != null ? response.getContent() : OASFactory.createContent();
            content.addMediaType(PROBLEM_JSON, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(SCHEMAS + ProblemDocs.SCHEMA)));
            response.setContent(content);
        }
    }

    private static boolean carriesAVersion(Components components, APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return false;
        }
        for (MediaType type : response.getContent().getMediaTypes().values()) {
            Schema schema = resolve(components, type.getSchema());
            if (schema != null && schema.getProperties() != null && schema.getProperties().containsKey("version")) {
                return true;
            }
        }
        return false;
    }

    private static Schema resolve(Components components, Schema schema) {
        if (schema != null && schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)
                && components.getSchemas() != null) {
            return components.getSchemas().get(schema.getRef().substring(SCHEMAS.length()));
        }
        return schema;
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    private static Optional<Parameter> header(PathItem item, Operation operation, String name) {
        return parameters(item, operation).stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()))
                .findFirst();
    }
}
