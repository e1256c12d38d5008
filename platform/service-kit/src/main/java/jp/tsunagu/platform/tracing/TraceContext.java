package jp.tsunagu.platform.tracing;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A W3C trace context written down, its {@code traceparent} and {@code tracestate} (null when none),
 * for a hop OpenTelemetry does not follow by itself: an outbox row written in a request and
 * published later, by the relay's thread or another replica. On Kafka it travels in the headers of
 * the same names, those OpenTelemetry's propagator and the SmallRye Kafka connector read.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    public TraceContext {
        Objects.requireNonNull(traceparent, TRACEPARENT);
    }

    /** The context a record's headers carry, if any. */
    public static Optional<TraceContext> in(Headers headers) {
        String traceparent = value(headers, TRACEPARENT);
        return traceparent == null ? Optional.empty() : Optional.of(new TraceContext(traceparent, value(headers, TRACESTATE)));
    }

    /** Puts this context in the headers, replacing any there. */
    public void writeTo(Headers headers) {
        headers.remove(TRACEPARENT).add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        headers.remove(TRACESTATE);
        if (tracestate != null) {
            headers.add(TRACESTATE, tracestate.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
