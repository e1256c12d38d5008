package jp.tsunagu.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.Topic;
import jp.tsunagu.events.visits.VisitRecorded;
import jp.tsunagu.events.visits.VisitScheduled;
import jp.tsunagu.notifications.domain.NotificationRules;
import jp.tsunagu.platform.caseview.CaseViewStore;
import jp.tsunagu.platform.inbox.IncomingEvent;

/**
 * What an event changes here, in the inbox's transaction (once per event): the case view (teams)
 * from case-events, the visits to remind, the partner webhooks a referral event makes, then the
 * notice of its rule, told at once, a crisis as an alert. The event's id is the notice's cause: whoever processes it, it is told once.
 */
@ApplicationScoped
public class EventRouter {

    private final CaseViewStore caseViews;
    private final VisitReminders reminders;
    private final Notifier notifier;
    private final CrisisAlerts alerts;
    private final PartnerWebhooks webhooks;

    EventRouter(CaseViewStore caseViews, VisitReminders reminders, Notifier notifier, CrisisAlerts alerts,
                PartnerWebhooks webhooks) {
        this.caseViews = caseViews;
        this.reminders = reminders;
        this.notifier = notifier;
        this.alerts = alerts;
        this.webhooks = webhooks;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void route(IncomingEvent event) {
        EventData data = event.data();
        if (event.type().topic() == Topic.CASE_EVENTS) {
            caseViews.apply(data);
        }
        if (event.type().topic() == Topic.REFERRAL_EVENTS) {
            webhooks.onEvent(event);
        }
        if (data instanceof VisitScheduled scheduled) {
            reminders.scheduled(scheduled);
        } else if (data instanceof VisitRecorded recorded) {
            reminders.recorded(recorded);
        }
        String cause = event.envelope().id().toString();
        NotificationRules.of(data).ifPresent(notice -> {
            if (notice.kind().isCrisis()) {
                alerts.raise(notice, cause);
            } else {
                notifier.tell(notice, cause);
            }
        });
    }
}
