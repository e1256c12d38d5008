package jp.tsunagu.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

/**
 * The instrumentation scope of the platform's own spans (the outbox relay's and the inbox's) and
 * the attributes they carry: OpenTelemetry's messaging and CloudEvents conventions, names, ids and
 * types only, never an event's data.
 */
public final class PlatformSpans {

    public static final String SCOPE = "jp.tsunagu.platform";

    public static final AttributeKey<String> MESSAGING_SYSTEM = stringKey("messaging.system");
    public static final AttributeKey<String> DESTINATION = stringKey("messaging.destination.name");
    public static final AttributeKey<String> OPERATION_TYPE = stringKey("messaging.operation.type");
    public static final AttributeKey<String> CONSUMER_GROUP = stringKey("messaging.consumer.group.name");
    public static final AttributeKey<String> MESSAGE_ID = stringKey("messaging.message.id");
    public static final AttributeKey<String> EVENT_TYPE = stringKey("cloudevents.event_type");

    private PlatformSpans() {
    }

    /**
     * A span of one event on a Kafka topic, named {@code <verb> <topic>}, with the messaging
     * attributes both the relay's and the inbox's spans carry.
     */
    public static SpanBuilder event(Tracer tracer, String verb, SpanKind kind, String operation, String topic,
                                    String messageId, String eventType) {
        return tracer.spanBuilder(verb + " " + topic)
                .setSpanKind(kind)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION_TYPE, operation)
                .setAttribute(MESSAGE_ID, messageId)
                .setAttribute(EVENT_TYPE, eventType);
    }
}
