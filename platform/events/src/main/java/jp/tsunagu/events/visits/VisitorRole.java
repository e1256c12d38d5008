package jp.tsunagu.events.visits;

/** In what role someone went on a visit. */
public enum VisitorRole {
    STAFF,
    /** ピアサポーター. */
    PEER_SUPPORTER
}
