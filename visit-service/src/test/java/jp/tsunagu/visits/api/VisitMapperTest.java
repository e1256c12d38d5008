package jp.tsunagu.visits.api;

import jp.tsunagu.events.visits.LeftBehind;
import jp.tsunagu.events.visits.LeftBehindContents;
import jp.tsunagu.events.visits.LeftBehindKind;
import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.events.visits.Visitor;
import jp.tsunagu.events.visits.VisitorRole;
import jp.tsunagu.visits.domain.Visit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** VisitMapper between the visit API's records and the domain (plain JUnit). */
class VisitMapperTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-04-01T15:00:00+09:00");
    private static final UUID CASE = UUID.fromString("11111111-2222-4333-8444-555555555555");

    @Test
    void fillsAVisitFromABodyWithItsDefaults() {
        Visit visit = new Visit();

        VisitMapper.fill(visit, new VisitBodies.VisitBody(null, CASE, VisitKind.HOME, null, AT, 5,
                List.of(new VisitBodies.VisitorBody("supporter-1", VisitorRole.STAFF)), VisitOutcome.NOT_MET,
                null, null, null, null, null, null, "notes"));

        assertThat(visit.status).isEqualTo(VisitStatus.RECORDED);
        assertThat(visit.occurredAt).isEqualTo(Instant.parse("2026-04-01T06:00:00Z"));
        assertThat(visit.visitors).containsExactly(new Visitor("supporter-1", VisitorRole.STAFF));
        assertThat(visit.leftBehind).isEmpty();
        assertThat(visit.topics).isEmpty();
        assertThat(visit.nextVisitConsent).isNull();
        assertThat(visit.nextVisitAt).isNull();
        assertThat(visit.notes).isEqualTo("notes");
    }

    @Test
    void aBodyAndItsViewRoundTrip() {
        Visit visit = aMetVisit();

        VisitBodies.VisitBody body = VisitMapper.body(visit);
        Visit again = new Visit();
        VisitMapper.fill(again, body);

        assertThat(again).usingRecursiveComparison()
                .comparingOnlyFields("status", "kind", "occurredAt", "durationMinutes", "visitors", "outcome", "leftBehind",
                        "timeAloneWithSubject", "topics", "activity", "nextVisitConsent", "nextVisitAt",
                        "nextVisitIntervalDays", "nextVisitDurationMinutes", "observations", "notes")
                .isEqualTo(visit);
        assertThat(body.leftBehind()).singleElement().satisfies(l -> assertThat(l.contents())
                .containsExactly(LeftBehindContents.SUPPORTER_NEWS, LeftBehindContents.REQUEST_FOR_HELP));
        assertThat(VisitMapper.idOf(body)).isEqualTo(visit.id);
    }

    @Test
    void theViewLeavesOutObservationsAndNotesForWhoMayNotSeeThem() {
        Visit visit = aMetVisit();

        VisitBodies.VisitView full = VisitMapper.view(visit, true);
        VisitBodies.VisitView without = VisitMapper.view(visit, false);

        assertThat(full.occurredAt()).isEqualTo(AT);
        assertThat(full.version()).isEqualTo(3);
        assertThat(full.nextVisit().consent()).isEqualTo(NextVisitConsent.AGREED);
        assertThat(full.nextVisit().at()).isEqualTo(AT.plusDays(14));
        assertThat(full.observations()).isEqualTo("目を合わせて話せた");
        assertThat(full.notes()).isEqualTo("notes");
        assertThat(without.observations()).isNull();
        assertThat(without.notes()).isNull();
        assertThat(without.outcome()).isEqualTo(VisitOutcome.MET_SUBJECT);
    }

    private static Visit aMetVisit() {
        Visit visit = new Visit();
        visit.id = UUID.randomUUID();
        visit.caseId = CASE;
        visit.version = 3;
        visit.status = VisitStatus.RECORDED;
        visit.kind = VisitKind.HOME;
        visit.occurredAt = AT.toInstant();
        visit.receivedAt = AT.toInstant();
        visit.updatedAt = AT.toInstant();
        visit.recordedBy = "supporter-1";
        visit.durationMinutes = 30;
        visit.visitors = List.of(new Visitor("supporter-1", VisitorRole.STAFF));
        visit.outcome = VisitOutcome.MET_SUBJECT;
        visit.leftBehind = List.of(new LeftBehind(LeftBehindKind.LETTER,
                Set.copyOf(EnumSet.of(LeftBehindContents.REQUEST_FOR_HELP, LeftBehindContents.SUPPORTER_NEWS))));
        visit.timeAloneWithSubject = true;
        visit.topics = List.of("ギター");
        visit.nextVisitConsent = NextVisitConsent.AGREED;
        visit.nextVisitAt = AT.plusDays(14).toInstant();
        visit.nextVisitDurationMinutes = 30;
        visit.observations = "目を合わせて話せた";
        visit.notes = "notes";
        return visit;
    }
}
