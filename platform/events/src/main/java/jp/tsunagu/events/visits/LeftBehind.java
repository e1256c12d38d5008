package jp.tsunagu.events.visits;

import static java.util.Objects.requireNonNull;

/** Something left at the door for the person (置き手紙), and what it said. */
public record LeftBehind(LeftBehindKind kind, LeftBehindContents contents) {

    public LeftBehind {
        requireNonNull(kind, "kind");
        requireNonNull(contents, "contents");
    }
}
