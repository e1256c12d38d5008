package jp.tsunagu.platform.cloudevents;

/** A record on a topic that cannot be read as one of our events: it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
