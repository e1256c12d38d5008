package jp.tsunagu.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Whether the inbox still takes events: open until the application stops. When it stops (the
 * {@link ShutdownEvent}, before the database's pool and Hibernate close, while the Kafka consumers
 * still deliver) the door closes and waits, a bounded time, for the effects in progress to commit.
 * An event that comes after, or whose effect fails once the door is closed, is held: neither
 * applied, nor acknowledged, nor sent to the dead-letter topic. Its offset stays uncommitted and
 * the next start reads it again, which the inbox makes harmless. Without the door, the events in
 * flight when a service stopped failed against a closed database and went to the dead-letter topic.
 */
@ApplicationScoped
public class InboxDoor {

    private static final Logger LOG = Logger.getLogger(InboxDoor.class);
    /** The longest the stop waits for the effects in progress. */
    static final Duration DRAIN = Duration.ofSeconds(10);
    /** How long a held event blocks its consumer: longer than any stop takes, so the process ends first. */
    static final Duration HOLD = Duration.ofMinutes(2);

    private final Duration drain;
    private final Duration hold;
    private boolean closed;
    private int inProgress;

    InboxDoor() {
        this(DRAIN, HOLD);
    }

    InboxDoor(Duration drain, Duration hold) {
        this.drain = drain;
        this.hold = hold;
    }

    /** An effect begins; false when the door is closed (the event is to be {@link #hold held}). */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        inProgress++;
        return true;
    }

    /** The effect that {@link #enter entered} has committed or failed. */
    synchronized void leave() {
        inProgress--;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Closes the door first of the stop, and waits for the effects in progress. */
    void close(@Observes @Priority(1) ShutdownEvent stopping) {
        close();
    }

    synchronized void close() {
        closed = true;
        long deadline = System.nanoTime() + drain.toNanos();
        try {
            for (long left = drain.toNanos(); inProgress > 0 && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (inProgress > 0) {
            LOG.warnf("inbox: stopping with %d events still in progress; they are held and read again at the next start",
                    inProgress);
        }
    }

    /**
     * Holds the caller's event until the process ends, so that it is never acknowledged; throws
     * {@link InboxClosedException} should the process outlive the hold (or the wait be interrupted).
     */
    InboxClosedException hold(String eventId) {
        LOG.debugf("inbox: event %s held, the service is stopping", eventId);
        try {
            Thread.sleep(hold);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new InboxClosedException(eventId);
    }
}
