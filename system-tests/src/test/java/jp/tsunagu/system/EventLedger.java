package jp.tsunagu.system;

import jp.tsunagu.local.Service;
import jp.tsunagu.testkit.EventReader;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * What the services' outboxes hold from a point on (the events owed for what they committed), and
 * what of it reached Kafka and each consumer's inbox. The outbox's {@code seq} marks the point.
 */
final class EventLedger {

    /** Who consumes each topic, by its inbox's consumer name. */
    static final Map<String, List<Service>> CONSUMERS = Map.of(
            "case-events", List.of(Service.VISIT, Service.REFERRAL, Service.NOTIFICATION),
            "visit-events", List.of(Service.CASE, Service.NOTIFICATION),
            "referral-events", List.of(Service.CASE, Service.NOTIFICATION));

    private final Map<Service, Long> marks = new HashMap<>();

    /** Marks where each outbox stands now: what comes after is the test's. */
    static EventLedger markNow() {
        EventLedger ledger = new EventLedger();
        for (Service service : Service.values()) {
            ledger.marks.put(service, ServiceDatabase.count(service, "select coalesce(max(seq), 0) from outbox_event"));
        }
        return ledger;
    }

    /** Waits until every outbox has published what it holds. */
    void awaitPublished(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long pending = 0;
            for (Service service : Service.values()) {
                pending += ServiceDatabase.count(service, "select count(*) from outbox_event where published_at is null");
            }
            return pending == 0;
        });
    }

    /** Event ids written since the mark on a topic, by every service. */
    Set<String> owed(String topic) {
        Set<String> ids = new HashSet<>();
        for (Service service : Service.values()) {
            ids.addAll(ServiceDatabase.strings(service, "select id::text from outbox_event where seq > ? and topic = ?",
                    marks.get(service), topic));
        }
        return ids;
    }

    /** The ids carried by the events owed since the mark, under a data field (e.g. visitId). */
    Set<String> dataIds(Service service, String eventType, String field) {
        return new HashSet<>(ServiceDatabase.strings(service,
                "select payload->>? from outbox_event where seq > ? and event_type = ?",
                field, marks.get(service), eventType));
    }

    /** The ids of the events of a type a service wrote since the mark. */
    Set<String> eventIds(Service service, String eventType) {
        return new HashSet<>(ServiceDatabase.strings(service,
                "select id::text from outbox_event where seq > ? and event_type = ?", marks.get(service), eventType));
    }

    /** Every record now on the topic whose id is owed, counted by id (more than 1: a duplicate on the wire). */
    static Map<String, Integer> onTheWire(String topic, Set<String> owed, Duration atMost) {
        List<EventReader.Record> records = EventReader.read(RunningSystem.get().infrastructure().kafka().bootstrapServers(),
                topic, all -> all.stream().map(r -> r.header("ce_id")).filter(owed::contains).distinct().count() == owed.size(),
                atMost);
        Map<String, Integer> seen = new HashMap<>();
        records.stream().map(r -> r.header("ce_id")).filter(owed::contains).forEach(id -> seen.merge(id, 1, Integer::sum));
        return seen;
    }

    /** How many of the ids the consumer's inbox holds, waiting until it holds them all or the time is up. */
    static long inInbox(Service consumer, Set<String> ids, Duration atMost) {
        String list = String.join(",", ids);
        String sql = "select count(*) from inbox_event where consumer = ? and event_id::text = any(string_to_array(?, ','))";
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ServiceDatabase.count(consumer, sql, consumer.module(), list) >= ids.size());
        } catch (ConditionTimeoutException stillMissing) {
            // what is missing is counted below and reported by the test
        }
        return ServiceDatabase.count(consumer, sql, consumer.module(), list);
    }
}
