package jp.tsunagu.platform.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.tracing.PlatformSpans;
import jp.tsunagu.platform.tracing.TraceContext;
import jp.tsunagu.platform.tracing.TraceContexts;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The relay's span for each event it publishes ({@code publish <topic>}, from the send to the
 * broker's acknowledgement): a child of the trace context kept with the row, so the event goes on
 * in the trace of the request that appended it, whenever and from whichever replica it is
 * published. The record's {@code traceparent} (and {@code tracestate}) header is this span's, which
 * the consumers continue: the transport's W3C header, which OpenTelemetry's Kafka instrumentations
 * and the SmallRye connector read, not the CloudEvents distributed-tracing extension
 * ({@code ce_traceparent}), which by its spec does not replace the protocol's tracing headers. An
 * event appended outside any trace is published without one.
 */
@ApplicationScoped
class PublishSpans {

    private final Tracer tracer;
    private final TraceContexts traces;

    PublishSpans(OpenTelemetry openTelemetry, TraceContexts traces) {
        this.tracer = openTelemetry.getTracer(PlatformSpans.SCOPE);
        this.traces = traces;
    }

    /** Starts the event's span and puts its context on the record; an invalid span for an untraced event. */
    Span start(OutboxEvent event, ProducerRecord<String, String> record) {
        if (event.traceparent == null) {
            return Span.getInvalid();
        }
        Span span = PlatformSpans.event(tracer, "publish", SpanKind.PRODUCER, "send", event.topic, event.id.toString(),
                        event.eventType)
                .setParent(traces.parent(new TraceContext(event.traceparent, event.tracestate)))
                .startSpan();
        traces.of(Context.root().with(span)).ifPresent(trace -> trace.writeTo(record.headers()));
        return span;
    }

    /** The broker acknowledged the event. */
    void published(Span span) {
        span.end();
    }

    /** The event was not acknowledged (it stays pending); described by the failure's class only. */
    void failed(Span span, Exception failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        span.end();
    }
}
