package jp.tsunagu.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document ties every type to its topic, its schema file and the CloudEvents headers. */
class AsyncApiTest {

    private static final String LOCATION = "/jp/tsunagu/events/asyncapi.yaml";
    private static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(LOCATION)) {
            assertThat(in).as(LOCATION).isNotNull();
            doc = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3DocumentInJson() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
        assertThat(doc.path("defaultContentType").asText()).isEqualTo("application/json");
    }

    @Test
    void oneChannelPerTopicWithTheMessagesOfItsTypes() {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Topic.values()).map(Topic::topicName).toList());
        for (Topic topic : Topic.values()) {
            JsonNode channel = channel(topic);
            List<String> messages = new ArrayList<>();
            channel.path("messages").fieldNames().forEachRemaining(messages::add);
            assertThat(messages).as(topic.topicName()).containsExactlyElementsOf(
                    Arrays.stream(EventType.values()).filter(t -> t.topic() == topic).map(EventType::type).toList());
        }
    }

    @Test
    void everyChannelIsSentToWithAllItsMessagesThatAreWritten() {
        for (Topic topic : Topic.values()) {
            String channelRef = "#/channels/" + channelKey(topic);
            List<JsonNode> sends = new ArrayList<>();
            doc.path("operations").forEach(o -> {
                if (o.path("channel").path("$ref").asText().equals(channelRef)) {
                    sends.add(o);
                }
            });
            assertThat(sends).as(topic.topicName()).singleElement()
                    .satisfies(o -> assertThat(o.path("action").asText()).isEqualTo("send"));
            List<String> refs = new ArrayList<>();
            sends.get(0).path("messages").forEach(m -> refs.add(m.path("$ref").asText()));
            assertThat(refs).containsExactlyElementsOf(Arrays.stream(EventType.values())
                    .filter(t -> t.topic() == topic && t.written()).map(t -> channelRef + "/messages/" + t.type()).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void messageOfEveryTypePointsAtItsSchemaAndHeaders(EventType type) {
        JsonNode message = doc.path("components").path("messages").path(type.type());
        assertThat(message.isObject()).as(type.type()).isTrue();
        assertThat(message.path("name").asText()).isEqualTo(type.type());
        assertThat(message.path("contentType").asText()).isEqualTo("application/json");
        assertThat(message.path("title").asText()).isEqualTo(Contracts.schemaNode(type).path("title").asText());
        JsonNode payload = message.path("payload");
        assertThat(payload.path("schemaFormat").asText()).isEqualTo("application/schema+json;version=draft-2020-12");
        String ref = payload.path("schema").path("$ref").asText();
        assertThat(URI.create("classpath:" + LOCATION).resolve(ref).getSchemeSpecificPart())
                .isEqualTo(type.schemaResource());
        JsonNode headers = message.path("headers").path("allOf");
        assertThat(headers.get(0).path("$ref").asText()).isEqualTo("#/components/schemas/cloudEventsHeaders");
        assertThat(headers.get(1).path("properties").path("ce_type").path("const").asText()).isEqualTo(type.type());
        assertThat(headers.get(1).path("properties").path("ce_dataschema").path("const").asText())
                .isEqualTo(type.schemaId().toString());
        assertThat(message.path("bindings").path("kafka").path("key").path("format").asText()).isEqualTo("uuid");
    }

    @Test
    void cloudEventsHeadersOfBinaryMode() {
        JsonNode headers = doc.path("components").path("schemas").path("cloudEventsHeaders");
        List<String> required = new ArrayList<>();
        headers.path("required").forEach(r -> required.add(r.asText()));
        assertThat(required).containsExactlyInAnyOrder(
                "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "ce_specversion", "content-type");
        JsonNode properties = headers.path("properties");
        assertThat(properties.path("ce_specversion").path("const").asText()).isEqualTo("1.0");
        assertThat(properties.path("content-type").path("const").asText()).isEqualTo("application/json");
        List<String> types = new ArrayList<>();
        properties.path("ce_type").path("enum").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactlyElementsOf(Arrays.stream(EventType.values()).map(EventType::type).toList());
        properties.fieldNames().forEachRemaining(name -> assertThat(name).matches("ce_[a-z]+|content-type"));
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).hasSizeGreaterThan(EventType.values().length * 3);
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(doc.at(JsonPointer.compile(ref.substring(1))).isMissingNode()).as(ref).isFalse();
            } else {
                String path = URI.create("classpath:" + LOCATION).resolve(ref).getSchemeSpecificPart();
                assertThat(EventType.class.getResource(path)).as(ref).isNotNull();
            }
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static JsonNode channel(Topic topic) {
        return doc.path("channels").path(channelKey(topic));
    }

    private static String channelKey(Topic topic) {
        List<String> keys = new ArrayList<>();
        doc.path("channels").properties().forEach(c -> {
            if (c.getValue().path("address").asText().equals(topic.topicName())) {
                keys.add(c.getKey());
            }
        });
        assertThat(keys).as(topic.topicName()).hasSize(1);
        return keys.get(0);
    }
}
