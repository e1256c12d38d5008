package jp.tsunagu.referrals.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.caseview.CaseViewStore;
import jp.tsunagu.platform.inbox.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the case view (platform/case-view) from case-events, once per event, through the inbox. */
@ApplicationScoped
public class CaseEventsConsumer {

    private final EventInbox inbox;
    private final CaseViewStore views;

    CaseEventsConsumer(EventInbox inbox, CaseViewStore views) {
        this.inbox = inbox;
        this.views = views;
    }

    @Incoming("case-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive("referral-service", record, event -> views.apply(event.data()));
    }
}
