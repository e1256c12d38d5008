package jp.tsunagu.notifications.service;

/** referral-service could not say where an agency's webhook goes (down, slow, or refusing): the attempt is retried later. */
public class EndpointLookupException extends RuntimeException {

    public EndpointLookupException(String detail) {
        super(detail);
    }
}
