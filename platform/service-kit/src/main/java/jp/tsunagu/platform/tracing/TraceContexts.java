package jp.tsunagu.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an OpenTelemetry context down as a {@link TraceContext} and reads it back, through the
 * configured propagator (W3C trace context): while tracing is off, there is nothing to write.
 */
@ApplicationScoped
public class TraceContexts {

    private static final TextMapGetter<TraceContext> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TraceContext.TRACEPARENT, TraceContext.TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return switch (key) {
                case TraceContext.TRACEPARENT -> carrier.traceparent();
                case TraceContext.TRACESTATE -> carrier.tracestate();
                default -> null;
            };
        }
    };

    private final TextMapPropagator propagator;

    TraceContexts(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The context of the current span, if there is one. */
    public Optional<TraceContext> current() {
        return of(Context.current());
    }

    /** The context of the context's span, if it has one. */
    public Optional<TraceContext> of(Context context) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        String traceparent = carrier.get(TraceContext.TRACEPARENT);
        return traceparent == null ? Optional.empty()
                : Optional.of(new TraceContext(traceparent, carrier.get(TraceContext.TRACESTATE)));
    }

    /** The written-down context as a parent for a new span (a remote parent: nothing else of the reader's). */
    public Context parent(TraceContext trace) {
        return propagator.extract(Context.root(), trace, GETTER);
    }
}
