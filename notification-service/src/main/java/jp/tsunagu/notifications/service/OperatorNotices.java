package jp.tsunagu.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.notifications.domain.Audience;
import jp.tsunagu.notifications.domain.Notice;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.notifications.domain.Subject;

import java.util.Map;

/** What the operators (role admin) are told: a partner webhook delivery given up, in their inboxes. */
@ApplicationScoped
public class OperatorNotices {

    private final Notifier notifier;

    OperatorNotices(Notifier notifier) {
        this.notifier = notifier;
    }

    /** In the transaction that recorded the delivery's last attempt; a delivery retried by hand may die again, and is told again. */
    void deliveryDied(@Observes WebhookDeliveryDied died) {
        Notice notice = Notice.of(NotificationKind.WEBHOOK_DELIVERY_DEAD, null, null,
                new Subject(Subject.Type.WEBHOOK_DELIVERY, died.deliveryId()), Map.of("agencyId", died.agencyId()),
                Audience.ADMINS, null);
        notifier.tell(notice, "webhook-delivery/" + died.deliveryId() + "/died/" + died.at().toEpochMilli());
    }
}
