package jp.tsunagu.notifications.domain;

/** Why an attempt got no HTTP answer from the agency's endpoint. */
public enum AttemptFailure {
    /** No answer within the read timeout. */
    TIMEOUT,
    /** No connection (refused, reset, no route, connect timeout, TLS). */
    CONNECTION_FAILED,
    /** referral-service could not say where the agency's webhook goes (down, or refused): retried like a failure. */
    LOOKUP_FAILED,
    /** The agency has no webhook: the delivery ends as NO_ENDPOINT. */
    NO_ENDPOINT,
    /** The agency's endpoint is disabled since a 410: the delivery ends as DISABLED. */
    ENDPOINT_DISABLED
}
