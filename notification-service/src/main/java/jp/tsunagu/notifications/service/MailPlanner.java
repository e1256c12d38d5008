package jp.tsunagu.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jp.tsunagu.notifications.domain.MailSettings;
import jp.tsunagu.notifications.domain.MailSlot;
import jp.tsunagu.notifications.domain.MailTiming;
import jp.tsunagu.notifications.domain.Notification;
import jp.tsunagu.notifications.domain.NotificationPreferences;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Decides, in the transaction that made a notification, whether and when it is e-mailed, by its
 * recipient's preferences ({@link MailTiming}): at once, held until quiet hours end, or gathered
 * into the digest of the recipient's digest time; and writes the outgoing mail for
 * {@link MailSender}. A crisis kind always goes at once.
 */
@ApplicationScoped
public class MailPlanner {

    private final EntityManager em;

    MailPlanner(EntityManager em) {
        this.em = em;
    }

    void plan(@Observes NotificationCreated created) {
        Notification notification = created.notification();
        MailTiming.slot(notification.kind, settingsOf(notification.recipientId), notification.createdAt)
                .ifPresent(slot -> {
                    UUID mail = slot.digest() ? pendingDigest(notification.recipientId, slot.dueAt(), notification.createdAt)
                            : newMail(notification.recipientId, slot, notification.createdAt);
                    em.createNativeQuery("insert into outgoing_mail_item (mail_id, notification_id) values (:mail, :notification)")
                            .setParameter("mail", mail).setParameter("notification", notification.id).executeUpdate();
                });
    }

    /** The recipient's mail settings; the defaults for one who never set any. */
    MailSettings settingsOf(String userId) {
        NotificationPreferences preferences = em.find(NotificationPreferences.class, userId);
        return preferences == null ? MailSettings.DEFAULTS : preferences.settings();
    }

    private UUID newMail(String recipient, MailSlot slot, Instant now) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into outgoing_mail (id, recipient_id, digest, due_at, next_attempt_at, state, created_at)
                        values (:id, :recipient, :digest, :due, :due, 'PENDING', :now)""")
                .setParameter("id", id).setParameter("recipient", recipient).setParameter("digest", slot.digest())
                .setParameter("due", slot.dueAt()).setParameter("now", now).executeUpdate();
        return id;
    }

    /**
     * The recipient's pending digest of that time, locked until this transaction ends (so the
     * sender cannot send it without this notification); a new one when there is none, or when the
     * one there was has just been sent (the lock waits for the sender, then sees it is no longer pending).
     */
    @SuppressWarnings("unchecked")
    private UUID pendingDigest(String recipient, Instant due, Instant now) {
        for (int tries = 0; tries < 3; tries++) {
            List<UUID> pending = em.createNativeQuery("""
                            select id from outgoing_mail
                            where recipient_id = :recipient and due_at = :due and digest and state = 'PENDING'
                            for update""", UUID.class)
                    .setParameter("recipient", recipient).setParameter("due", due).getResultList();
            if (!pending.isEmpty()) {
                return pending.get(0);
            }
            em.createNativeQuery("""
                            insert into outgoing_mail (id, recipient_id, digest, due_at, next_attempt_at, state, created_at)
                            values (:id, :recipient, true, :due, :due, 'PENDING', :now)
                            on conflict (recipient_id, due_at) where digest and state = 'PENDING' do nothing""")
                    .setParameter("id", UUID.randomUUID()).setParameter("recipient", recipient).setParameter("due", due)
                    .setParameter("now", now).executeUpdate();
        }
        throw new IllegalStateException("no pending digest could be found or made");
    }
}
