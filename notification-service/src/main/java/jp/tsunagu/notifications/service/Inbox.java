package jp.tsunagu.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.notifications.domain.CrisisAlert;
import jp.tsunagu.notifications.domain.Notification;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.notifications.security.NotificationAccess;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.problem.ConflictException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The caller's inbox: list, unread count, read marks, and the acknowledgement of a crisis alert. */
@ApplicationScoped
@Transactional
public class Inbox {

    /** Which notifications a list shows: only unread ones, only of a kind. */
    public record Filter(boolean unreadOnly, Optional<NotificationKind> kind) {
    }

    /** A notification with its crisis alert and the alert's history (none for other kinds). */
    public record Shown(Notification notification, Optional<Alert> alert) {
    }

    public record Alert(CrisisAlert alert, List<AlertHistory.Step> history) {
    }

    private final EntityManager em;
    private final NotificationAccess access;
    private final CrisisAlerts alerts;
    private final Event<InboxChanged> changed;
    private final Clock clock;

    Inbox(EntityManager em, NotificationAccess access, CrisisAlerts alerts, Event<InboxChanged> changed, Clock clock) {
        this.em = em;
        this.access = access;
        this.alerts = alerts;
        this.changed = changed;
        this.clock = clock;
    }

    /** The caller's notifications, newest first. */
    public Page<Notification> list(Filter filter, PageRequest page) {
        StringBuilder jpql = new StringBuilder("from Notification n where n.recipientId = :recipient");
        if (filter.unreadOnly()) {
            jpql.append(" and n.readAt is null");
        }
        filter.kind().ifPresent(kind -> jpql.append(" and n.kind = :kind"));
        page.after().ifPresent(after -> jpql.append(" and n.seq < :after"));
        var query = em.createQuery(jpql.append(" order by n.seq desc").toString(), Notification.class)
                .setParameter("recipient", access.recipient()).setMaxResults(page.limit() + 1);
        filter.kind().ifPresent(kind -> query.setParameter("kind", kind));
        page.after().ifPresent(after -> query.setParameter("after", after.number(0)));
        return page.page(query.getResultList(), n -> Cursor.of(n.seq));
    }

    public long unreadCount() {
        return unreadOf(em, access.recipient());
    }

    /** A recipient's unread count (also for the live stream, which has no request). */
    static long unreadOf(EntityManager em, String recipient) {
        return em.createQuery("select count(n) from Notification n where n.recipientId = :recipient and n.readAt is null",
                Long.class).setParameter("recipient", recipient).getSingleResult();
    }

    public Shown get(UUID id) {
        return shown(access.own(id));
    }

    /** Marks the caller's notification read (again: nothing changes). */
    public Shown read(UUID id) {
        Notification notification = access.own(id);
        if (notification.markRead(now())) {
            changed.fire(new InboxChanged(notification.recipientId));
        }
        return shown(notification);
    }

    /** Marks every unread notification of the caller read; answers how many were. */
    public int readAll() {
        int marked = em.createQuery("update Notification n set n.readAt = :now where n.recipientId = :recipient"
                        + " and n.readAt is null")
                .setParameter("now", now()).setParameter("recipient", access.recipient()).executeUpdate();
        if (marked > 0) {
            changed.fire(new InboxChanged(access.recipient()));
        }
        return marked;
    }

    /**
     * Acknowledges the crisis alert of the caller's notification: the first acknowledgement, by any
     * recipient, stops its escalation for all. The notification is read too.
     */
    @Audited(action = "crisis-alert.acknowledge", objectType = "notification")
    public Shown acknowledge(@AuditObjectId UUID id) {
        Notification notification = access.own(id);
        if (notification.alertId == null) {
            throw new ConflictException("Only a crisis alert is acknowledged; this notification is a " + notification.kind);
        }
        alerts.acknowledge(notification.alertId, access.recipient());
        Instant now = now();
        if (notification.markRead(now)) {
            changed.fire(new InboxChanged(notification.recipientId));
        }
        return shown(notification);
    }

    /** Now, as the database keeps it (microseconds), so that an answer and a later read of it agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Shown shown(Notification notification) {
        if (notification.alertId == null) {
            return new Shown(notification, Optional.empty());
        }
        CrisisAlert alert = em.find(CrisisAlert.class, notification.alertId);
        return new Shown(notification, Optional.of(new Alert(alert, AlertHistory.of(em, alert.id))));
    }
}
