package jp.tsunagu.cases.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.inbox.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes visit-events and referral-events through the inbox (once per event, dead letters after retries). */
@ApplicationScoped
public class VisitAndReferralConsumer {

    private final EventInbox inbox;
    private final LearnedEvents learned;

    VisitAndReferralConsumer(EventInbox inbox, LearnedEvents learned) {
        this.inbox = inbox;
        this.learned = learned;
    }

    @Incoming("visit-events")
    @Blocking
    public void visits(ConsumerRecord<String, String> record) {
        inbox.receive("case-service", record, event -> learned.learn(event.envelope().id(), event.data()));
    }

    @Incoming("referral-events")
    @Blocking
    public void referrals(ConsumerRecord<String, String> record) {
        inbox.receive("case-service", record, event -> learned.learn(event.envelope().id(), event.data()));
    }
}
