package jp.tsunagu.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.cloudevents.CloudEvent;
import jp.tsunagu.platform.cloudevents.KafkaCloudEvents;
import jp.tsunagu.platform.config.PlatformConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox: right after a commit (nudged by {@link Outbox}) and on a periodic sweep
 * that catches whatever a crash or an absent broker left behind. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} under a transaction-scoped advisory lock, so with several
 * replicas one publishes at a time and per-case order holds. Delivery is at least once; consumers
 * drop duplicates by event id. Each event is published in the trace it was appended in
 * ({@link PublishSpans}).
 */
@Startup
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "tsunagu outbox". */
    private static final long LOCK_KEY = 0x7473_756e_6167_7501L;
    /** The pending events are counted after a failure at once, otherwise at most this often (not after every batch). */
    private static final long MEASURE_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final EntityManager em;
    private final OutboxProducer producer;
    private final PublishSpans publishSpans;
    private final PlatformConfig config;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private volatile long measuredAt = System.nanoTime() - MEASURE_EVERY_NANOS;

    OutboxRelay(EntityManager em, OutboxProducer producer, PublishSpans publishSpans, PlatformConfig config,
                MeterRegistry metrics) {
        this.em = em;
        this.producer = producer;
        this.publishSpans = publishSpans;
        this.config = config;
        metrics.gauge("tsunagu.outbox.pending", pending);
        metrics.gauge("tsunagu.outbox.oldest.pending.age.seconds", oldestPendingSeconds);
    }

    /** Asks for a publication soon, off the committing thread; nudges while one is queued coalesce. */
    public void publishSoon() {
        if (executor.isShutdown()) {
            return;
        }
        if (nudged.compareAndSet(false, true)) {
            try {
                executor.submit(() -> {
                    nudged.set(false);
                    publishPending();
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                nudged.set(false);
            }
        }
    }

    @Scheduled(every = "${tsunagu.outbox.sweep-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        publishSoon();
    }

    /** Publishes every pending event it can; answers how many it published. */
    public synchronized int publishPending() {
        int published = 0;
        boolean failed = true;
        try {
            Batch batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(this::publishBatch);
                published += batch.published();
            } while (batch.full() && batch.failure() == null);
            failed = batch.failure() != null;
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay: %s", e.getClass().getSimpleName());
        } finally {
            if (failed || System.nanoTime() - measuredAt >= MEASURE_EVERY_NANOS) {
                measure();
            }
        }
        return published;
    }

    private record Batch(int published, boolean full, Exception failure) {
    }

    private Batch publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", LOCK_KEY).getSingleResult();
        if (!locked) {
            return new Batch(0, false, null);
        }
        // read only: a row is marked with one statement below, never rewritten whole (payload included)
        @SuppressWarnings("unchecked")
        List<OutboxEvent> events = em.createNativeQuery("""
                        select * from outbox_event where published_at is null
                        order by seq limit :limit for update skip locked""", OutboxEvent.class)
                .setParameter("limit", config.outbox().batchSize())
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
        List<Span> spans = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            ProducerRecord<String, String> record = KafkaCloudEvents.toRecord(event.topic, event.partitionKey,
                    new CloudEvent(event.id, event.eventType, event.source, event.partitionKey,
                            event.occurredAt, event.payload));
            spans.add(publishSpans.start(event, record));
            sends.add(producer.get().send(record));
        }
        int sent = 0;
        Exception failure = null;
        for (; sent < events.size(); sent++) {
            try {
                sends.get(sent).get(15, TimeUnit.SECONDS);
                publishSpans.published(spans.get(sent));
            } catch (Exception e) {
                failure = e;
                break;
            }
        }
        for (int unacknowledged = sent; unacknowledged < events.size(); unacknowledged++) {
            publishSpans.failed(spans.get(unacknowledged), failure);
        }
        mark("update outbox_event set published_at = :now where seq in (:seqs)", events.subList(0, sent),
                Map.of("now", Instant.now()));
        if (failure != null) {
            // this and the later ones stay pending, in order, for the next round
            mark("update outbox_event set attempts = attempts + 1, last_error = :error where seq in (:seqs)",
                    events.subList(sent, events.size()), Map.of("error", failure.getClass().getSimpleName()));
            LOG.warnf("outbox relay: %d of %d events not published yet (%s); will retry",
                    events.size() - sent, events.size(), failure.getClass().getSimpleName());
            return new Batch(sent, false, failure);
        }
        return new Batch(events.size(), events.size() == config.outbox().batchSize(), null);
    }

    /** One statement for the rows of a batch. */
    private void mark(String update, List<OutboxEvent> events, Map<String, Object> parameters) {
        if (events.isEmpty()) {
            return;
        }
        var statement = em.createNativeQuery(update).setParameter("seqs", events.stream().map(event -> event.seq).toList());
        parameters.forEach(statement::setParameter);
        statement.executeUpdate();
    }

    private void measure() {
        measuredAt = System.nanoTime();
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "select count(*), min(occurred_at) from outbox_event where published_at is null")
                    .getSingleResult());
            pending.set(((Number) row[0]).longValue());
            oldestPendingSeconds.set(row[1] == null ? 0
                    : Duration.between(toInstant(row[1]), Instant.now()).toSeconds());
        } catch (RuntimeException e) {
            LOG.debugf("outbox metrics not updated: %s", e.getClass().getSimpleName());
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** Deletes published events past their retention. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from outbox_event where published_at < :before")
                .setParameter("before", Instant.now().minus(config.outbox().retention()))
                .executeUpdate());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For the metrics endpoint and tests: events not yet published at the last measure. */
    public long pendingCount() {
        return pending.get();
    }
}
