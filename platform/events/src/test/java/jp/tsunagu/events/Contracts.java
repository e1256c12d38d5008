package jp.tsunagu.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** What the contract tests share: the mapper producers use, the schemas, and record reflection. */
final class Contracts {

    /** Configured as the brief for producers says: java.time as ISO strings. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** Formats asserted, not only annotated (draft 2020-12 makes them annotations by default). */
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private static final Map<EventType, JsonSchema> SCHEMAS = new EnumMap<>(EventType.class);

    private Contracts() {
    }

    static JsonNode readResource(String path) {
        try (InputStream in = EventType.class.getResourceAsStream(path)) {
            assertThat(in).as("classpath resource %s", path).isNotNull();
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode schemaNode(EventType type) {
        return readResource(type.schemaResource());
    }

    static synchronized JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> FACTORY.getSchema(schemaNode(t), CONFIG));
    }

    static Set<ValidationMessage> validate(EventType type, JsonNode document) {
        return schema(type).validate(document);
    }

    static JsonNode toJson(Object data) {
        return MAPPER.valueToTree(data);
    }

    static Object[] components(Record record) {
        return Arrays.stream(record.getClass().getRecordComponents()).map(c -> {
            try {
                return c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).toArray();
    }

    /** Builds a record of the same class through its canonical constructor, unwrapping its exceptions. */
    @SuppressWarnings("unchecked")
    static <R extends Record> R construct(Class<R> type, Object[] values) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same record with one component replaced. */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] all = record.getClass().getRecordComponents();
        Object[] values = components(record);
        int index = -1;
        for (int i = 0; i < all.length; i++) {
            if (all[i].getName().equals(component)) {
                index = i;
            }
        }
        assertThat(index).as("component %s of %s", component, record.getClass()).isNotNegative();
        values[index] = value;
        return construct((Class<R>) record.getClass(), values);
    }
}
