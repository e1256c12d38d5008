package jp.tsunagu.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jp.tsunagu.events.ServiceAnswer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Contract tests of the answers between services: a body, as the answering service sends it or as
 * a stub plays it, checked against its JSON Schema of platform/events (formats asserted).
 */
public final class ContractSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<ServiceAnswer, JsonSchema> SCHEMAS = new EnumMap<>(ServiceAnswer.class);

    private ContractSchemas() {
    }

    /** What the schema refuses in the body; empty when it keeps the contract. */
    public static List<String> violations(ServiceAnswer answer, String body) {
        try {
            JsonNode document = JSON.readTree(body);
            return schema(answer).validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getClass().getSimpleName());
        }
    }

    /** Throws an {@link AssertionError} naming what the schema refuses in the body. */
    public static String requireValid(ServiceAnswer answer, String body) {
        List<String> violations = violations(answer, body);
        if (!violations.isEmpty()) {
            throw new AssertionError(answer.contractName() + " refuses " + body + ": " + violations);
        }
        return body;
    }

    private static synchronized JsonSchema schema(ServiceAnswer answer) {
        return SCHEMAS.computeIfAbsent(answer, a -> {
            try (InputStream in = ServiceAnswer.class.getResourceAsStream(a.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no schema " + a.schemaResource());
                }
                return FACTORY.getSchema(JSON.readTree(in), CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
