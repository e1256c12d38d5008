package jp.tsunagu.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.system.MatrixFixtures.Side;
import jp.tsunagu.system.OpenApiOperations.Operation;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Hostile requests made from the services' own OpenAPI documents: each takes an operation's valid
 * request (a real object of the side in the path, a valid body from {@link ValidBodies}) and spoils
 * one thing of it: a value's type, a 100 KB string, nesting 10,000 deep, invalid UTF-8, NUL, an
 * unknown enum, an impossible date, a negative or huge number, a missing or extra field, a
 * 100,000-item array under 1 MiB, the content type, the JSON itself, If-Match, Idempotency-Key,
 * a cursor or {@code since} token or other query value, the path's id, or Accept. Seeded, so a
 * failing request can be made again.
 */
final class HostileRequests {

    /** One request, byte for byte as sent. {@code body} is null for none. */
    record Hostile(int number, Operation op, String kind, String method, String pathAndQuery, Map<String, String> headers,
                   String contentType, byte[] body) {

        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
            return "#" + number + " " + kind + " " + method + " " + abbreviate(pathAndQuery) + " " + headers
                    + (contentType == null ? "" : " [" + contentType + "]") + " " + shown.replaceAll("\\s+", " ")
                    + (body != null && body.length > 160 ? "... (" + body.length + " bytes)" : "");
        }
    }

    private static final String MARK = "HOSTILE-VALUE-HERE";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> GARBAGE_IDS = List.of("not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "%00", "-1",
            "99999999999999999999", "%27%20OR%20%271%27%3D%271", "%EF%BC%91%EF%BC%92%EF%BC%93", "00000000-0000-0000-0000-000000000000",
            "x".repeat(10_000), "%FF%FE", "%E3%81%82");
    private static final List<String> GARBAGE_QUERY = List.of("-1", "0", "1000000", "abc", "1e3", "!!!", "eyJ9",
            "eyJzZXEiOi0xfQ", "99999999999999999999", "2026-02-30", "99999-01-01", "NOT_A_VALUE", "%00", "%FF",
            "x".repeat(10_000), "%E9%8D%B5", "true", "null", "[]");
    private static final List<String> GARBAGE_IF_MATCH = List.of("\"abc\"", "W/\"-1\"", "\"1\", \"2\"", "*x", "\"\"",
            "\"99999999999999999999\"", "x".repeat(8_000), "W/", "\"-0\"", "'1'");
    private static final List<String> GARBAGE_IDEMPOTENCY_KEYS = List.of("", " ", "k".repeat(300), "a b", "\"quoted\"",
            "k".repeat(256), "x".repeat(8_000));
    private static final List<String> DATES = List.of("2026-02-30", "99999-01-01", "2026-13-01", "2026-02-29",
            "2026-10-01T25:61:00+09:00", "2026-10-01T10:00:00+25:00", "0000-00-00", "令和8年2月30日", "-2026-01-01",
            "2026-10-01T10:00:00");
    private static final List<String> NUMBERS = List.of("-1", "0", "-2147483649", "2147483648", "9223372036854775808",
            "1e400", "-1e-400", "3.5", "-0.0", "NaN", "Infinity", "0x10", "1_000", "1e2");
    private static final List<String> ENUMS = List.of("NOT_A_VALUE", "phone", "", "ＰＨＯＮＥ", "PHONE ", "null");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=Shift_JIS",
            "garbage", "application/json; charset=UTF-16");
    private static final List<String> NOT_JSON = List.of("{", "null", "[]", "", "{\"a\":", "\"text\"", "42",
            "{\"a\":1,\"a\":2}", "{'single': 'quotes'}", "{\"a\":1}}", "\uFEFF{}");

    private final List<Operation> operations;
    private final Side side;
    private final Map<String, String> globalIds;
    private final Function<Operation, String> userOf;
    private final Random random;

    HostileRequests(List<Operation> operations, Side side, Map<String, String> globalIds,
                    Function<Operation, String> userOf, long seed) {
        this.operations = operations;
        this.side = side;
        this.globalIds = globalIds;
        this.userOf = userOf;
        this.random = new Random(seed);
    }

    /** The n-th request: operations in turn, a spoiling the operation admits, drawn at random. */
    Hostile next(int n) {
        Operation op = operations.get(n % operations.size());
        List<String> kinds = new ArrayList<>(List.of("IF_MATCH", "ACCEPT", "EXTRA_QUERY"));
        if (!op.pathParams().isEmpty()) {
            kinds.addAll(List.of("PATH_ID", "PATH_ID"));
        }
        if (!op.queryParams().isEmpty()) {
            kinds.addAll(List.of("QUERY", "QUERY"));
        }
        if (!op.method().equals("GET")) {
            kinds.add("IDEMPOTENCY_KEY");
        }
        if (op.hasBody()) {
            kinds.addAll(List.of("WRONG_TYPE", "LONG_STRING", "DEEP_NESTING", "INVALID_UTF8", "NUL", "UNKNOWN_ENUM",
                    "IMPOSSIBLE_DATE", "NUMBER", "MISSING_FIELD", "EXTRA_FIELD", "BIG_ARRAY", "CONTENT_TYPE", "NOT_JSON"));
        }
        String kind = pick(kinds);
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.headerParams().contains("If-Match")) {
            headers.put("If-Match", "*");
        }
        String path = path(op, kind.equals("PATH_ID"));
        String query = query(op, kind);
        byte[] body = null;
        String contentType = null;
        if (op.hasBody()) {
            contentType = "application/json";
            body = body(op, kind);
            if (kind.equals("CONTENT_TYPE")) {
                contentType = random.nextInt(8) == 0 ? null : pick(CONTENT_TYPES);
            }
        }
        switch (kind) {
            case "IF_MATCH" -> headers.put("If-Match", pick(GARBAGE_IF_MATCH));
            case "IDEMPOTENCY_KEY" -> headers.put("Idempotency-Key", pick(GARBAGE_IDEMPOTENCY_KEYS));
            case "ACCEPT" -> headers.put("Accept", pick(List.of("application/xml", "text/csv", "image/png", "garbage/")));
            default -> { }
        }
        return new Hostile(n, op, kind, op.method(), query.isEmpty() ? path : path + "?" + query, headers, contentType, body);
    }

    private String path(Operation op, boolean spoilOne) {
        String path = op.path();
        int spoiled = spoilOne ? random.nextInt(op.pathParams().size()) : -1;
        for (int i = 0; i < op.pathParams().size(); i++) {
            String param = op.pathParams().get(i);
            String kind = AuthorizationMatrixSystemTest.kindOf(op.path(), param);
            String id = i == spoiled ? pick(GARBAGE_IDS) : globalIds.getOrDefault(kind, side.ids().get(kind));
            path = path.replace("{" + param + "}", id);
        }
        return path;
    }

    private String query(Operation op, String kind) {
        Map<String, String> query = new LinkedHashMap<>();
        if (op.queryParams().contains("limit")) {
            query.put("limit", "50");
        }
        if (op.queryParams().contains("from") && op.queryParams().contains("to")) {
            query.put("from", "2026-01-01");
            query.put("to", "2026-12-31");
        }
        if (kind.equals("QUERY")) {
            query.put(pick(op.queryParams()), pick(GARBAGE_QUERY));
        } else if (kind.equals("EXTRA_QUERY")) {
            query.put(pick(List.of("unknown", "limit%00", "%FF", "sort", "q")), pick(GARBAGE_QUERY));
        }
        StringBuilder text = new StringBuilder();
        query.forEach((name, value) -> text.append(text.isEmpty() ? "" : "&").append(name).append('=').append(
                value.startsWith("%") || value.startsWith("x") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return text.toString();
    }

    private byte[] body(Operation op, String kind) {
        JsonNode valid = Api.JSON.valueToTree(ValidBodies.of(op.operationId(), side, userOf.apply(op)).orElseThrow());
        JsonNode body = valid.deepCopy();
        switch (kind) {
            case "WRONG_TYPE" -> replace(body, n -> true, value -> value.isTextual()
                    ? pick(List.<JsonNode>of(NODES.numberNode(42), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode()))
                    : value.isContainerNode() ? NODES.textNode("text") : NODES.arrayNode().add("x"));
            case "LONG_STRING" -> replace(body, JsonNode::isTextual, value -> NODES.textNode(longText()));
            case "UNKNOWN_ENUM" -> replace(body, n -> n.isTextual() && n.asText().matches("[A-Z_]+"),
                    value -> NODES.textNode(pick(ENUMS)));
            case "IMPOSSIBLE_DATE" -> replace(body, n -> n.isTextual() && n.asText().matches("\\d{4}-\\d{2}.*"),
                    value -> NODES.textNode(pick(DATES)));
            case "NUL" -> replace(body, JsonNode::isTextual, value -> NODES.textNode(value.asText() + "\u0000"));
            case "MISSING_FIELD" -> removeField(body);
            case "EXTRA_FIELD" -> addField(body);
            case "NOT_JSON" -> {
                return pick(NOT_JSON).getBytes(StandardCharsets.UTF_8);
            }
            case "DEEP_NESTING", "INVALID_UTF8", "NUMBER", "BIG_ARRAY" -> {
                replace(body, n -> true, value -> NODES.textNode(MARK));
                return spliced(body, kind);
            }
            default -> { }
        }
        return bytes(body);
    }

    /** The body with the marked value's bytes replaced by what no JSON tree can hold. */
    private byte[] spliced(JsonNode body, String kind) {
        byte[] text = bytes(body);
        String quoted = "\"" + MARK + "\"";
        byte[] raw = switch (kind) {
            case "DEEP_NESTING" -> random.nextBoolean()
                    ? ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.US_ASCII)
                    : ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
            case "INVALID_UTF8" -> invalidUtf8();
            case "NUMBER" -> pick(NUMBERS).getBytes(StandardCharsets.US_ASCII);
            default -> random.nextBoolean()
                    ? ("[" + "0,".repeat(99_999) + "0]").getBytes(StandardCharsets.US_ASCII)
                    : ("[" + "\"x\",".repeat(99_999) + "\"x\"]").getBytes(StandardCharsets.US_ASCII);
        };
        String whole = new String(text, StandardCharsets.UTF_8);
        int at = whole.indexOf(quoted);
        byte[] before = whole.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = whole.substring(at + quoted.length()).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before);
        out.writeBytes(raw);
        out.writeBytes(after);
        return out.toByteArray();
    }

    private byte[] invalidUtf8() {
        byte[][] broken = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xE3, (byte) 0x81}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        out.writeBytes("森".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(broken[random.nextInt(broken.length)]);
        out.write('"');
        return out.toByteArray();
    }

    private String longText() {
        String unit = pick(List.of("あ", "森蓮", "x", "ｶﾀｶﾅ", "\uD842\uDFB7"));
        return unit.repeat(100_000 / unit.length());
    }

    /** Replaces one value that matches, or any value when none does. */
    private void replace(JsonNode body, Predicate<JsonNode> which, Function<JsonNode, JsonNode> with) {
        List<Slot> slots = new ArrayList<>();
        slots(body, slots);
        List<Slot> matching = slots.stream().filter(slot -> which.test(slot.value())).toList();
        Slot slot = pick(matching.isEmpty() ? slots : matching);
        slot.set(with.apply(slot.value()));
    }

    private void removeField(JsonNode body) {
        List<ObjectNode> objects = new ArrayList<>();
        objects(body, objects);
        List<ObjectNode> withFields = objects.stream().filter(o -> o.size() > 0).toList();
        if (!withFields.isEmpty()) {
            ObjectNode object = pick(withFields);
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.remove(pick(names));
        }
    }

    private void addField(JsonNode body) {
        List<ObjectNode> objects = new ArrayList<>();
        objects(body, objects);
        ObjectNode object = pick(objects);
        switch (random.nextInt(4)) {
            case 0 -> object.put("unexpected", "x");
            case 1 -> object.put("centerId", "osaka");
            case 2 -> object.put("version", 99);
            default -> object.put("id", "00000000-0000-0000-0000-000000000001");
        }
    }

    /** A place in the tree that holds a value. */
    private record Slot(JsonNode parent, String field, int index, JsonNode value) {
        void set(JsonNode replacement) {
            if (parent instanceof ObjectNode object) {
                object.set(field, replacement);
            } else {
                ((ArrayNode) parent).set(index, replacement);
            }
        }
    }

    private static void slots(JsonNode node, List<Slot> into) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                into.add(new Slot(object, field.getKey(), -1, field.getValue()));
                slots(field.getValue(), into);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                into.add(new Slot(array, null, i, array.get(i)));
                slots(array.get(i), into);
            }
        }
    }

    private static void objects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> objects(child, into));
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return Api.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "...(" + text.length() + ")" : text;
    }
}
