package jp.tsunagu.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Each schema says exactly what its record holds: the same properties in the same order, each enum
 * listing exactly the Java enum's constants, the JSON type of each Java type, and a property required
 * exactly when the record refuses {@code null} for it.
 */
class SchemaMatchesRecordsTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaMatchesTheRecord(EventType type) {
        Record sample = (Record) EventSamples.sample(type);
        List<String> problems = new ArrayList<>();
        compare(sample, Contracts.schemaNode(type), type.type(), problems);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void enumsOfTheSchemaAreThoseOfJava(EventType type) {
        // the enum part of the comparison, on its own so that a failure names it
        Record sample = (Record) EventSamples.sample(type);
        List<String> compared = new ArrayList<>();
        enums(sample.getClass(), Contracts.schemaNode(type), compared);
        long enumsInFile = Contracts.schemaNode(type).findValues("enum").size();
        assertThat(compared).hasSize((int) enumsInFile);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void withEveryNullableComponentNullTheDocumentIsStillValid(EventType type) {
        Record sample = (Record) EventSamples.sample(type);
        JsonNode schema = Contracts.schemaNode(type);
        Record minimal = sample;
        for (RecordComponent component : sample.getClass().getRecordComponents()) {
            if (!isRequired(schema, component.getName())) {
                minimal = Contracts.with(minimal, component.getName(), null);
            }
        }
        JsonNode withNulls = Contracts.toJson(minimal);
        assertThat(Contracts.validate(type, withNulls)).as("%s", withNulls).isEmpty();
        // and with the nulls left out, as a mapper that skips nulls writes it
        ObjectNode withoutNulls = withNulls.deepCopy();
        withNulls.properties().stream().filter(p -> p.getValue().isNull()).map(p -> p.getKey())
                .forEach(withoutNulls::remove);
        assertThat(withoutNulls.size()).isLessThanOrEqualTo(withNulls.size());
        assertThat(Contracts.validate(type, withoutNulls)).as("%s", withoutNulls).isEmpty();
    }

    static void compare(Record sample, JsonNode schema, String at, List<String> problems) {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        if (!names.equals(properties)) {
            problems.add(at + ": properties " + properties + " are not the components " + names);
            return;
        }
        assertThat(schema.path("additionalProperties").asBoolean(true)).as(at).isFalse();
        Object[] values = Contracts.components(sample);
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String path = at + "." + component.getName();
            JsonNode property = schema.get("properties").get(component.getName());
            boolean required = isRequired(schema, component.getName());
            checkNullability(sample, component, required, property, path, problems);
            Class<?> raw = component.getType();
            if (Collection.class.isAssignableFrom(raw)) {
                Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                expectType(property, "array", path, problems);
                if (Set.class.isAssignableFrom(raw) && !property.path("uniqueItems").asBoolean()) {
                    problems.add(path + ": a Set is an array of uniqueItems");
                }
                JsonNode items = property.path("items");
                if (element.isRecord()) {
                    expectType(items, "object", path, problems);
                    compare((Record) ((Collection<?>) values[i]).iterator().next(), items, path + "[]", problems);
                } else {
                    checkScalar(element, items, path + "[]", problems);
                }
            } else {
                checkScalar(raw, property, path, problems);
            }
        }
    }

    private static void checkScalar(Class<?> type, JsonNode property, String at, List<String> problems) {
        if (type.isEnum()) {
            expectType(property, "string", at, problems);
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            if (!constantsOf(property).equals(constants)) {
                problems.add(at + ": enum " + constantsOf(property) + " is not " + type.getSimpleName() + " " + constants);
            }
        } else if (type == UUID.class) {
            expectFormat(property, "uuid", at, problems);
        } else if (type == Instant.class) {
            expectFormat(property, "date-time", at, problems);
        } else if (type == LocalDate.class) {
            expectFormat(property, "date", at, problems);
        } else if (type == String.class) {
            expectType(property, "string", at, problems);
            if (!property.has("pattern")) {
                problems.add(at + ": a String id needs a pattern");
            }
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            expectType(property, "integer", at, problems);
        } else if (type == boolean.class || type == Boolean.class) {
            expectType(property, "boolean", at, problems);
        } else {
            problems.add(at + ": no JSON mapping for " + type);
        }
        if (property.has("enum") && !type.isEnum()) {
            problems.add(at + ": an enum in the schema for " + type);
        }
    }

    /** Required iff the record refuses null; nullable iff the schema admits null. */
    private static void checkNullability(Record sample, RecordComponent component, boolean required,
            JsonNode property, String at, List<String> problems) {
        boolean admitsNull = property.path("type").isArray()
                && property.get("type").toString().contains("\"null\"");
        if (admitsNull == required) {
            problems.add(at + (required ? ": required but admits null" : ": optional but does not admit null"));
        }
        if (admitsNull && property.has("enum") && !property.get("enum").toString().contains("null")) {
            problems.add(at + ": a nullable enum must list null");
        }
        if (component.getType().isPrimitive()) {
            if (!required) {
                problems.add(at + ": a primitive is always there, so required");
            }
            return;
        }
        if (required) {
            try {
                Contracts.with(sample, component.getName(), null);
                problems.add(at + ": required in the schema, but the record takes null");
            } catch (NullPointerException expected) {
                assertThat(expected).hasMessage(component.getName());
            }
        } else {
            assertThatNoException().as(at).isThrownBy(() -> Contracts.with(sample, component.getName(), null));
        }
    }

    private static void enums(Class<?> record, JsonNode schema, List<String> compared) {
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(component.getName());
            Class<?> type = component.getType();
            if (Collection.class.isAssignableFrom(type)) {
                type = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                property = property.path("items");
            }
            if (type.isRecord()) {
                enums(type, property, compared);
            } else if (type.isEnum()) {
                List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                assertThat(constantsOf(property)).as("%s of %s", component.getName(), record.getSimpleName())
                        .containsExactlyElementsOf(constants);
                compared.add(component.getName());
            }
        }
    }

    private static List<String> constantsOf(JsonNode property) {
        List<String> constants = new ArrayList<>();
        property.path("enum").forEach(c -> {
            if (!c.isNull()) {
                constants.add(c.asText());
            }
        });
        return constants;
    }

    private static boolean isRequired(JsonNode schema, String name) {
        for (JsonNode required : schema.path("required")) {
            if (required.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void expectType(JsonNode property, String type, String at, List<String> problems) {
        JsonNode declared = property.path("type");
        boolean ok = declared.isTextual() ? declared.asText().equals(type)
                : declared.isArray() && declared.size() == 2 && declared.get(0).asText().equals(type)
                        && declared.get(1).asText().equals("null");
        if (!ok) {
            problems.add(at + ": type " + declared + " is not " + type);
        }
    }

    private static void expectFormat(JsonNode property, String format, String at, List<String> problems) {
        expectType(property, "string", at, problems);
        if (!format.equals(property.path("format").asText())) {
            problems.add(at + ": format " + property.path("format") + " is not " + format);
        }
    }
}
