package jp.tsunagu.platform.caseview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the departures as a service would, for the tests to see what was fired. */
@ApplicationScoped
public class DeparturesSeen {

    private final List<TeamDepartures> seen = new CopyOnWriteArrayList<>();

    List<TeamDepartures> seen() {
        return List.copyOf(seen);
    }

    void observe(@Observes TeamDepartures departures) {
        seen.add(departures);
    }
}
