package jp.tsunagu.notifications.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.notifications.service.EventRouter;
import jp.tsunagu.platform.inbox.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads the three topics of the services through the inbox (once per event) into the router. */
@ApplicationScoped
public class EventConsumers {

    static final String CONSUMER = "notification-service";

    private final EventInbox inbox;
    private final EventRouter router;

    EventConsumers(EventInbox inbox, EventRouter router) {
        this.inbox = inbox;
        this.router = router;
    }

    @Incoming("case-events")
    @Blocking
    public void caseEvent(ConsumerRecord<String, String> record) {
        inbox.receive(CONSUMER, record, router::route);
    }

    @Incoming("visit-events")
    @Blocking
    public void visitEvent(ConsumerRecord<String, String> record) {
        inbox.receive(CONSUMER, record, router::route);
    }

    @Incoming("referral-events")
    @Blocking
    public void referralEvent(ConsumerRecord<String, String> record) {
        inbox.receive(CONSUMER, record, router::route);
    }
}
