package jp.tsunagu.cases.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.inbox.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes audit-events through the inbox (once per event): what other services audited on this service's cases. */
@ApplicationScoped
public class AuditEventsConsumer {

    private final EventInbox inbox;
    private final SharedAuditEntries entries;

    AuditEventsConsumer(EventInbox inbox, SharedAuditEntries entries) {
        this.inbox = inbox;
        this.entries = entries;
    }

    @Incoming("audit-events")
    @Blocking
    public void audit(ConsumerRecord<String, String> record) {
        inbox.receive("case-service", record, event -> entries.keep(event.data()));
    }
}
