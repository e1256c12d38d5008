package jp.tsunagu.platform.inbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.cloudevents.KafkaCloudEvents;
import jp.tsunagu.platform.tracing.PlatformSpans;
import jp.tsunagu.platform.tracing.TraceContext;
import jp.tsunagu.platform.tracing.TraceContexts;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.function.Supplier;

/**
 * The inbox's span for each event it handles ({@code process <topic>}), current while the event is
 * handled (its attempts and waits included), so that what the effect does, logs and appends to the
 * outbox is in the producer's trace. Its parent is the SmallRye Kafka connector's receive span,
 * which already continues the record's {@code traceparent}; where the connector traced nothing,
 * the record's {@code traceparent} itself.
 */
@ApplicationScoped
class ProcessSpans {

    private final Tracer tracer;
    private final TraceContexts traces;

    ProcessSpans(OpenTelemetry openTelemetry, TraceContexts traces) {
        this.tracer = openTelemetry.getTracer(PlatformSpans.SCOPE);
        this.traces = traces;
    }

    <T> T process(String consumer, ConsumerRecord<String, String> record, Supplier<T> handling) {
        Span span = PlatformSpans.event(tracer, "process", SpanKind.CONSUMER, "process", record.topic(),
                        KafkaCloudEvents.header(record, "ce_id"), KafkaCloudEvents.header(record, "ce_type"))
                .setParent(parent(record))
                .setAttribute(PlatformSpans.CONSUMER_GROUP, consumer)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return handling.get();
        } catch (RuntimeException e) {
            // the class only: a failure's message may quote the event's data
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private Context parent(ConsumerRecord<String, String> record) {
        Context current = Context.current();
        if (Span.fromContext(current).getSpanContext().isValid()) {
            return current;
        }
        return TraceContext.in(record.headers()).map(traces::parent).orElse(current);
    }
}
