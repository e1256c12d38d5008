package jp.tsunagu.platform.inbox;

/** An event held because the service was stopping (see {@link InboxDoor}): not the event's fault. */
public class InboxClosedException extends RuntimeException {
    public InboxClosedException(String eventId) {
        super("event " + eventId + " not taken: the service is stopping", null, false, false);
    }
}
