package jp.tsunagu.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words and schemas {@link ProblemResponsesFilter} puts in the document: the Problem body of
 * {@link jp.tsunagu.platform.problem.Problem} and what each problem status means here.
 */
final class ProblemDocs {

    static final String SCHEMA = "Problem";
    static final String VIOLATION_SCHEMA = "Violation";

    static final Map<String, String> RESPONSES = Map.ofEntries(
            Map.entry("400", "Invalid request: `violations` names each wrong field, parameter or header and what is wrong"),
            Map.entry("401", "No valid token"),
            Map.entry("403", "The caller's role does not allow this"),
            Map.entry("404", "Not found, or not visible to the caller: another center's objects answer exactly like missing ones"),
            Map.entry("409", "Conflicts with the current state (e.g. a closed case, a concurrent change, an id used with another body)"),
            Map.entry("412", "If-Match names a version that is no longer current; `currentVersion` is the current one"),
            Map.entry("413", "The body is over 1 MiB"),
            Map.entry("415", "The body's media type is not one this operation takes"),
            Map.entry("422", "This Idempotency-Key was used with another body"),
            Map.entry("428", "If-Match is required: send the ETag of the version you change"));

    /** What the framework writes when it adds a response on its own: replaced by ours. */
    static final Set<String> GENERIC_DESCRIPTIONS = Set.of("Bad Request", "Not Authorized", "Not Allowed", "Not Found");

    static final String IF_MATCH_DESCRIPTION = "The ETag of the version this update changes, as answered in ETag (e.g. \"3\")."
            + " Missing: 428; no longer current: 412 with currentVersion; * changes whatever is current.";
    static final String IDEMPOTENCY_KEY_DESCRIPTION = "A key the client makes for this creation (e.g. a UUID; 1 to 255"
            + " visible ASCII characters). A retry with the same key and body within 24 h answers the first answer again"
            + " (Idempotent-Replayed: true); the same key with another body answers 422.";
    static final String ETAG_DESCRIPTION = "The version of the resource in the body (e.g. \"3\"): send it in If-Match to"
            + " change it.";

    private ProblemDocs() {
    }

    static Schema schema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem (application/problem+json): every error of this API has this shape")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string("A URI naming the kind of problem").format("uri-reference"))
                .addProperty("title", string("The kind of problem, in words"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("instance", string("The path of the request"))
                .addProperty("requestId", string("The request's id, as in the service's logs"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("400: each invalid field and what is wrong with it")
                        .items(OASFactory.createSchema().ref(ProblemResponsesFilter.SCHEMAS + VIOLATION_SCHEMA)))
                .addProperty("currentVersion", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int64").description("412: the version that is current"))
                .addProperty("allowedMoves", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("409 on a refused state move (e.g. a referral's status): the moves allowed from"
                                + " where the object is, by the caller's side; empty when none")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }

    static Schema violationSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a request")
                .required(List.of("field", "message"))
                .addProperty("field", string("Its path in the request, e.g. members[0].role, or a parameter or header name"))
                .addProperty("message", string("What is wrong with it"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
