package jp.tsunagu.referrals.api.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HSDS 3.0 schemas of Open Referral (src/test/resources/hsds, see its README), as the HSDS
 * OpenAPI document states them for each endpoint's answer. Formats (uuid, uri, email, date-time)
 * are asserted, not only annotated; the compiled schemas the document links to are read from the
 * test resources, never from the network.
 */
public final class HsdsSchemas {

    private static final String PUBLISHED = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
    private static final String OPENAPI = "classpath:hsds/openapi.json#/paths/";
    private static final String ANSWER = "/get/responses/200/content/application~1json/schema";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(PUBLISHED, "classpath:hsds/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code GET /}: the API's meta information. */
    public static final JsonSchema ROOT = answerOf("~1");
    /** {@code GET /services}: a Page of service_list items. */
    public static final JsonSchema SERVICES = answerOf("~1services");
    /** {@code GET /services/{id}}: a fully nested service (compiled/service.json). */
    public static final JsonSchema SERVICE = answerOf("~1services~1{id}");
    /** {@code GET /organizations}: a Page of organization_list items. */
    public static final JsonSchema ORGANIZATIONS = answerOf("~1organizations");

    private HsdsSchemas() {
    }

    private static JsonSchema answerOf(String path) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(OPENAPI + path + ANSWER), CONFIG);
        schema.initializeValidators();
        return schema;
    }

    public static Set<String> problems(JsonSchema schema, String json) {
        try {
            JsonNode document = JSON.readTree(json);
            return schema.validate(document).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void assertValid(JsonSchema schema, String json) {
        assertThat(problems(schema, json)).as("HSDS problems in %s", json).isEmpty();
    }
}
