package jp.tsunagu.infra;

/** A piece of infrastructure could not be started or reached. */
public class InfraException extends RuntimeException {
    public InfraException(String message) {
        super(message);
    }

    public InfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
