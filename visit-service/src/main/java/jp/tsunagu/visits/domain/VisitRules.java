package jp.tsunagu.visits.domain;

import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a visit record whole. A recorded visit has an outcome and did not happen in the
 * future; a scheduled one has none of what only a visit that happened can have. A met visit says
 * how the next one was agreed (no explicit refusal is its own answer); an outing says its activity.
 */
public final class VisitRules {

    /** Clocks of phones drift: a recorded visit may be this far in the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private VisitRules() {
    }

    /** Fails with every broken rule; a recorded visit where nobody was asked about the next one is NOT_ASKED. */
    public static void check(Visit visit, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (visit.visitors == null || visit.visitors.isEmpty()) {
            violations.add(new Violation("visitors", "at least one visitor"));
        }
        if ((visit.kind == VisitKind.OUTING) != (visit.activity != null)) {
            violations.add(new Violation("activity", visit.kind == VisitKind.OUTING
                    ? "an outing says what it was" : "only outings have an activity"));
        }
        if (visit.status == VisitStatus.SCHEDULED) {
            if (visit.outcome != null || !visit.leftBehind.isEmpty() || visit.nextVisitConsent != null
                    || visit.timeAloneWithSubject != null || visit.observations != null) {
                violations.add(new Violation("status", "a scheduled visit has no outcome, nothing left behind, no consent,"
                        + " no time alone and no observations yet"));
            }
        } else {
            if (visit.outcome == null) {
                violations.add(new Violation("outcome", "a recorded visit has an outcome"));
            }
            if (visit.occurredAt != null && visit.occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
                violations.add(new Violation("occurredAt", "a recorded visit did not happen in the future"));
            }
            boolean met = visit.outcome == VisitOutcome.MET_SUBJECT;
            if (met && visit.nextVisitConsent == null) {
                violations.add(new Violation("nextVisit.consent", "a met visit records consent to the next visit"));
            }
            if (!met && Boolean.TRUE.equals(visit.timeAloneWithSubject)) {
                violations.add(new Violation("timeAloneWithSubject", "only when the subject was met"));
            }
            if (visit.nextVisitConsent == NextVisitConsent.AGREED && visit.nextVisitAt == null
                    && visit.nextVisitIntervalDays == null) {
                violations.add(new Violation("nextVisit", "an agreed next visit has a date or an interval"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        if (visit.status == VisitStatus.RECORDED && visit.nextVisitConsent == null) {
            visit.nextVisitConsent = NextVisitConsent.NOT_ASKED;
        }
    }
}
