package jp.tsunagu.events.visits;

/** What a letter, memo or leaflet left behind said. */
public enum LeftBehindContents {
    /** The supporter's own news. */
    SUPPORTER_NEWS,
    /** What the supporter can do for the person. */
    WHAT_I_CAN_DO,
    /** A request for the person's help. */
    REQUEST_FOR_HELP
}
