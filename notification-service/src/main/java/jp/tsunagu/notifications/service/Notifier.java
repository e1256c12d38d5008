package jp.tsunagu.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.notifications.domain.Notice;
import jp.tsunagu.notifications.domain.Notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Puts a notice in its recipients' inboxes, once per cause: a redelivered event, or a second
 * replica making the same escalation step, adds nothing. Each new notification is announced
 * ({@link NotificationCreated}) in the same transaction for the channels.
 */
@ApplicationScoped
public class Notifier {

    private final EntityManager em;
    private final Recipients recipients;
    private final Event<NotificationCreated> created;
    private final Clock clock;

    Notifier(EntityManager em, Recipients recipients, Event<NotificationCreated> created, Clock clock) {
        this.em = em;
        this.recipients = recipients;
        this.created = created;
        this.clock = clock;
    }

    /** Tells the notice to whom it is for; answers the notifications made by this call. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Notification> tell(Notice notice, String cause) {
        return tell(notice, cause, null);
    }

    /** The same, for a crisis alert's notifications (acknowledged through any of them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Notification> tell(Notice notice, String cause, UUID alertId) {
        Instant now = clock.instant();
        List<Notification> made = new ArrayList<>();
        // in a fixed order, so two transactions telling the same people never wait for each other in a circle
        for (String recipient : new TreeSet<>(recipients.of(notice))) {
            UUID id = UUID.randomUUID();
            int inserted = em.createNativeQuery("""
                            insert into notification (id, recipient_id, seq, kind, center_id, case_id, subject_type,
                                                      subject_id, facts, cause, alert_id, created_at)
                            values (:id, :recipient, :seq, :kind, :center, :case, :subjectType, :subjectId,
                                    cast(:facts as jsonb), :cause, :alert, :now)
                            on conflict (recipient_id, cause, kind) do nothing""")
                    .setParameter("id", id).setParameter("recipient", recipient)
                    .setParameter("seq", nextSeq(recipient)).setParameter("kind", notice.kind().name())
                    .setParameter("center", notice.centerId()).setParameter("case", notice.caseId())
                    .setParameter("subjectType", notice.subject().type().name())
                    .setParameter("subjectId", notice.subject().id()).setParameter("facts", Columns.json(notice.facts()))
                    .setParameter("cause", cause).setParameter("alert", alertId).setParameter("now", now)
                    .executeUpdate();
            if (inserted == 1) {
                Notification notification = em.find(Notification.class, id);
                made.add(notification);
                created.fire(new NotificationCreated(notification));
            }
        }
        return made;
    }

    /**
     * The recipient's next sequence number. The row stays locked until the transaction ends, so the
     * recipient's notifications commit in the order of their numbers (a stream resumed after N misses none).
     */
    private long nextSeq(String recipient) {
        return ((Number) em.createNativeQuery("""
                        insert into recipient_sequence (recipient_id, last_seq) values (:recipient, 1)
                        on conflict (recipient_id) do update set last_seq = recipient_sequence.last_seq + 1
                        returning last_seq""")
                .setParameter("recipient", recipient).getSingleResult()).longValue();
    }
}
