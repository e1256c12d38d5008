package jp.tsunagu.system;

import java.util.List;
import java.util.Map;

/**
 * A span as a service exported it over OTLP: which service, the instrumentation scope, the ids, the
 * name and kind, its attributes, and the names and attributes of its events and its status message
 * as text (what the privacy scan searches).
 */
record CollectedSpan(String service, String scope, String traceId, String spanId, String parentSpanId, String name,
                     Kind kind, Map<String, String> attributes, List<String> events, String status) {

    /** OTLP's span kinds, in the order of their numbers. */
    enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    String attribute(String key) {
        return attributes.get(key);
    }

    /** Where the span is, for a privacy scan's hit. */
    String where() {
        return service + " " + name + " " + traceId + "/" + spanId;
    }

    /** Everything the span says in words. */
    String text() {
        return name + "\n" + attributes + "\n" + events + "\n" + status;
    }
}
