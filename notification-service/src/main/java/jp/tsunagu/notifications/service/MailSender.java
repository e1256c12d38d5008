package jp.tsunagu.notifications.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jp.tsunagu.notifications.domain.MailRetry;
import jp.tsunagu.notifications.domain.MailText;
import jp.tsunagu.notifications.domain.Notification;
import jp.tsunagu.platform.directory.UserDirectory;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the e-mails that are due, one per transaction: claims the next due mail with
 * {@code FOR UPDATE SKIP LOCKED} (several replicas never send one twice, and never wait for each
 * other), asks Keycloak for the recipient's address at that moment, sends it through SMTP and marks
 * it sent. A failed attempt is tried again later ({@link MailRetry}), then given up (FAILED); a
 * recipient without an address or an enabled account is UNDELIVERABLE. The log names mails by id
 * only, never an address or a recipient. How often it looks is {@link NotificationConfig.Mail#sendCheck()}.
 */
@ApplicationScoped
public class MailSender {

    /** The scheduler's name for the sender (paused in the tests, which call {@link #sendDue()} themselves). */
    public static final String JOB = "mail-sender";

    /** What became of one mail in one attempt. */
    public enum Outcome { SENT, RETRY_LATER, FAILED, UNDELIVERABLE }

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final EntityManager em;
    private final Mailer mailer;
    private final UserDirectory directory;
    private final NotificationConfig config;
    private final Clock clock;

    MailSender(EntityManager em, Mailer mailer, UserDirectory directory, NotificationConfig config, Clock clock) {
        this.em = em;
        this.mailer = mailer;
        this.directory = directory;
        this.config = config;
        this.clock = clock;
    }

    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        Duration every = config.mail().sendCheck();
        scheduler.newJob(JOB).setInterval(every.toString()).setDelayed(every.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> sendDue()).schedule();
        if (config.mail().paused()) {
            scheduler.pause(JOB);
        }
    }

    /** Sends the mails due now, up to a batch; answers how many were sent by this call. */
    public int sendDue() {
        int sent = 0;
        for (int i = 0; i < config.mail().batch(); i++) {
            Optional<Outcome> outcome = QuarkusTransaction.requiringNew().call(this::sendNext);
            if (outcome.isEmpty()) {
                break;
            }
            if (outcome.get() == Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }

    @SuppressWarnings("unchecked")
    private Optional<Outcome> sendNext() {
        Instant now = clock.instant();
        List<Object[]> due = em.createNativeQuery("""
                        select id, recipient_id, digest, attempts from outgoing_mail
                        where state = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at, id limit 1 for update skip locked""")
                .setParameter("now", now).getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        UUID id = (UUID) due.get(0)[0];
        String recipient = (String) due.get(0)[1];
        boolean digest = (Boolean) due.get(0)[2];
        int attempts = ((Number) due.get(0)[3]).intValue();
        List<UUID> items = em.createNativeQuery("select notification_id from outgoing_mail_item where mail_id = :mail",
                UUID.class).setParameter("mail", id).getResultList();
        List<Notification> notifications = em.createQuery(
                        "from Notification n where n.id in :ids order by n.createdAt, n.seq", Notification.class)
                .setParameter("ids", items).getResultList();
        try {
            Optional<String> address = directory.emailOf(recipient);
            if (address.isEmpty()) {
                mark(id, "UNDELIVERABLE", attempts, "NoAddress");
                LOG.warnf("mail %s: its recipient has no enabled account with an e-mail address; not sent", id);
                return Optional.of(Outcome.UNDELIVERABLE);
            }
            MailText.Content content = digest ? MailText.digest(notifications, config.linkBase())
                    : MailText.single(notifications.get(0), config.linkBase());
            mailer.send(Mail.withText(address.get(), content.subject(), content.body())
                    .addHeader("Auto-Submitted", "auto-generated"));
        } catch (RuntimeException e) {
            return Optional.of(failed(id, attempts + 1, e, now));
        }
        em.createNativeQuery("""
                        update outgoing_mail set state = 'SENT', sent_at = :now, attempts = attempts + 1, last_failure = null
                        where id = :id""")
                .setParameter("now", now).setParameter("id", id).executeUpdate();
        LOG.debugf("mail %s sent (%d notification(s))", id, notifications.size());
        return Optional.of(Outcome.SENT);
    }

    private Outcome failed(UUID id, int failedAttempts, RuntimeException e, Instant now) {
        String failure = e.getClass().getSimpleName();
        Optional<Duration> wait = MailRetry.waitAfter(failedAttempts, config.mail().maxAttempts(), config.mail().retryAfter());
        if (wait.isEmpty()) {
            mark(id, "FAILED", failedAttempts, failure);
            LOG.errorf("mail %s: given up after %d failed attempts (last: %s)", id, failedAttempts, failure);
            return Outcome.FAILED;
        }
        Instant next = now.plus(wait.get());
        mark(id, "PENDING", failedAttempts, failure);
        em.createNativeQuery("update outgoing_mail set next_attempt_at = :next where id = :id")
                .setParameter("next", next).setParameter("id", id).executeUpdate();
        LOG.warnf("mail %s: attempt %d failed (%s); next attempt at %s", id, failedAttempts, failure, next);
        return Outcome.RETRY_LATER;
    }

    private void mark(UUID id, String state, int attempts, String failure) {
        em.createNativeQuery("""
                        update outgoing_mail set state = :state, attempts = :attempts, last_failure = :failure
                        where id = :id""")
                .setParameter("state", state).setParameter("attempts", attempts).setParameter("failure", failure)
                .setParameter("id", id).executeUpdate();
    }
}
