package jp.tsunagu.events.visits;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Something left at the door for the person (置き手紙), and what it said: often several things at
 * once (the supporter's news, what they can do, a request for help), so {@code contents} is a set,
 * in the enum's order. It was one value before; a reader still takes one value as a set of one
 * (events and stored records written before the change).
 */
public record LeftBehind(LeftBehindKind kind,
                         @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                         Set<LeftBehindContents> contents) {

    public LeftBehind {
        requireNonNull(kind, "kind");
        requireNonNull(contents, "contents");
        if (contents.isEmpty()) {
            throw new IllegalArgumentException("contents: a letter says at least one thing");
        }
        contents = Collections.unmodifiableSet(EnumSet.copyOf(contents));
    }

    /** Left behind saying these things. */
    public static LeftBehind of(LeftBehindKind kind, LeftBehindContents... contents) {
        return new LeftBehind(kind, Set.copyOf(List.of(contents)));
    }
}
