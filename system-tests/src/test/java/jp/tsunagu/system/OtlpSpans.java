package jp.tsunagu.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the spans of an OTLP/HTTP export (an {@code ExportTraceServiceRequest} in protobuf, what the
 * services' exporter sends), after opentelemetry-proto's trace.proto, common.proto and resource.proto.
 */
final class OtlpSpans {

    private OtlpSpans() {
    }

    static List<CollectedSpan> read(byte[] exportTraceServiceRequest) {
        List<CollectedSpan> spans = new ArrayList<>();
        for (ProtobufFields resourceSpans : ProtobufFields.read(exportTraceServiceRequest).messages(1)) {
            String service = attributes(resourceSpans.message(1).messages(1)).get("service.name");
            for (ProtobufFields scopeSpans : resourceSpans.messages(2)) {
                String scope = scopeSpans.message(1).string(1);
                for (ProtobufFields span : scopeSpans.messages(2)) {
                    spans.add(new CollectedSpan(service, scope, span.hex(1), span.hex(2), span.hex(4), span.string(5),
                            CollectedSpan.Kind.values()[(int) span.number(6)], attributes(span.messages(9)),
                            span.messages(11).stream().map(event -> event.string(2) + " " + attributes(event.messages(3)))
                                    .toList(),
                            span.message(15).string(2)));
                }
            }
        }
        return spans;
    }

    /** KeyValue messages as text: key (1), value (2, an AnyValue). */
    private static Map<String, String> attributes(List<ProtobufFields> keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (ProtobufFields keyValue : keyValues) {
            attributes.put(keyValue.string(1), value(keyValue.message(2)));
        }
        return attributes;
    }

    /** An AnyValue as text: string (1), bool (2), int (3), double (4), array (5), key-value list (6), bytes (7). */
    private static String value(ProtobufFields any) {
        if (any.has(1)) {
            return any.string(1);
        }
        if (any.has(2)) {
            return String.valueOf(any.number(2) != 0);
        }
        if (any.has(3)) {
            return String.valueOf(any.number(3));
        }
        if (any.has(4)) {
            return String.valueOf(Double.longBitsToDouble(any.number(4)));
        }
        if (any.has(5)) {
            return any.message(5).messages(1).stream().map(OtlpSpans::value).collect(Collectors.joining(",", "[", "]"));
        }
        if (any.has(6)) {
            return attributes(any.message(6).messages(1)).toString();
        }
        return any.has(7) ? any.hex(7) : "";
    }
}
