package jp.tsunagu.referrals.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.platform.caseview.CaseViewStore;
import jp.tsunagu.platform.inbox.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the case view (platform/case-view) from case-events, once per event, through the inbox; a
 * case opened from an inbound referral is announced (a CDI event, in the inbox's transaction) for
 * the referral to keep the link.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private final EventInbox inbox;
    private final CaseViewStore views;
    private final Event<CaseOpened> openedFromInbound;

    CaseEventsConsumer(EventInbox inbox, CaseViewStore views, Event<CaseOpened> openedFromInbound) {
        this.inbox = inbox;
        this.views = views;
        this.openedFromInbound = openedFromInbound;
    }

    @Incoming("case-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive("referral-service", record, event -> {
            views.apply(event.data());
            if (event.data() instanceof CaseOpened opened && opened.inboundReferralId() != null) {
                openedFromInbound.fire(opened);
            }
        });
    }
}
