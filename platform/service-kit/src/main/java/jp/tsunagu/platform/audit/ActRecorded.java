package jp.tsunagu.platform.audit;

/**
 * An audited act succeeded and its entry was written. Fired synchronously inside the act's own
 * transaction, so what an observer writes commits with the act or not at all (the idempotency key
 * of the request is sealed this way).
 */
public record ActRecorded(String action, String objectType, String objectId) {
}
