package jp.tsunagu.visits.api;

import jp.tsunagu.events.visits.LeftBehind;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.events.visits.Visitor;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.visits.domain.Visit;
import jp.tsunagu.visits.domain.VisitSnapshot;

import java.util.List;
import java.util.UUID;

/** Between the visit API's records and the domain. */
final class VisitMapper {

    private VisitMapper() {
    }

    /** Fills a visit from a body (a new one, or a correction of an existing one: id and case stay). */
    static void fill(Visit visit, VisitBodies.VisitBody body) {
        visit.status = body.status() == null ? VisitStatus.RECORDED : body.status();
        visit.kind = body.kind();
        visit.occurredAt = body.occurredAt().toInstant();
        visit.durationMinutes = body.durationMinutes();
        visit.visitors = body.visitors().stream().map(v -> new Visitor(v.userId(), v.role())).toList();
        visit.outcome = body.outcome();
        visit.leftBehind = body.leftBehind() == null ? List.of()
                : body.leftBehind().stream().map(l -> new LeftBehind(l.kind(), l.contents())).toList();
        visit.timeAloneWithSubject = body.timeAloneWithSubject();
        visit.topics = body.topics() == null ? List.of() : List.copyOf(body.topics());
        visit.activity = body.activity();
        visit.nextVisitConsent = body.nextVisit() == null ? null : body.nextVisit().consent();
        visit.nextVisitAt = body.nextVisit() == null || body.nextVisit().at() == null ? null : body.nextVisit().at().toInstant();
        visit.nextVisitIntervalDays = body.nextVisit() == null ? null : body.nextVisit().intervalDays();
        visit.nextVisitDurationMinutes = body.nextVisit() == null ? null : body.nextVisit().durationMinutes();
        visit.observations = body.observations();
        visit.notes = body.notes();
    }

    static VisitBodies.VisitBody body(Visit v) {
        return new VisitBodies.VisitBody(v.id, v.caseId, v.kind, v.status, Tokyo.offset(v.occurredAt), v.durationMinutes,
                v.visitors.stream().map(x -> new VisitBodies.VisitorBody(x.userId(), x.role())).toList(), v.outcome,
                v.leftBehind.stream().map(l -> new VisitBodies.LeftBehindBody(l.kind(), l.contents())).toList(),
                v.timeAloneWithSubject, v.topics, v.activity, v.nextVisitConsent == null ? null
                : new VisitBodies.NextVisitBody(v.nextVisitConsent, Tokyo.offset(v.nextVisitAt), v.nextVisitIntervalDays,
                v.nextVisitDurationMinutes), v.observations, v.notes);
    }

    static VisitBodies.VisitView view(Visit v, boolean seesNotes) {
        return view(VisitSnapshot.of(v), seesNotes);
    }

    static VisitBodies.VisitView view(VisitSnapshot v, boolean seesNotes) {
        return new VisitBodies.VisitView(v.id(), v.caseId(), v.version(), v.status(), v.kind(), Tokyo.offset(v.occurredAt()),
                Tokyo.offset(v.receivedAt()), Tokyo.offset(v.updatedAt()), v.recordedBy(), v.durationMinutes(),
                v.visitors().stream().map(x -> new VisitBodies.VisitorBody(x.userId(), x.role())).toList(), v.outcome(),
                v.leftBehind().stream().map(l -> new VisitBodies.LeftBehindBody(l.kind(), l.contents())).toList(),
                v.timeAloneWithSubject(), v.topics(), v.activity(), v.nextVisitConsent() == null ? null
                : new VisitBodies.NextVisitBody(v.nextVisitConsent(), Tokyo.offset(v.nextVisitAt()), v.nextVisitIntervalDays(),
                v.nextVisitDurationMinutes()), seesNotes ? v.observations() : null, seesNotes ? v.notes() : null);
    }

    static UUID idOf(VisitBodies.VisitBody body) {
        return body.id() != null ? body.id() : UUID.randomUUID();
    }
}
