package jp.tsunagu.notifications.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jp.tsunagu.notifications.domain.Notification;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live inboxes of the users connected to this replica ({@code GET /notifications/stream}): who
 * follows which inbox, and what to send each of them when their inbox changed. A follower keeps only
 * the last sequence number it sent and the last unread count; when {@link InboxSignals} says the
 * inbox changed (whichever replica changed it), it reads from the database the notifications after
 * that number, in order, and the unread count, on a worker thread. Nothing polls.
 */
@ApplicationScoped
public class LiveInbox {

    /** What a stream sends: a new notification, the unread count, or a heartbeat. */
    public sealed interface Update {
    }

    /** A notification the follower has not been sent yet (its {@code seq} is the event id). */
    public record Created(Notification notification) implements Update {
    }

    /** The unread count of the notifications sent so far, when it changed (and first of all). */
    public record Unread(long unread) implements Update {
    }

    /** Nothing happened: a line that keeps proxies from closing a quiet connection. */
    public record Heartbeat() implements Update {
    }

    /** Notifications read per look; a longer backlog is read in several. */
    static final int BATCH = 100;

    private static final Logger LOG = Logger.getLogger(LiveInbox.class);
    private static final Heartbeat HEARTBEAT = new Heartbeat();

    private final Map<String, Set<Follower>> followers = new ConcurrentHashMap<>();
    private final EntityManager em;
    private final NotificationConfig config;
    private final Clock clock;

    LiveInbox(EntityManager em, NotificationConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The recipient's live inbox until {@code until} (the end of the caller's token): after
     * {@code after}, every notification with a higher sequence number, in order, then the unread
     * count; without it, the unread count first. Then each new notification and each change of the
     * count as it commits, and a heartbeat whenever {@link NotificationConfig.Stream#heartbeat()} passes.
     */
    public Multi<Update> follow(String recipient, OptionalLong after, Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            return Multi.createFrom().empty();
        }
        // an empty item ends the stream (a look failed): the heartbeats must not keep it open
        Multi<Optional<Update>> inbox = Multi.createFrom().<Optional<Update>>emitter(emitter -> {
            Follower follower = new Follower(recipient, after, emitter);
            // registered before its first look, so a change committed meanwhile is not missed
            followers.computeIfAbsent(recipient, r -> ConcurrentHashMap.newKeySet()).add(follower);
            emitter.onTermination(() -> forget(follower));
            follower.signal();
        }, BackPressureStrategy.BUFFER);
        Multi<Optional<Update>> heartbeats = Multi.createFrom().ticks().every(config.stream().heartbeat())
                .onOverflow().drop().map(tick -> Optional.<Update>of(HEARTBEAT));
        return Multi.createBy().merging().streams(inbox, heartbeats)
                .select().first(Optional::isPresent).map(Optional::get)
                .select().first(left);
    }

    /** The recipient's inbox changed: their followers on this replica look. */
    void signal(String recipient) {
        Set<Follower> of = followers.get(recipient);
        if (of != null) {
            of.forEach(Follower::signal);
        }
    }

    /** Anything may have changed (the signals were not heard for a while): every follower looks. */
    void signalAll() {
        followers.values().forEach(of -> of.forEach(Follower::signal));
    }

    /** How many streams this replica serves. */
    public int followerCount() {
        return followers.values().stream().mapToInt(Set::size).sum();
    }

    private void forget(Follower follower) {
        follower.closed = true;
        followers.computeIfPresent(follower.recipient, (r, of) -> {
            of.remove(follower);
            return of.isEmpty() ? null : of;
        });
    }

    /**
     * One stream. Its looks run one at a time on a worker thread: a signal during a look makes one
     * more look after it, however many came.
     */
    private final class Follower {
        private final String recipient;
        private final MultiEmitter<? super Optional<Update>> emitter;
        private final AtomicInteger signals = new AtomicInteger();
        private OptionalLong after;
        private long lastSeq = -1;
        private long lastUnread = -1;
        private volatile boolean closed;

        Follower(String recipient, OptionalLong after, MultiEmitter<? super Optional<Update>> emitter) {
            this.recipient = recipient;
            this.after = after;
            this.emitter = emitter;
        }

        void signal() {
            if (signals.getAndIncrement() == 0) {
                worker().execute(this::drain);
            }
        }

        private void drain() {
            int seen = signals.get();
            while (true) {
                if (closed) {
                    return;
                }
                try {
                    if (look()) {
                        continue; // a full batch: more may wait
                    }
                } catch (RuntimeException e) {
                    // the client reconnects with its Last-Event-ID and misses nothing
                    LOG.warnf("live inbox: a look failed (%s), the stream ends", e.getClass().getSimpleName());
                    emitter.emit(Optional.empty());
                    return;
                }
                seen = signals.addAndGet(-seen);
                if (seen == 0) {
                    return;
                }
            }
        }

        /** Sends what is new; answers whether a full batch was sent (and more may wait). */
        private boolean look() {
            Look look = QuarkusTransaction.requiringNew().call(() -> read(lastSeq));
            if (closed) {
                return false;
            }
            for (Notification notification : look.fresh()) {
                emitter.emit(Optional.of(new Created(notification)));
            }
            lastSeq = look.lastSeq();
            boolean more = look.fresh().size() == BATCH;
            // the count once caught up, not after every batch of a long backlog
            if (!more && look.unread() != lastUnread) {
                lastUnread = look.unread();
                emitter.emit(Optional.of(new Unread(lastUnread)));
            }
            return more;
        }

        private Look read(long sentUpTo) {
            long from = sentUpTo;
            if (from < 0) {
                // first look: after the client's Last-Event-ID (never beyond what exists), or from now on
                long newest = ((Number) em.createNativeQuery(
                                "select coalesce(max(seq), 0) from notification where recipient_id = :recipient")
                        .setParameter("recipient", recipient).getSingleResult()).longValue();
                from = after.isPresent() ? Math.min(after.getAsLong(), newest) : newest;
                after = OptionalLong.empty();
            }
            List<Notification> fresh = em.createQuery("from Notification n where n.recipientId = :recipient"
                            + " and n.seq > :from order by n.seq", Notification.class)
                    .setParameter("recipient", recipient).setParameter("from", from).setMaxResults(BATCH)
                    .getResultList();
            long upTo = fresh.isEmpty() ? from : fresh.getLast().seq;
            // the count of what the client has been sent, so the badge never counts an event still to come
            long unread = ((Number) em.createNativeQuery("""
                            select count(*) from notification
                            where recipient_id = :recipient and read_at is null and seq <= :upTo""")
                    .setParameter("recipient", recipient).setParameter("upTo", upTo).getSingleResult()).longValue();
            return new Look(fresh, upTo, unread);
        }
    }

    private record Look(List<Notification> fresh, long lastSeq, long unread) {
    }

    private static Executor worker() {
        return Infrastructure.getDefaultWorkerPool();
    }
}
