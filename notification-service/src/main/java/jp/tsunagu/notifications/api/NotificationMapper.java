package jp.tsunagu.notifications.api;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.notifications.domain.CrisisAlert;
import jp.tsunagu.notifications.domain.Notification;
import jp.tsunagu.notifications.domain.NotificationText;
import jp.tsunagu.notifications.service.Inbox;
import jp.tsunagu.notifications.service.NotificationConfig;
import jp.tsunagu.platform.time.Tokyo;

/** Notifications as the API shows them, times in Tokyo's offset, links absolute. */
@ApplicationScoped
public class NotificationMapper {

    private final NotificationConfig config;

    NotificationMapper(NotificationConfig config) {
        this.config = config;
    }

    public NotificationBodies.NotificationView view(Inbox.Shown shown) {
        return view(shown.notification(), shown.alert().map(NotificationMapper::alert).orElse(null));
    }

    public NotificationBodies.NotificationView view(Notification n) {
        return view(n, null);
    }

    private NotificationBodies.NotificationView view(Notification n, NotificationBodies.AlertView alert) {
        return new NotificationBodies.NotificationView(n.id, n.seq, n.kind, NotificationText.title(n.kind, n.facts),
                config.linkBase() + n.subject().path(), n.caseId,
                new NotificationBodies.SubjectView(n.subjectType, n.subjectId), n.facts, Tokyo.offset(n.createdAt),
                Tokyo.offset(n.readAt), alert);
    }

    private static NotificationBodies.AlertView alert(Inbox.Alert shown) {
        CrisisAlert a = shown.alert();
        return new NotificationBodies.AlertView(a.id, a.caseId, Tokyo.offset(a.raisedAt), Tokyo.offset(a.acknowledgedAt),
                a.acknowledgedBy, a.escalations, Tokyo.offset(a.nextEscalationAt), shown.history().stream()
                .map(s -> new NotificationBodies.AlertStepView(s.stepNo(), s.what(), Tokyo.offset(s.at()), s.actor(),
                        s.recipients())).toList());
    }
}
