package jp.tsunagu.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.EventType;
import jp.tsunagu.platform.config.PlatformConfig;
import jp.tsunagu.platform.tracing.TraceContexts;

import java.time.Instant;
import java.util.UUID;

/**
 * Where services put the events of a change: a row in the same transaction, so an event exists
 * exactly when its change committed. After the commit the relay is nudged to publish at once.
 * The row keeps the trace context it was appended in, so the event is published in the request's
 * trace, not the relay's.
 */
@ApplicationScoped
public class Outbox {

    private static final Object NUDGE_REGISTERED = new Object();

    private final EntityManager em;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final PlatformConfig config;
    private final TraceContexts traces;

    Outbox(EntityManager em, ObjectMapper json, TransactionSynchronizationRegistry transactions,
           OutboxRelay relay, PlatformConfig config, TraceContexts traces) {
        this.em = em;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
        this.config = config;
        this.traces = traces;
    }

    /** Adds the event to the current transaction; answers its CloudEvents id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(EventData data) {
        EventType type = EventType.of(data.getClass())
                .orElseThrow(() -> new IllegalArgumentException(data.getClass() + " is no event contract"));
        if (!type.written()) {
            throw new IllegalArgumentException(type.type() + " is still read but no longer written: write its successor");
        }
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.eventType = type.type();
        event.topic = type.topic().topicName();
        event.partitionKey = data.partitionKey().toString();
        event.source = config.eventSource();
        event.occurredAt = Instant.now();
        event.payload = serialize(data);
        traces.current().ifPresent(trace -> {
            event.traceparent = trace.traceparent();
            event.tracestate = trace.tracestate();
        });
        em.persist(event);
        nudgeRelayAfterCommit();
        return event.id;
    }

    private void nudgeRelayAfterCommit() {
        if (transactions.getResource(NUDGE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(NUDGE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.publishSoon();
                }
            }
        });
    }

    private String serialize(EventData data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + data.getClass().getSimpleName() + " does not serialise", e);
        }
    }
}
