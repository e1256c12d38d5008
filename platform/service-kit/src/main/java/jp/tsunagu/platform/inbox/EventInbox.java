package jp.tsunagu.platform.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.EventType;
import jp.tsunagu.platform.cloudevents.CloudEvent;
import jp.tsunagu.platform.cloudevents.KafkaCloudEvents;
import jp.tsunagu.platform.cloudevents.MalformedEventException;
import jp.tsunagu.platform.config.PlatformConfig;
import jp.tsunagu.platform.problem.DatabaseUnreachable;
import jp.tsunagu.platform.problem.DomainException;
import jp.tsunagu.platform.problem.ProblemKind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Idempotent consumption: each event id is recorded for its consumer in the same transaction as
 * the event's effect, so a redelivered event changes nothing. A failing effect is tried again
 * (each attempt its own transaction); after the last attempt the event is poison and goes to the
 * dead-letter topic (the channel's {@code failure-strategy=dead-letter-queue}). A failure because
 * something the effect needs is unavailable (a 503 kind: Keycloak's directory, case-service, the
 * database) is not the event's fault: it is tried again after a growing wait, as long as it takes, holding the
 * partition (later events of the same cases wait behind it, in order), and counts no attempt, so
 * an outage never sends a crisis to the dead-letter topic. While the service stops, events are
 * held, never dead-lettered ({@link InboxDoor}). Each event is handled in the trace of the
 * request that produced it ({@link ProcessSpans}).
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    /** How many times the first wait after a failure of something unavailable the longest wait is. */
    static final int LONGEST_WAIT_FACTOR = 30;

    private final EntityManager em;
    private final ObjectMapper json;
    private final PlatformConfig config;
    private final InboxDoor door;
    private final ProcessSpans spans;

    EventInbox(EntityManager em, ObjectMapper json, PlatformConfig config, InboxDoor door, ProcessSpans spans) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.door = door;
        this.spans = spans;
    }

    /**
     * Applies {@code effect} to the record's event once for {@code consumer}, in the producer's trace.
     * Answers whether it was applied now (false: seen before, or a type this service does not know).
     */
    public boolean receive(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        return spans.process(consumer, record, () -> handle(consumer, record, effect));
    }

    private boolean handle(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        CloudEvent envelope = KafkaCloudEvents.fromRecord(record);
        Optional<EventType> type = EventType.fromType(envelope.type());
        if (type.isEmpty()) {
            LOG.debugf("inbox %s: ignoring unknown event type %s", consumer, envelope.type());
            return false;
        }
        IncomingEvent event = new IncomingEvent(envelope, type.get(), decode(envelope, type.get()));
        RuntimeException last = null;
        Duration wait = config.inbox().unavailableWait();
        Duration longest = wait.multipliedBy(LONGEST_WAIT_FACTOR);
        for (int attempt = 1; attempt <= config.inbox().attempts(); attempt++) {
            try {
                return apply(consumer, event, effect);
            } catch (InboxClosedException held) {
                throw held;
            } catch (RuntimeException e) {
                if (door.isClosed()) {
                    throw door.hold(envelope.id().toString()); // failed as the service stopped: not the event's fault
                }
                if (isUnavailable(e)) {
                    LOG.warnf("inbox %s: event %s (%s) waits %s: %s", consumer, envelope.id(), envelope.type(), wait,
                            e.getClass().getSimpleName());
                    pause(wait);
                    wait = wait.multipliedBy(2).compareTo(longest) > 0 ? longest : wait.multipliedBy(2);
                    attempt--; // not the event's fault: no attempt spent
                    continue;
                }
                last = e;
                LOG.warnf("inbox %s: event %s (%s) attempt %d failed: %s", consumer, envelope.id(),
                        envelope.type(), attempt, e.getClass().getSimpleName());
            }
        }
        throw new PoisonEventException(envelope.id(), envelope.type(), config.inbox().attempts(), last);
    }

    /** One attempt, in a transaction of its own, through the door (held when the service is stopping). */
    private boolean apply(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        if (!door.enter()) {
            throw door.hold(event.envelope().id().toString());
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!claim(consumer, event.envelope())) {
                    return false;
                }
                effect.accept(event);
                return true;
            });
        } finally {
            door.leave();
        }
    }

    /**
     * Whether the failure, or one of its causes, is something unavailable for now (503), the
     * service's own database included: an outage of it is never the event's fault.
     */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain && domain.kind() == ProblemKind.UNAVAILABLE
                    || DatabaseUnreachable.is(t)) {
                return true;
            }
        }
        return false;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry an event", e);
        }
    }

    private boolean claim(String consumer, CloudEvent envelope) {
        return em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type) values (:consumer, :id, :type)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("id", envelope.id())
                .setParameter("type", envelope.type())
                .executeUpdate() == 1;
    }

    private EventData decode(CloudEvent envelope, EventType type) {
        try {
            // tolerant reader: a producer may add fields before every consumer knows them
            return json.readerFor(type.dataClass())
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(envelope.data());
        } catch (IOException e) {
            throw new MalformedEventException("event " + envelope.id() + " (" + envelope.type()
                    + ") data does not match its contract: " + e.getClass().getSimpleName());
        }
    }
}
