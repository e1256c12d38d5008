package jp.tsunagu.platform.probe;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.platform.inbox.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes case-events through the inbox: each event inserts one probe_effect row. A case number
 * starting with {@code C-POISON} always fails, to prove the dead-letter path.
 */
@ApplicationScoped
public class ProbeConsumer {

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
                em.createNativeQuery("insert into probe_effect (event_id, case_id) values (:e, :c)")
                        .setParameter("e", event.envelope().id()).setParameter("c", opened.caseId())
                        .executeUpdate();
            }
        });
    }
}
