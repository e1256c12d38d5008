package jp.tsunagu.platform.inbox;

import jp.tsunagu.platform.problem.Failures;

import java.util.UUID;

/**
 * An event that failed every attempt: thrown to the messaging connector, whose dead-letter
 * strategy moves it to the channel's dead-letter topic so the partition goes on.
 */
public class PoisonEventException extends RuntimeException {
    /** The last failure is described by its classes only: its messages may quote the event's data. */
    public PoisonEventException(UUID eventId, String type, int attempts, Throwable last) {
        super("event " + eventId + " (" + type + ") failed " + attempts + " times: " + Failures.describe(last), null, false, false);
    }
}
