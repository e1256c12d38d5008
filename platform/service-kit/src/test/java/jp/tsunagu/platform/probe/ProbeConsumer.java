package jp.tsunagu.platform.probe;

import io.opentelemetry.api.trace.Span;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.platform.inbox.EventInbox;
import jp.tsunagu.platform.problem.DomainException;
import jp.tsunagu.platform.problem.ProblemKind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consumes case-events through the inbox: each event inserts one probe_effect row. A case number
 * starting with {@code C-POISON} always fails, to prove the dead-letter path; one starting with
 * {@code C-UNAVAILABLE} finds something unavailable (503) its first four times, more than the attempts.
 * Each effect notes the trace it ran in.
 */
@ApplicationScoped
public class ProbeConsumer {

    /** How often each unavailable case's event was tried. */
    public static final Map<UUID, Integer> UNAVAILABLE_TRIES = new ConcurrentHashMap<>();

    /** The trace each case's event took effect in (the current span's trace id as the effect ran). */
    public static final Map<UUID, String> TRACE_IDS = new ConcurrentHashMap<>();

    /** What Keycloak or case-service being down looks like to an effect. */
    static final class SomethingUnavailable extends DomainException {
        SomethingUnavailable() {
            super("unavailable for now");
        }

        @Override
        public ProblemKind kind() {
            return ProblemKind.UNAVAILABLE;
        }
    }

    private final EventInbox inbox;
    private final EntityManager em;

    ProbeConsumer(EventInbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming("probe-case-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive("probe", record, event -> {
            if (event.data() instanceof CaseOpened opened) {
                if (opened.caseNumber().startsWith("C-POISON")) {
                    throw new IllegalStateException("poison");
                }
                if (opened.caseNumber().startsWith("C-UNAVAILABLE")
                        && UNAVAILABLE_TRIES.merge(opened.caseId(), 1, Integer::sum) <= 4) {
                    throw new SomethingUnavailable();
                }
                TRACE_IDS.put(opened.caseId(), Span.current().getSpanContext().getTraceId());
                em.createNativeQuery("insert into probe_effect (event_id, case_id) values (:e, :c)")
                        .setParameter("e", event.envelope().id()).setParameter("c", opened.caseId())
                        .executeUpdate();
            }
        });
    }
}
