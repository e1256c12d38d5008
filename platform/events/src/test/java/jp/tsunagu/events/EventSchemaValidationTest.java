package jp.tsunagu.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.ValidationMessage;

import jp.tsunagu.events.referrals.ConsentWithdrawn;

/** Samples serialise to documents their schema accepts, and the schemas refuse anything else. */
class EventSchemaValidationTest {

    /** A change to a valid document, and the keyword that must then fail. */
    record Mutation(String what, String keyword, JsonNode document) {
        @Override
        public String toString() {
            return what;
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleFillsEveryComponent(EventType type) {
        EventData sample = EventSamples.sample(type);
        assertThat(sample.getClass()).isEqualTo(type.dataClass());
        assertFilled((Record) sample, type.type());
    }

    private static void assertFilled(Record record, String where) {
        var components = record.getClass().getRecordComponents();
        Object[] values = Contracts.components(record);
        for (int i = 0; i < values.length; i++) {
            String path = where + "." + components[i].getName();
            assertThat(values[i]).as(path).isNotNull();
            if (values[i] instanceof Collection<?> collection) {
                assertThat(collection).as(path).isNotEmpty();
                collection.stream().filter(Record.class::isInstance).forEach(r -> assertFilledOrDocumentedNull((Record) r, path));
            }
        }
    }

    /** Team members hold a user or an agency, never both: at least one of the two is set. */
    private static void assertFilledOrDocumentedNull(Record record, String where) {
        var components = record.getClass().getRecordComponents();
        Object[] values = Contracts.components(record);
        long nulls = Stream.of(values).filter(v -> v == null).count();
        assertThat(nulls).as("unset components of %s in %s", record, where).isLessThanOrEqualTo(1);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                assertThat(components[i].getName()).as(where).isIn("userId", "agencyId");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleIsValidAgainstItsSchema(EventType type) {
        JsonNode document = Contracts.toJson(EventSamples.sample(type));
        assertThat(Contracts.validate(type, document)).as("%s", document).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void dateAndTimeAreIsoStrings(EventType type) {
        JsonNode document = Contracts.toJson(EventSamples.sample(type));
        assertThat(document.toString()).doesNotContainPattern("\"[a-zA-Z]+(At|On|For|By)\":[0-9\\[]");
        document.properties().forEach(p -> {
            if (p.getKey().endsWith("At") || p.getKey().endsWith("For")) {
                assertThat(p.getValue().asText()).as(p.getKey()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
            } else if (p.getKey().endsWith("On")) {
                assertThat(p.getValue().asText()).as(p.getKey()).matches("\\d{4}-\\d{2}-\\d{2}");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void documentReadsBackIntoAnEqualRecord(EventType type) throws Exception {
        EventData sample = EventSamples.sample(type);
        String json = Contracts.MAPPER.writeValueAsString(sample);
        assertThat(Contracts.MAPPER.readValue(json, type.dataClass())).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void collectionsOfARecordCannotBeChanged(EventType type) {
        for (Object value : Contracts.components((Record) EventSamples.sample(type))) {
            if (value instanceof Collection<?> collection) {
                assertThatThrownBy(collection::clear).isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRequiredPropertyIsNeeded(EventType type) {
        JsonNode document = Contracts.toJson(EventSamples.sample(type));
        JsonNode required = Contracts.schemaNode(type).path("required");
        assertThat(required).isNotEmpty();
        for (JsonNode name : required) {
            ObjectNode without = document.deepCopy();
            without.remove(name.asText());
            assertThat(keywords(Contracts.validate(type, without))).as("without %s", name).contains("required");
        }
    }

    static Stream<Arguments> mutations() {
        List<Arguments> all = new ArrayList<>();
        for (EventType type : EventType.values()) {
            JsonNode document = Contracts.toJson(EventSamples.sample(type));
            List<Mutation> found = new ArrayList<>();
            collect(Contracts.schemaNode(type), document, JsonPointer.empty(), document, found);
            for (Mutation mutation : found) {
                all.add(Arguments.of(type, mutation));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mutations")
    void strictSchemaRefusesTheChange(EventType type, Mutation mutation) {
        Set<ValidationMessage> messages = Contracts.validate(type, mutation.document());
        assertThat(keywords(messages)).as("%s gives %s", mutation.what(), messages).contains(mutation.keyword());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyKindOfChangeIsTried(EventType type) {
        JsonNode document = Contracts.toJson(EventSamples.sample(type));
        List<Mutation> found = new ArrayList<>();
        collect(Contracts.schemaNode(type), document, JsonPointer.empty(), document, found);
        // an extra property on the event, a broken id, a broken time: every event has them
        assertThat(found).extracting(Mutation::keyword).contains("additionalProperties", "format", "pattern");
        // and every schema has an enum except those that hold only ids and times
        if (Contracts.schemaNode(type).toString().contains("\"enum\"")) {
            assertThat(found).extracting(Mutation::keyword).contains("enum");
        }
    }

    @Test
    void aWithdrawnConsentMayHaveToldNoAgencyAndCancelledNothingAndItsSetsAreSorted() {
        ConsentWithdrawn sample = (ConsentWithdrawn) EventSamples.sample(EventType.CONSENT_WITHDRAWN);
        ConsentWithdrawn nothing = Contracts.with(Contracts.with(sample, "agencyIds", Set.of()),
                "cancelledReferralIds", Set.of());
        assertThat(Contracts.validate(EventType.CONSENT_WITHDRAWN, Contracts.toJson(nothing))).isEmpty();
        assertThat(Contracts.toJson(sample).get("agencyIds").toString())
                .isEqualTo("[\"tokyo-chuo-hoken\",\"tokyo-shinjuku-welfare\"]");
        assertThatThrownBy(() -> Contracts.with(sample, "agencyIds", new HashSet<>(Arrays.asList("a", null))))
                .isInstanceOf(NullPointerException.class);
    }

    private static List<String> keywords(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getType).toList();
    }

    /** Walks the schema and the document together and lists the changes the schema must refuse. */
    static void collect(JsonNode schema, JsonNode node, JsonPointer at, JsonNode root, List<Mutation> out) {
        if (node.isObject()) {
            out.add(new Mutation((at.toString().isEmpty() ? "/" : at) + " with an extra property", "additionalProperties",
                    change(root, at, n -> ((ObjectNode) n).put("freeText", "山田太郎 lives at 1-2-3 Chiyoda"))));
            schema.path("properties").properties().forEach(p -> {
                JsonNode value = node.get(p.getKey());
                if (value != null && !value.isNull()) {
                    collect(p.getValue(), value, at.appendProperty(p.getKey()), root, out);
                }
            });
        } else if (node.isArray()) {
            JsonNode items = schema.path("items");
            if (items.has("enum")) {
                out.add(new Mutation(at + " with an unknown constant", "enum",
                        replace(root, at, Contracts.MAPPER.createArrayNode().add("NOT_A_CONSTANT"))));
            }
            if (schema.path("uniqueItems").asBoolean() && !node.isEmpty()) {
                out.add(new Mutation(at + " with a repeated item", "uniqueItems",
                        change(root, at, n -> ((ArrayNode) n).add(n.get(0).deepCopy()))));
            }
            for (int i = 0; i < node.size(); i++) {
                collect(items, node.get(i), at.appendIndex(i), root, out);
            }
        } else if (node.isTextual()) {
            if (schema.has("enum")) {
                out.add(new Mutation(at + " = NOT_A_CONSTANT", "enum", replace(root, at, TextNode.valueOf("NOT_A_CONSTANT"))));
                out.add(new Mutation(at + " in lower case", "enum",
                        replace(root, at, TextNode.valueOf(node.asText().toLowerCase()))));
            }
            if (schema.has("format")) {
                out.add(new Mutation(at + " not a " + schema.get("format").asText(), "format",
                        replace(root, at, TextNode.valueOf("2026-02-30 or not-a-" + schema.get("format").asText()))));
            }
            if (schema.has("pattern")) {
                out.add(new Mutation(at + " as free text", "pattern",
                        replace(root, at, TextNode.valueOf("Yamada Taro, 1-2-3 Chiyoda"))));
            }
        } else if (node.isNumber() && schema.has("minimum")) {
            out.add(new Mutation(at + " below its minimum", "minimum",
                    replace(root, at, Contracts.MAPPER.getNodeFactory().numberNode(schema.get("minimum").asLong() - 1))));
        }
    }

    private static JsonNode replace(JsonNode root, JsonPointer at, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy.at(at.head());
        if (parent.isObject()) {
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
        } else {
            ((ArrayNode) parent).set(at.last().getMatchingIndex(), value);
        }
        return copy;
    }

    private static JsonNode change(JsonNode root, JsonPointer at, Consumer<JsonNode> edit) {
        JsonNode copy = root.deepCopy();
        edit.accept(copy.at(at));
        return copy;
    }
}
