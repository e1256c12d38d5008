package jp.tsunagu.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * No event may carry personal data or free text (api.md, architecture.md). The rule, checked on every
 * property of every schema, at any depth:
 * <ul>
 * <li>every string property (or string item of an array) has an {@code enum}, a {@code format}, or is
 * an id: its name ends in {@code Id} or {@code By} (or {@code Ids}, an array of ids) or is
 * {@code centerId} / {@code caseNumber}, and then it has a {@code pattern} that admits no white space
 * (so not even an id field can hold a sentence);</li>
 * <li>a property whose name suggests personal data or free text (name, address, notes, reason...)
 * is allowed only as an enum (as {@code reason} of home visits ending);</li>
 * <li>every property declares its type, every object is closed ({@code additionalProperties: false}).</li>
 * </ul>
 */
class SchemaPrivacyTest {

    private static final List<String> SUSPECT_NAMES = List.of(
            "name", "familyname", "givenname", "kana", "address", "phone", "email", "birth", "notes", "note",
            "observations", "description", "summary", "sharedsummary", "comment", "text", "justification",
            "instructions", "reason", "contact", "topic", "health", "message");

    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "null", "array", "object");

    private static final List<String> FREE_TEXT_PROBES = List.of("Yamada Taro", "山田 太郎", "a\nb", "a\tb", " ", "");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaCarriesNoPersonalDataNorFreeText(EventType type) {
        assertThat(violations(Contracts.schemaNode(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theRuleSeesEveryProperty(EventType type) {
        // the walk reaches every property name in the file, nested ones included
        JsonNode schema = Contracts.schemaNode(type);
        List<String> seen = new ArrayList<>();
        walk(schema, "#", new ArrayList<>(), seen);
        List<String> inFile = new ArrayList<>();
        propertyNames(schema, inFile);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(inFile).isNotEmpty();
    }

    @Test
    void theRuleRefusesFreeTextAndPersonalData() throws JsonProcessingException {
        assertThat(violationsOf("""
                {"type": "object", "additionalProperties": false,
                 "properties": {"notes": {"type": "string"}}}""")).hasSize(2).allSatisfy(v -> assertThat(v).contains("notes"));
        assertThat(violationsOf("""
                {"type": "object", "additionalProperties": false,
                 "properties": {"reason": {"type": "string"}}}""")).isNotEmpty();
        assertThat(violationsOf("""
                {"type": "object", "additionalProperties": false,
                 "properties": {"members": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                   "properties": {"familyName": {"type": "string", "format": "uuid"}}}}}}"""))
                .singleElement().asString().contains("familyName");
        assertThat(violationsOf("""
                {"type": "object", "additionalProperties": false,
                 "properties": {"topics": {"type": "array", "items": {"type": "string"}}}}""")).isNotEmpty();
        assertThat(violationsOf("""
                {"type": "object", "additionalProperties": false,
                 "properties": {"agencyId": {"type": "string"}}}""")).isNotEmpty();
        assertThat(violationsOf("""
                {"type": "object", "additionalProperties": false,
                 "properties": {"agencyId": {"type": "string", "pattern": "^.+$"}}}""")).isNotEmpty();
        assertThat(violationsOf("""
                {"type": "object", "additionalProperties": false,
                 "properties": {"agencyIds": {"type": "array", "items": {"type": "string"}}}}""")).isNotEmpty();
        assertThat(violationsOf("""
                {"type": "object", "additionalProperties": false,
                 "properties": {"agencyIds": {"type": "array", "items": {"type": "string", "pattern": "^.+$"}}}}"""))
                .isNotEmpty();
        assertThat(violationsOf("""
                {"type": "object", "properties": {"caseId": {"type": "string", "format": "uuid"}}}""")).isNotEmpty();
        assertThat(violationsOf("""
                {"type": "object", "additionalProperties": false, "properties": {"extra": {}}}""")).isNotEmpty();
        assertThat(violationsOf("""
                {"type": "object", "additionalProperties": false,
                 "properties": {"details": {"type": "object", "additionalProperties": true, "properties": {}}}}"""))
                .isNotEmpty();
    }

    @Test
    void theRuleAllowsIdsEnumsAndFormats() throws JsonProcessingException {
        assertThat(violationsOf("""
                {"type": "object", "additionalProperties": false, "required": ["reason"],
                 "properties": {
                   "reason": {"type": "string", "enum": ["EMPLOYED", "OTHER"]},
                   "reasons": {"type": "array", "items": {"type": "string", "enum": ["OTHER"]}},
                   "caseId": {"type": "string", "format": "uuid"},
                   "agencyIds": {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9-]{1,64}$"}},
                   "closedBy": {"type": "string", "pattern": "^[a-z0-9-]{1,64}$"},
                   "caseNumber": {"type": ["string", "null"], "pattern": "^[A-Z0-9-]{1,32}$"},
                   "count": {"type": "integer", "minimum": 0}}}""")).isEmpty();
    }

    /** Every key of every "properties" object anywhere in the file, found without the rule's walk. */
    private static void propertyNames(JsonNode node, List<String> names) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("properties") && e.getValue().isObject()) {
                    e.getValue().fieldNames().forEachRemaining(names::add);
                }
                propertyNames(e.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(child -> propertyNames(child, names));
        }
    }

    private static List<String> violationsOf(String schema) throws JsonProcessingException {
        return violations(Contracts.MAPPER.readTree(schema));
    }

    static List<String> violations(JsonNode schema) {
        List<String> violations = new ArrayList<>();
        walk(schema, "#", violations, new ArrayList<>());
        return violations;
    }

    private static void walk(JsonNode schema, String at, List<String> violations, List<String> seen) {
        if (!schema.isObject()) {
            return;
        }
        if (types(schema).contains("object") || schema.has("properties")) {
            if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
                violations.add(at + ": an object must have additionalProperties false");
            }
        }
        for (String open : List.of("patternProperties", "unevaluatedProperties", "propertyNames", "dependentSchemas")) {
            if (schema.has(open)) {
                violations.add(at + ": " + open + " is not allowed");
            }
        }
        schema.path("properties").properties().forEach(p -> {
            seen.add(p.getKey());
            checkProperty(p.getKey(), p.getValue(), at + "/properties/" + p.getKey(), violations);
            walk(p.getValue(), at + "/properties/" + p.getKey(), violations, seen);
        });
        for (String single : List.of("items", "additionalProperties", "not", "if", "then", "else", "contains")) {
            if (schema.path(single).isObject()) {
                walk(schema.get(single), at + "/" + single, violations, seen);
            }
        }
        for (String many : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
            for (int i = 0; i < schema.path(many).size(); i++) {
                walk(schema.get(many).get(i), at + "/" + many + "/" + i, violations, seen);
            }
        }
        schema.path("$defs").properties().forEach(d -> walk(d.getValue(), at + "/$defs/" + d.getKey(), violations, seen));
    }

    private static void checkProperty(String name, JsonNode property, String at, List<String> violations) {
        List<String> types = types(property);
        if (types.isEmpty() || !TYPES.containsAll(types)) {
            violations.add(at + ": a property must declare its type, " + property);
            return;
        }
        JsonNode value = types.contains("array") ? property.path("items") : property;
        if (types.contains("array") && types(value).isEmpty()) {
            violations.add(at + ": an array must declare the type of its items");
            return;
        }
        boolean isEnum = value.has("enum");
        String lower = name.toLowerCase(Locale.ROOT);
        SUSPECT_NAMES.stream().map(s -> s.toLowerCase(Locale.ROOT)).filter(lower::contains).findFirst()
                .filter(suspect -> !isEnum)
                .ifPresent(suspect -> violations.add(at + ": '" + name + "' suggests personal data or free text ("
                        + suspect + ") and is not an enum"));
        if (types(value).contains("string") && !isEnum && !value.has("format")) {
            if (!isIdName(name)) {
                violations.add(at + ": a free string; it needs an enum, a format, or an id name");
            } else if (!admitsNoWhiteSpace(value)) {
                violations.add(at + ": an id needs a pattern that admits no white space, has " + value.path("pattern"));
            }
        }
    }

    private static boolean isIdName(String name) {
        return name.endsWith("Id") || name.endsWith("Ids") || name.endsWith("By") || name.equals("centerId")
                || name.equals("caseNumber");
    }

    /** The pattern (an ECMA 262 regex, searched for anywhere in the value) refuses every probe. */
    private static boolean admitsNoWhiteSpace(JsonNode schema) {
        if (!schema.path("pattern").isTextual()) {
            return false;
        }
        Pattern pattern = Pattern.compile(schema.get("pattern").asText());
        return FREE_TEXT_PROBES.stream().noneMatch(probe -> pattern.matcher(probe).find());
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return List.of(type.asText());
        }
        List<String> types = new ArrayList<>();
        type.forEach(t -> types.add(t.asText()));
        return types;
    }
}
