package jp.tsunagu.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a privacy scan searched, place by place, and every hit of a marker or name with where it was. */
final class PrivacyScan {

    private final Markers markers;
    private final Map<String, Integer> searched = new LinkedHashMap<>();
    private final List<String> hits = new ArrayList<>();

    PrivacyScan(Markers markers) {
        this.markers = markers;
    }

    /** Searches one text of a place ({@code kind}: records, log lines...), naming {@code where} it is on a hit. */
    void search(String kind, String where, String text) {
        searched.merge(kind, 1, Integer::sum);
        List<String> found = markers.foundIn(text);
        if (!found.isEmpty()) {
            hits.add(kind + " | " + where + " | " + found);
        }
    }

    Map<String, Integer> searched() {
        return searched;
    }

    List<String> hits() {
        return hits;
    }
}
