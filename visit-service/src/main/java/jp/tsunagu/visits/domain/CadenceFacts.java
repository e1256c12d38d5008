package jp.tsunagu.visits.domain;

import jp.tsunagu.events.visits.NextVisitConsent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a case's visits come to for its cadence. Only outreach counts: recorded visits to the person
 * (home, outing, accompaniment), not cancelled ones, not sessions with the family at the center.
 *
 * @param last         the latest counted visit
 * @param lastMetAt    when the latest counted visit that met the person took place
 * @param notMetStreak the counted visits after that meeting (all of them when nobody was ever met)
 */
public record CadenceFacts(Optional<LastVisit> last, Optional<Instant> lastMetAt, int notMetStreak) {

    /** Consent that keeps the next visit agreed at the last one. */
    private static final Set<NextVisitConsent> HOLDS = EnumSet.of(NextVisitConsent.AGREED, NextVisitConsent.NO_EXPLICIT_REFUSAL);

    public static final CadenceFacts NO_VISITS = new CadenceFacts(Optional.empty(), Optional.empty(), 0);

    /** The latest counted visit: when, and the next visit agreed at it, if any. */
    public record LastVisit(Instant occurredAt, NextVisitConsent nextVisitConsent, Instant nextVisitAt,
                            Integer nextVisitIntervalDays) {

        boolean holdsItsNextVisit() {
            return nextVisitConsent != null && HOLDS.contains(nextVisitConsent);
        }
    }
}
