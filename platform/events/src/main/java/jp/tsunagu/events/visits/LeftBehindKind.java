package jp.tsunagu.events.visits;

/** What was left at the door when the person was not met (置き手紙). */
public enum LeftBehindKind {
    LETTER,
    MEMO,
    LEAFLET
}
