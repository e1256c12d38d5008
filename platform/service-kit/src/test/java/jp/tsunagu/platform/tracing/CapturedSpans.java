package jp.tsunagu.platform.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The test application's spans, kept in memory: with a {@code SpanExporter} bean, Quarkus exports to
 * it instead of over OTLP.
 */
@ApplicationScoped
public class CapturedSpans {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return exporter;
    }

    /** The finished spans of the trace so far. */
    public List<SpanData> of(String traceId) {
        return exporter.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }
}
