package jp.tsunagu.events.visits;

/** The person's consent to the next visit; no explicit refusal counts as consent. */
public enum NextVisitConsent {
    AGREED,
    NO_EXPLICIT_REFUSAL,
    REFUSED,
    NOT_ASKED
}
