package jp.tsunagu.notifications.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jp.tsunagu.notifications.domain.Notification;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.platform.security.CallerScope;

import java.util.UUID;

/**
 * A user sees their own notifications only: anyone else's is a 404, like one that does not exist.
 */
@RequestScoped
public class NotificationAccess {

    private final CallerScope caller;
    private final EntityManager em;

    NotificationAccess(CallerScope caller, EntityManager em) {
        this.caller = caller;
        this.em = em;
    }

    /** The caller's user id: whose inbox it is. */
    public String recipient() {
        return caller.userId();
    }

    /** The caller's own notification of that id. */
    public Notification own(UUID id) {
        Notification notification = em.find(Notification.class, id);
        if (notification == null || !notification.recipientId.equals(caller.userId())) {
            throw new NotFoundException("Notification", id);
        }
        return notification;
    }
}
